#!/usr/bin/env python3
"""Drives bench/health-recompute.sh against a running application: full recomputes through
POST /api/v1/health/recompute (as admin), then event-driven updates: an NPS response created
through POST /api/v1/nps-responses (as am) and GET /api/v1/accounts/{id}/health polled every
10 ms until the score's computedAt moves past the creation. Prints the figures."""
import argparse, base64, json, math, statistics, time, urllib.request, urllib.parse, datetime

import floor as sql_floor

last_server_ms = [None]


def call(base, user, password, method, path, body=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    request.add_header("Authorization", "Basic " + token)
    request.add_header("Accept", "application/json")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=600) as response:
        server = response.headers.get("X-Server-Time-Ms")
        last_server_ms[0] = None if server is None else float(server)
        return json.loads(response.read() or b"null")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] if ordered else None


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--base", required=True)
    args.add_argument("--password", default="demo")
    args.add_argument("--runs", type=int, default=3)
    args.add_argument("--updates", type=int, default=10)
    args.add_argument("--log", help="the application's log, to read the rewrite after a model change")
    args.add_argument("--app-jar", help="the application's jar: its PostgreSQL driver replays the SQL floor")
    args.add_argument("--workdir", default=".", help="where the floor's files go")
    a = args.parse_args()

    print("Full recompute (POST /api/v1/health/recompute, as admin):")
    rates = []
    server = []
    for run in range(1, a.runs + 1):
        r = call(a.base, "admin", a.password, "POST", "/api/v1/health/recompute")
        rates.append(r["accountsPerSecond"])
        server.append(last_server_ms[0] if last_server_ms[0] is not None else r["millis"])
        print(f"  run {run}: {r['accounts']:,} accounts in {r['millis']:,} ms = {r['accountsPerSecond']:,} accounts/s"
              f" (alerts raised {r['alertsRaised']}, cleared {r['alertsCleared']})")
    print(f"  best {max(rates):,} accounts/s, median {statistics.median(rates):,.0f} accounts/s"
          " (the same day: only what changed is written)")
    if a.app_jar:
        floor(a, server)

    if a.log:
        # A new model version changes every account's stored score (its version is part of it), so the
        # recompute it starts rewrites every current row and writes a history row per account.
        model = call(a.base, "admin", a.password, "GET", "/api/v1/health-model")
        model_change(a, "After a model change with the same rules (every score row and a history row per account"
                        " rewritten; the details the facts gave are kept):", model, "bench: same rules, new version")
        # A changed window changes what the facts say for every account ("over 181 days"): the worst
        # case, every score row, history row and detail row written.
        wider = json.loads(json.dumps(model))
        for component in wider["components"]:
            if component["key"] == "nps":
                component["windowDays"] = component["windowDays"] + 1
        model_change(a, "After a model change of the NPS window (every score, history and detail row written):", wider,
                     "bench: NPS window one day longer")
        model_change(a, "After changing it back (the same again):", model, "bench: back to the rubric")

    page = call(a.base, "am", a.password, "GET", "/api/v1/accounts?" + urllib.parse.urlencode({"q": "DataSystems Inc."}))
    account = page["items"][0]["id"]
    print(f"\nEvent-driven update (account {account}, DataSystems Inc.): NPS response created -> visible in the health API")
    latencies = []
    for i in range(a.updates):
        before = call(a.base, "am", a.password, "GET", f"/api/v1/accounts/{account}/health")["computedAt"]
        start = time.monotonic()
        call(a.base, "am", a.password, "POST", "/api/v1/nps-responses",
             {"accountId": account, "score": 3 + i % 5, "comment": "bench", "respondedOn": datetime.date.today().isoformat(),
              "surveyType": "TRANSACTIONAL"})
        while True:
            now = call(a.base, "am", a.password, "GET", f"/api/v1/accounts/{account}/health")["computedAt"]
            if now != before:
                break
            if time.monotonic() - start > 30:
                raise SystemExit("no update within 30 s")
            time.sleep(0.01)
        latencies.append((time.monotonic() - start) * 1000)
    latencies.sort()
    print(f"  {len(latencies)} updates: median {statistics.median(latencies):.0f} ms, max {latencies[-1]:.0f} ms "
          f"(from the POST until GET /health shows the new computation)")


def floor(a, server):
    """One more recompute with the SQL capture open, then its statements over plain JDBC, RUNS times."""
    captured = sql_floor.capture(a.base, "admin", a.password,
                                 lambda: call(a.base, "admin", a.password, "POST", "/api/v1/health/recompute"))
    statements = captured["statements"]
    threads = len({s["thread"] for s in statements})
    driver = sql_floor.jdbc_driver(a.app_jar, a.workdir)
    f = sql_floor.replay(driver, a.workdir, [captured], [0], 1, a.runs, "health-recompute")
    p50, p95 = percentile(server, 50), percentile(server, 95)
    print(f"  request         p50 {p50:,.0f} ms   p95 {p95:,.0f} ms   (server time of the {len(server)} runs above)")
    print(f"  SQL floor       p50 {f['p50']:,.0f} ms   p95 {f['p95']:,.0f} ms   ({len(statements)} statements of one run on"
          f" {threads} connection(s) as on the server's threads, over plain JDBC, rolled back; {a.runs} replays)")
    print(f"  request / floor p50 {sql_floor.ratio(p50, f['p50'])}   p95 {sql_floor.ratio(p95, f['p95'])}")


def model_change(a, title, model, note):
    """Saves the model as a new version and prints the recompute it starts, read from the application's log."""
    current = call(a.base, "admin", a.password, "GET", "/api/v1/health-model")
    with open(a.log) as log:
        seen = log.read().count("Health recomputed for")
    body = {"basedOnVersion": current["version"], "note": note, "name": model["name"], "greenFrom": model["greenFrom"],
            "yellowFrom": model["yellowFrom"], "components": model["components"]}
    call(a.base, "admin", a.password, "PUT", "/api/v1/health-model", body)
    started = time.monotonic()
    while True:
        with open(a.log) as log:
            lines = [l for l in log if "Health recomputed for" in l]
        if len(lines) > seen:
            print("\n" + title)
            print("  " + lines[seen].split("HealthRecompute", 1)[1].lstrip(" :").strip())
            return
        if time.monotonic() - started > 1200:
            raise SystemExit("no recompute after the model change within 20 minutes")
        time.sleep(0.5)


if __name__ == "__main__":
    main()
