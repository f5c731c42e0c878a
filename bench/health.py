#!/usr/bin/env python3
"""Drives bench/health-recompute.sh against a running application: full recomputes through
POST /api/v1/health/recompute (as admin), then event-driven updates: an NPS response created
through POST /api/v1/nps-responses (as am) and GET /api/v1/accounts/{id}/health polled every
10 ms until the score's computedAt moves past the creation. Prints the figures."""
import argparse, base64, json, statistics, time, urllib.request, urllib.parse, datetime


def call(base, user, password, method, path, body=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    request.add_header("Authorization", "Basic " + token)
    request.add_header("Accept", "application/json")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read() or b"null")


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--base", required=True)
    args.add_argument("--password", default="demo")
    args.add_argument("--runs", type=int, default=3)
    args.add_argument("--updates", type=int, default=10)
    a = args.parse_args()

    print("Full recompute (POST /api/v1/health/recompute, as admin):")
    rates = []
    for run in range(1, a.runs + 1):
        r = call(a.base, "admin", a.password, "POST", "/api/v1/health/recompute")
        rates.append(r["accountsPerSecond"])
        print(f"  run {run}: {r['accounts']:,} accounts in {r['millis']:,} ms = {r['accountsPerSecond']:,} accounts/s"
              f" (alerts raised {r['alertsRaised']}, cleared {r['alertsCleared']})")
    print(f"  best {max(rates):,} accounts/s, median {statistics.median(rates):,.0f} accounts/s")

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


if __name__ == "__main__":
    main()
