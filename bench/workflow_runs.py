"""The workflow engine's benchmark (bench/workflows.sh starts the application; see bench/README.md).

The application started N runs of "Throughput check" (S Automated milestone steps each,
io.intime.demo.SyntheticWorkflows) before its scheduler started; the scheduler advances them all
at once. This script

1. a few seconds after the start, captures the SQL of the steps the scheduler runs (the SQL capture,
   CAPTURE seconds);
2. waits for the application's line "Synthetic workflows: N runs × S steps done in … s (… steps/s)"
   and prints it with the completions per second (from workflow_step.completed_at);
3. splits the capture into steps (per scheduler thread: the pick of the step's execution up to its
   delete, with the failed picks before it) and prints the statements per step;
4. the floor: those steps replayed over plain JDBC with bench/Floor.java, as many steps as the runs
   made, on as many connections as the scheduler has threads (one step per connection at a time,
   each in a transaction that is rolled back). Before each step a reset makes its rows what they
   were when it ran (its execution in scheduled_tasks, the step ACTIVE at its version, the run ACTIVE
   for its last step); the resets are replayed alone too and their time subtracted.

Standard library only; bench/Sql.java reads the database, with the driver the application ships.
"""
import argparse
import json
import math
import os
import re
import subprocess
import time

import floor as sql_floor

HERE = os.path.dirname(os.path.abspath(__file__))
STARTED = re.compile(r"Synthetic workflows: started (\d+) runs \S+ (\d+) steps in (\d+) ms \((\d+) runs/s\) over (\d+) accounts")
DONE = re.compile(r"Synthetic workflows: (\d+) runs \S+ (\d+) steps done in ([\d.]+) s \((\d+) steps/s\) after the last was "
                  r"started; ([\d.]+) s from the first start \((\d+) steps/s\); (\d+) completed, (\d+) with a failed step")
TEMPLATE = "synthetic-throughput"


def log_text(path):
    with open(path, errors="replace") as f:
        return f.read()


def wait_for(predicate, timeout, what, every=0.5):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise SystemExit(f"timed out waiting for {what}")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def params(statement):
    """The first parameter set of a captured statement, in index order."""
    sets = statement.get("parameterSets") or [[]]
    return sorted(sets[0], key=lambda v: v["index"])


def starts(statement, prefix):
    return " ".join(statement["sql"].split()).lower().startswith(prefix)


def is_pick(s):
    return starts(s, "update scheduled_tasks set picked = ?")


def is_delete(s):
    return starts(s, "delete from scheduled_tasks")


def is_step_lock(s):
    return "for update" in s["sql"] and "from workflow_step" in s["sql"]


def steps_of(statements):
    """The workflow steps in a capture: per scheduler thread, the statements from the first pick of a
    `workflows.automated` execution after the thread's previous step up to the delete of the execution
    it ran (failed picks of other executions before it included); when the scheduler picks executions in
    batches (lock-and-fetch) and there is no pick of its own, from the step's first statement (its row
    locked). A thread's first step is left out: it began before the capture."""
    executors = sorted({s["thread"] for s in statements if is_delete(s)})
    steps = []
    others = 0
    for thread in executors:
        on_thread = [(i, s) for i, s in enumerate(statements) if s["thread"] == thread]
        segment = []
        begun = False
        for i, s in on_thread:
            if not begun:
                begun = is_delete(s)
                continue
            segment.append((i, s))
            if not is_delete(s):
                continue
            first = next((k for k, (_, t) in enumerate(segment)
                          if is_pick(t) and params(t)[4]["value"] == "workflows.automated"), None)
            if first is None:
                first = next((k for k, (_, t) in enumerate(segment) if is_step_lock(t)), None)
            body = [t for _, t in segment[first:]] if first is not None else []
            if body and any(is_step_lock(t) for t in body):
                steps.append((segment[first][0], body))
            else:
                others += 1
            segment = []
    steps.sort(key=lambda step: step[0])
    return [body for _, body in steps], others


def typed(value_type, value, index):
    return {"type": value_type, "value": value, "index": index}


def reset_of(step):
    """The statements that make a step's rows what they were when it ran (None when the capture does not
    show what they were)."""
    deleted = next(s for s in step if is_delete(s))
    name, instance, version = (v["value"] for v in params(deleted))
    pick = next((s for s in step if is_pick(s) and params(s)[5]["value"] == instance), None)
    done = next((s for s in step if starts(s, "update workflow_step set status = 'done'")), None)
    if done is None:
        return None
    # picked by this thread: the row as it was before its pick; picked in a batch: as the batch left it
    at = params(pick)[2] if pick is not None else params(done)[0]
    reset = [{"sql": "insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
                     "values (?, ?, ?, ?, ?)",
              "batch": False,
              "parameterSets": [[typed("string", name, 1), typed("string", instance, 2),
                                 typed(at["type"], at["value"], 3), typed("boolean", str(pick is None).lower(), 4),
                                 typed("long", str(int(version) - (1 if pick is not None else 0)), 5)]]}]
    done_params = params(done)
    reset.append({"sql": "update workflow_step set status = 'ACTIVE', version = ? where id = ?", "batch": False,
                  "parameterSets": [[typed("long", done_params[-1]["value"], 1),
                                     typed("long", done_params[-2]["value"], 2)]]})
    finished = next((s for s in step if starts(s, "update workflow_run set status = 'completed'")), None)
    if finished is not None:
        reset.append({"sql": "update workflow_run set status = 'ACTIVE' where id = ?", "batch": False,
                      "parameterSets": [[typed("long", params(finished)[-1]["value"], 1)]]})
    return reset


def run_of(step):
    event = next((s for s in step if starts(s, "insert into workflow_event")), None)
    return params(event)[0]["value"] if event else None


def short(sql, width=110):
    text = " ".join(sql.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--admin", default="admin")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--app-jar", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--threads", type=int, required=True, help="the scheduler's threads the application runs with")
    parser.add_argument("--settings", default="", help="the scheduler settings, in words, for the report")
    parser.add_argument("--capture-seconds", type=float, default=2.0)
    parser.add_argument("--floor-steps", type=int, default=0, help="steps the floor replays; 0 = as many as the runs made")
    parser.add_argument("--timeout", type=int, default=7200)
    args = parser.parse_args()

    log_path = os.path.join(args.workdir, "app.log")
    driver = sql_floor.jdbc_driver(args.app_jar, args.workdir)
    env = dict(os.environ)
    with open(os.path.join(args.workdir, "postgres.password")) as f:
        env.setdefault("PGPASSWORD", f.read().strip())
    db_port = re.findall(r"EMBEDDED PostgreSQL on port (\d+)", log_text(log_path))[0]
    jdbc_url = f"jdbc:postgresql://127.0.0.1:{db_port}/intime"

    def sql(*statements):
        done = subprocess.run(["java", "-cp", driver, os.path.join(HERE, "Sql.java"), jdbc_url, "postgres", *statements],
                              capture_output=True, text=True, env=env)
        if done.returncode != 0:
            raise SystemExit(f"bench/Sql.java failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    started = wait_for(lambda: STARTED.search(log_text(log_path)), 60, "the synthetic runs")
    runs, steps_per_run, start_ms, runs_per_s, accounts = (int(g) for g in started.groups())
    total_steps = runs * steps_per_run

    def capture(name):
        sql_floor._admin(args.base, args.admin, args.password, "POST")
        time.sleep(args.capture_seconds)
        captured = json.loads(sql_floor._admin(args.base, args.admin, args.password, "GET"))
        with open(os.path.join(args.workdir, f"workflow-capture-{name}.json"), "w") as out:
            json.dump(captured, out)
        return captured

    def steps_done():
        return int(sql(f"""
            select count(*) from workflow_step s join workflow_run r on r.id = s.run_id
              join workflow_template_version v on v.id = r.template_version_id
              join workflow_template t on t.id = v.template_id
             where t.template_key = '{TEMPLATE}' and s.status = 'DONE'""").strip())

    # 1. the captures: the runs advance in step (each step's successor queues behind the other runs'),
    # so a few seconds in the scheduler runs steps that activate the next one, and in the last
    # stretch steps that complete their run
    time.sleep(3)
    middle = capture("middle")
    last = None
    if steps_per_run > 1:
        # every few seconds only: each look is a JVM that would take the cores from the runs
        wait_for(lambda: steps_done() >= total_steps - runs * 9 // 10, args.timeout, "the runs' last steps", 10)
        last = capture("last")

    # 2. the runs' own figures
    done = wait_for(lambda: DONE.search(log_text(log_path)), args.timeout, "the runs to complete")
    n, s, advancing, rate, overall, overall_rate, completed, failed = done.groups()
    rows = sql(f"""
        select extract(epoch from date_trunc('second', s.completed_at))::bigint, count(*)
          from workflow_step s join workflow_run r on r.id = s.run_id
          join workflow_template_version v on v.id = r.template_version_id
          join workflow_template t on t.id = v.template_id
         where t.template_key = '{TEMPLATE}' and s.status = 'DONE'
         group by 1 order by 1""").strip().splitlines()
    per_second = dict(tuple(int(v) for v in row.split("\t")) for row in rows)
    whole = list(range(min(per_second) + 1, max(per_second))) if per_second else []
    rates = [per_second.get(second, 0) for second in whole] or list(per_second.values())
    print(f"Workflow runs: {int(n):,} runs of {int(s)} Automated milestone steps = {total_steps:,} steps "
          f"({completed} completed, {failed} with a failed step), over {accounts:,} synthetic accounts")
    print(f"  scheduler        {args.settings}")
    print(f"  starting         {runs:,} runs in {start_ms / 1000:.1f} s ({runs_per_s} runs/s; startBySystem in "
          f"transactions of 200 runs on 2 threads, before the scheduler started)")
    print(f"  advancing        {total_steps:,} steps in {float(advancing):.1f} s = {int(rate):,} steps/s "
          f"(from the last run's start to the last run's completion)")
    print(f"  from first start {float(overall):.1f} s = {int(overall_rate):,} steps/s (starting included)")
    if rates:
        print(f"  per second       p50 {percentile(rates, 50):,} steps/s, p10 {percentile(rates, 10):,}, "
              f"p90 {percentile(rates, 90):,}, max {max(rates):,} (completions per whole second)")

    # 3. the statements of a step: of every run, steps_per_run - 1 steps activate the next and one
    # completes the run; the floor replays them in that proportion
    captured = [captured_steps(c["statements"]) for c in (middle, last) if c is not None]
    every = [step for c in captured for step in c["steps"]]
    if not every:
        raise SystemExit("the captures hold no complete workflow step (is intime.diagnostics.request-metrics on?)")
    pools = [{"name": "activating the next", "weight": steps_per_run - 1,
              "steps": [step for step in every if not step["finishing"]]},
             {"name": "completing its run", "weight": 1, "steps": [step for step in every if step["finishing"]]}]
    for p in pools:
        if p["weight"] > 0 and not p["steps"]:
            print(f"  (the captures hold no step {p['name']}: the floor leaves them out; more RUNS give the captures time)")
    pools = [p for p in pools if p["weight"] > 0 and p["steps"]]
    if not pools:
        raise SystemExit("no replayable step in the captures")
    for p in pools:
        p["statements"] = sum(len(step["own"]) for step in p["steps"]) / len(p["steps"])
        p["scheduler"] = sum(sum(1 for st in step["own"] if "scheduled_tasks" in st["sql"])
                             for step in p["steps"]) / len(p["steps"])
        p["failed_picks"] = sum(max(0, sum(1 for st in step["own"] if is_pick(st)) - 1)
                                for step in p["steps"]) / len(p["steps"])
    weights = sum(p["weight"] for p in pools)
    per_step = sum(p["statements"] * p["weight"] for p in pools) / weights
    on_tasks = sum(p["scheduler"] * p["weight"] for p in pools) / weights
    failed_picks = sum(p["failed_picks"] * p["weight"] for p in pools) / weights
    fetches = sum(c["fetches"] for c in captured) / max(1, len(every))
    print(f"  SQL per step     {per_step:.1f} statements on the scheduler's thread ({on_tasks:.1f} of them on "
          f"scheduled_tasks, {failed_picks:.2f} failed picks included), plus {fetches:.2f} fetches of due executions "
          f"by the polling thread ({len(every)} steps in {len(captured)} captures of {args.capture_seconds:g} s, "
          f"{sum(c['others'] for c in captured)} other executions left out)")
    for p in pools:
        print(f"    a step {p['name']}: {p['statements']:.1f} statements ({len(p['steps'])} captured)")
    if os.environ.get("SHOW_STEP"):
        for p in pools:
            print(f"  a step {p['name']}, its statements:")
            for st in p["steps"][len(p["steps"]) // 2]["own"]:
                print(f"    {short(st['sql'])}")

    # 4. the floor
    floor_steps = args.floor_steps or total_steps
    floor_runs = max(1, math.ceil(floor_steps / args.threads))
    requests, sequence = [], []
    for p in pools:
        grouped = groups(p["steps"], args.threads)
        p["requests"] = list(range(len(requests), len(requests) + len(grouped)))
        requests.extend(grouped)
        if not p["requests"]:
            raise SystemExit(f"too few replayable steps {p['name']} in the capture for the floor")
    turn = [k for k, p in enumerate(pools) for _ in range(p["weight"])]
    used = [0] * len(pools)
    while len(sequence) < floor_runs + 20:
        k = turn[len(sequence) % len(turn)]
        sequence.append(pools[k]["requests"][used[k] % len(pools[k]["requests"])])
        used[k] += 1

    def as_captures(with_steps):
        return [{"jdbcUrl": middle["jdbcUrl"], "user": middle["user"],
                 "statements": [dict(st, thread=f"floor-{k}") for k, step in enumerate(group)
                                for st in step["reset"] + (step["fetches"] + step["own"] if with_steps else [])]}
                for group in requests]

    full = sql_floor.replay(driver, args.workdir, as_captures(True), sequence, 20, floor_runs, "workflow-steps")
    bare = sql_floor.replay(driver, args.workdir, as_captures(False), sequence, 20, floor_runs, "workflow-step-resets")
    floor_ms = full["total"] - bare["total"]
    floor_rate = floor_runs * args.threads / (floor_ms / 1000)
    print(f"  SQL floor        {floor_runs * args.threads:,} steps in {floor_ms / 1000:.1f} s = {floor_rate:,.0f} steps/s "
          f"({sum(len(g) for g in requests)} distinct captured steps on {args.threads} connections, each step in a "
          f"transaction rolled back; the resets alone, {bare['total'] / 1000:.1f} s, subtracted)")
    print(f"  runs / floor     {floor_rate / int(rate):.1f}x (the time per step against the floor's)")


def captured_steps(statements):
    """The steps of one capture, each with its own statements, its reset, whether it completes its run, and
    its share of the polling thread's fetches (spread evenly over the steps)."""
    bodies, others = steps_of(statements)
    executors = {st["thread"] for body in bodies for st in body}
    # the polling thread's fetches (or batch picks) of due executions
    fetches = [st for st in statements if st["thread"] not in executors and st["thread"].startswith("db-scheduler")
               and "scheduled_tasks" in st["sql"]]
    steps = [{"own": body, "reset": reset_of(body), "fetches": [],
              "finishing": any(starts(st, "update workflow_run set status = 'completed'") for st in body)}
             for body in bodies]
    for i, fetch in enumerate(fetches):
        if steps:
            steps[min(len(steps) - 1, i * len(steps) // len(fetches))]["fetches"].append(fetch)
    return {"steps": [step for step in steps if step["reset"]], "others": others, "fetches": len(fetches)}


def groups(steps, size):
    """Steps in groups of `size` from different runs (replayed side by side: no two may wait for each other)."""
    result, pending = [], list(steps)
    while len(pending) >= size:
        group, runs_in = [], set()
        for item in list(pending):
            run = run_of(item["own"])
            if run in runs_in:
                continue
            group.append(item)
            runs_in.add(run)
            pending.remove(item)
            if len(group) == size:
                break
        if len(group) < size:
            break
        result.append(group)
    return result


if __name__ == "__main__":
    main()
