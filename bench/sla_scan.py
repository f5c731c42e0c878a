"""The escalation SLA scan's benchmark (bench/sla-scan.sh starts the application; see bench/README.md).

1. Waits for the synthetic open escalations and the catch-up scans at start (the escalations
   whose response warning was already behind them, 5,000 per scan) and reports them.
2. ROUNDS times: moves DUE synthetic escalations raised in the last hours 18 hours back (their
   response warning is now behind them) with a SQL capture open, waits for the scan that finds
   them in the application's log ("SLA scan: N escalations due, … in M ms"), closes the capture.
3. The floor: each round's scan statements (the scheduler thread's, from the claim on) replayed
   over plain JDBC with bench/Floor.java, after a statement that makes the same rows due again
   (all rolled back); the time of that statement alone is replayed too and subtracted.

Standard library only; bench/Sql.java changes the data, with the driver the application ships.
"""
import argparse
import json
import os
import re
import subprocess
import time

import floor as sql_floor

HERE = os.path.dirname(os.path.abspath(__file__))
SCAN = re.compile(r"SLA scan: (\d+) escalations due, (\d+) thresholds crossed, (\d+) notices in (\d+) ms")


def scans(log_path):
    with open(log_path, errors="replace") as f:
        return [tuple(int(g) for g in m.groups()) for m in SCAN.finditer(f.read())]


def wait_for(predicate, timeout, what):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise SystemExit(f"timed out waiting for {what}")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--admin", default="admin")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--app-jar", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--due", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    log_path = os.path.join(args.workdir, "app.log")
    driver = sql_floor.jdbc_driver(args.app_jar, args.workdir)
    env = dict(os.environ)
    with open(os.path.join(args.workdir, "postgres.password")) as f:
        env.setdefault("PGPASSWORD", f.read().strip())
    db_port = wait_for(lambda: re.findall(r"EMBEDDED PostgreSQL on port (\d+)", open(log_path, errors="replace").read()),
                       60, "the database's port")[0]
    jdbc_url = f"jdbc:postgresql://127.0.0.1:{db_port}/intime"

    def sql(*statements):
        done = subprocess.run(["java", "-cp", driver, os.path.join(HERE, "Sql.java"), jdbc_url, "postgres", *statements],
                              capture_output=True, text=True, env=env)
        if done.returncode != 0:
            raise SystemExit(f"bench/Sql.java failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    wait_for(lambda: "Synthetic engagement:" in open(log_path, errors="replace").read(), 1800, "the synthetic data")
    # the catch-up: scans until one finds fewer than a batch
    wait_for(lambda: any(s[0] < 5000 for s in scans(log_path)) and len(scans(log_path)) > 0, 600, "the catch-up")
    time.sleep(6)
    catch_up = scans(log_path)
    open_count = int(sql("select count(*) from escalation where status not in ('RESOLVED', 'CLOSED')").strip())
    print(f"SLA scan over {open_count:,} open escalations (scheduler every 5 s, batches of 5,000)")
    full = [s for s in catch_up if s[0] == 5000]
    print(f"  catch-up at start  {len(catch_up)} scans, {sum(s[0] for s in catch_up):,} escalations, "
          f"{sum(s[2] for s in catch_up):,} notices; a scan of 5,000 due: "
          + (f"p50 {percentile([s[3] for s in full], 50)} ms, max {max(s[3] for s in full)} ms" if full else "none"))

    times, floors, bares, dues = [], [], [], []
    for r in range(args.rounds):
        before = len(scans(log_path))
        ids = sql(f"""
            select id from escalation where escalation_key like 'SLA-%' and status = 'OPEN'
               and raised_at > now() - interval '5 hours' and sla_check_at > now() + interval '10 hours'
             order by id limit {args.due}""").split()
        id_list = ",".join(ids)
        sql_floor._admin(args.base, args.admin, args.password, "POST")
        sql(f"update escalation set raised_at = raised_at - interval '18 hours', "
            f"response_due_at = response_due_at - interval '18 hours', "
            f"resolution_due_at = resolution_due_at - interval '18 hours', sla_check_at = now() where id in ({id_list})",
            f"update escalation_log set at = at - interval '18 hours' where entry = 'RAISED' and escalation_id in ({id_list})")
        found = wait_for(lambda: [s for s in scans(log_path)[before:] if s[0] >= len(ids)], 60, "the scan")
        capture = json.loads(sql_floor._admin(args.base, args.admin, args.password, "GET"))
        due, crossed, notices, millis = found[0]
        times.append(millis)
        dues.append(due)
        statements = capture["statements"]
        start = next(i for i, s in enumerate(statements) if "for update of e skip locked" in s["sql"]
                     and s["thread"] != "main")
        thread = statements[start]["thread"]
        tick = []
        for s in statements[start:]:
            if s["thread"] != thread:
                continue
            if tick and "for update of e skip locked" in s["sql"]:
                break
            tick.append(s)
        claim_now = dict(statements[start]["parameterSets"][0][0], index=1)
        reset = {"thread": thread, "batch": False, "millis": 0,
                 "sql": f"update escalation set sla_check_at = ? where id in ({id_list})",
                 "parameterSets": [[claim_now]]}
        base = {"jdbcUrl": capture["jdbcUrl"], "user": capture["user"]}
        figures = sql_floor.replay(driver, args.workdir, [dict(base, statements=[reset] + tick)], [0], 3, 15,
                                   f"sla-scan-{r}")
        bare = sql_floor.replay(driver, args.workdir, [dict(base, statements=[reset])], [0], 3, 15,
                                f"sla-scan-reset-{r}")
        floors.append(figures["p50"] - bare["p50"])
        bares.append(bare["p50"])
        print(f"  round {r + 1}: {due:,} due, {crossed:,} thresholds crossed, {notices:,} notices: {millis} ms; "
              f"floor {floors[-1]:.1f} ms ({len(tick)} statements; the reset alone {bare['p50']:.1f} ms, subtracted)")
    p50 = percentile(times, 50)
    f50 = percentile(floors, 50)
    print(f"  scan with {percentile(dues, 50):,} due     p50 {p50} ms   max {max(times)} ms   (target: under 1,000 ms)")
    print(f"  SQL floor          p50 {f50:.1f} ms")
    print(f"  scan / floor       p50 {sql_floor.ratio(p50, f50)}")


if __name__ == "__main__":
    main()
