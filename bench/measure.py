#!/usr/bin/env python3
"""Client side of bench/accounts-list.sh: signs in, sends the requests, prints the figures.

The server time (X-Server-Time-Ms) and the SQL statement count (X-Sql-Statements) come from
the server's RequestMetricsFilter (intime.diagnostics.request-metrics=true); the client time
is shown beside them for reference only. Standard library only.
"""
import argparse
import base64
import collections
import http.cookiejar
import json
import math
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import floor as sql_floor

QUERIES = ["", "tech", "bank", "health", "data", "global", "blue harbor", "energy", "retail", "ACC-001",
           "summit", "capital", "logistics", "insurance", "zzz-no-match", "corp", "systems", "apex"]
PAGES = 5
TARGET_P95_MS = 50
TARGET_STATEMENTS = 5


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def request(opener, url, data=None, headers=None):
    """Returns (status, headers, body, client_ms) without raising on 3xx/4xx/5xx."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    started = time.perf_counter()
    try:
        with opener.open(req, timeout=60) as response:
            body = response.read()
            status, got = response.status, response.headers
    except urllib.error.HTTPError as error:
        body = error.read()
        status, got = error.code, error.headers
    return status, got, body, (time.perf_counter() - started) * 1000


def sign_in(opener, base, user, password):
    status, _, body, _ = request(opener, base + "/login", headers={"Accept": "text/html"})
    html = body.decode("utf-8", "replace")
    token = None
    for tag in re.findall(r"<input[^>]*>", html):
        if re.search(r'name="_csrf"', tag):
            match = re.search(r'value="([^"]*)"', tag)
            token = match.group(1) if match else None
    form = {"username": user, "password": password}
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}
    if token:
        form["_csrf"] = token
        how = "form login with the page's CSRF token"
    else:
        # No login page on this build: the security configuration does not ask for a CSRF
        # token when a request carries its own Authorization header.
        headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        how = f"form login without a login page (GET /login: {status}); CSRF skipped via Authorization header"
    status, got, _, _ = request(opener, base + "/login", urllib.parse.urlencode(form).encode(), headers)
    location = got.get("Location", "")
    if status != 302 or "error" in location or "locked" in location or "disabled" in location:
        sys.exit(f"Sign-in as {user} failed: {status} {location}")
    print(f"Signed in as {user} ({how}).")


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def show(value, unit=""):
    return "n/a" if value is None else f"{value:g}{unit}"


def run(opener, base, title, paths, accept, warmup, count, floor=None):
    for i in range(warmup):
        request(opener, base + paths(i), headers={"Accept": accept})
    statuses = collections.Counter()
    server, statements, client = [], [], []
    for i in range(count):
        status, headers, _, client_ms = request(opener, base + paths(warmup + i), headers={"Accept": accept})
        statuses[status] += 1
        client.append(client_ms)
        if headers.get("X-Server-Time-Ms") is not None:
            server.append(float(headers["X-Server-Time-Ms"]))
        if headers.get("X-Sql-Statements") is not None:
            statements.append(int(headers["X-Sql-Statements"]))
    p95 = percentile(server, 95)
    worst = max(statements) if statements else None
    print(title)
    print(f"  requests        {count} measured after {warmup} warm-up, e.g. {paths(warmup)}")
    print("  status          " + ", ".join(f"{code} x{n}" for code, n in sorted(statuses.items())))
    print(f"  server time     p50 {show(percentile(server, 50), ' ms')}   p95 {show(p95, ' ms')}   max {show(max(server) if server else None, ' ms')}")
    print(f"  SQL statements  p50 {show(percentile(statements, 50))}   p95 {show(percentile(statements, 95))}   max {show(worst)}")
    print(f"  client time     p50 {percentile(client, 50):.1f} ms   p95 {percentile(client, 95):.1f} ms   (reference: includes the HTTP client)")
    if floor and statuses.get(200):
        floor(paths, accept, percentile(server, 50), p95)
    if not statuses.get(200):
        print("  target          not judged: no 200 answers (the endpoint is missing or refused on this build);"
              " the figures above are for the answers it gave")
    elif p95 is not None and worst is not None:
        verdict = "meets" if p95 <= TARGET_P95_MS and worst <= TARGET_STATEMENTS else "MISSES"
        print(f"  target          p95 <= {TARGET_P95_MS} ms and <= {TARGET_STATEMENTS} statements: {verdict}")
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True)
    parser.add_argument("--user", default="am")
    parser.add_argument("--full-name", default="Jordan Reyes", help="the user's name as pages show it (my-tasks)")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--admin", default="admin", help="who captures the SQL of the requests (an admin)")
    parser.add_argument("--app-jar", help="the application's jar: its PostgreSQL driver replays the SQL floor")
    parser.add_argument("--workdir", default=".", help="where the floor's files go")
    parser.add_argument("--scenario", default="accounts", choices=["accounts", "my-tasks", "console", "strategic", "revenue", "qbr",
                                                                   "automation"],
                        help="accounts: the accounts list (bench/accounts-list.sh); my-tasks: My tasks (bench/my-tasks.sh); "
                             "console: the account manager's console (bench/console.sh); "
                             "strategic: the executive's portfolio and the recruiter ranking (bench/strategic.sh); "
                             "revenue: the retention KPIs and the renewal model's fit (bench/revenue.sh); "
                             "qbr: generating a QBR deck, PPTX and PDF (bench/qbr.sh); "
                             "automation: the automation rules' scan (bench/automation.sh)")
    args = parser.parse_args()

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirects())
    sign_in(opener, args.base, args.user, args.password)
    print()

    def page(i):
        q = QUERIES[i % len(QUERIES)]
        return f"/accounts?q={urllib.parse.quote(q)}&page={(i // len(QUERIES)) % PAGES}"

    def api(i):
        q = QUERIES[i % len(QUERIES)]
        return f"/api/v1/accounts?q={urllib.parse.quote(q)}&page=0&size=50"

    floor = None
    if args.app_jar:
        driver = sql_floor.jdbc_driver(args.app_jar, args.workdir)

        def floor(paths, accept, request_p50, request_p95):
            """The same requests' statements, captured once per distinct request, replayed over plain JDBC."""
            order = [paths(args.warmup + i) for i in range(args.requests)]
            distinct = list(dict.fromkeys([paths(i) for i in range(args.warmup)] + order))
            captures = [sql_floor.capture(args.base, args.admin, args.password,
                                          lambda p=p: request(opener, args.base + p, headers={"Accept": accept}))
                        for p in distinct]
            index = {p: i for i, p in enumerate(distinct)}
            sequence = [index[paths(i)] for i in range(args.warmup + args.requests)]
            f = sql_floor.replay(driver, args.workdir, captures, sequence, args.warmup, args.requests,
                                 paths(0).split("?")[0])
            statements = sum(len(c["statements"]) for c in captures) / len(captures)
            print(f"  SQL floor       p50 {f['p50']:.1f} ms   p95 {f['p95']:.1f} ms   max {f['max']:.1f} ms"
                  f"   ({statements:.1f} statements per request over plain JDBC, {len(distinct)} distinct requests)")
            print(f"  server / floor  p50 {sql_floor.ratio(request_p50, f['p50'])}   p95 {sql_floor.ratio(request_p95, f['p95'])}")

    if args.scenario == "console":
        # targets of the console: p95 <= 100 ms and at most 10 statements (issue 13)
        global TARGET_P95_MS, TARGET_STATEMENTS
        TARGET_P95_MS, TARGET_STATEMENTS = 100, 10
        run(opener, args.base, "Console page    GET /", lambda i: "/", "text/html", args.warmup, args.requests, floor)
        run(opener, args.base, "Console API     GET /api/v1/console", lambda i: "/api/v1/console", "application/json",
            args.warmup, args.requests, floor)
        return

    if args.scenario == "automation":
        # issue 17: a trigger scan over 10,000 contracts under one second
        import automation_bench
        args.rounds, args.warmup_scans = args.requests, args.warmup
        args.new_occasions = int(os.environ.get("AUTOMATION_NEW", "100"))
        automation_bench.run(opener, request, args)
        return

    if args.scenario == "qbr":
        # target of issue 16: the deck of an account with 500 placements in the quarter
        # (its review computed from the facts, the PPTX with native charts and the PDF)
        # in 3 s
        TARGET_P95_MS, TARGET_STATEMENTS = 3000, 30
        with open(os.path.join(args.workdir, "app.log"), encoding="utf-8", errors="replace") as log:
            found = re.search(r"Synthetic QBR: account (\d+) got (\d+) placements this quarter; qbr (\d+)", log.read())
        if not found:
            sys.exit("no synthetic QBR in the log (start the app with --intime.synthetic.qbr-placements=500)")
        qbr = found.group(3)
        print(f"  (account {found.group(1)} with {found.group(2)} placements this quarter, QBR {qbr})")
        run(opener, args.base, "Deck, PPTX      GET /api/v1/qbrs/{id}/deck/preview.pptx",
            lambda i: f"/api/v1/qbrs/{qbr}/deck/preview.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", args.warmup, args.requests,
            floor)
        run(opener, args.base, "Deck, PDF       GET /api/v1/qbrs/{id}/deck/preview.pdf",
            lambda i: f"/api/v1/qbrs/{qbr}/deck/preview.pdf", "application/pdf", args.warmup, args.requests, floor)
        return

    if args.scenario == "revenue":
        # targets of issue 15: the KPIs of the company and of an account manager's portfolio
        # p95 <= 200 ms (a handful of statements); fitting the renewal model, seconds
        TARGET_P95_MS, TARGET_STATEMENTS = 200, 10
        _, _, body, _ = request(opener, args.base + "/revenue/reports?basis=constant", headers={"Accept": "text/html"})
        html = body.decode("utf-8", "replace")
        select = re.search(r'<select name="ownerId" id="rv-owner">.*?</select>', html, re.S)
        owners = re.findall(r'<option value="(\d+)"', select.group(0)) if select else []
        if not owners:
            sys.exit("no account managers offered on the revenue reports page")
        print(f"  ({len(owners)} account managers; the company report covers every account)")
        run(opener, args.base, "KPIs, company   GET /api/v1/revenue/kpis", lambda i: "/api/v1/revenue/kpis",
            "application/json", args.warmup, args.requests, floor)
        run(opener, args.base, "KPIs, per AM    GET /api/v1/revenue/kpis?ownerId={AM}",
            lambda i: f"/api/v1/revenue/kpis?ownerId={owners[i % len(owners)]}", "application/json", args.warmup,
            args.requests, floor)
        admin = urllib.request.build_opener(NoRedirects())
        basic = "Basic " + base64.b64encode(f"{args.admin}:{args.password}".encode()).decode()
        fits = []
        for _ in range(3):
            status, _, answer, client_ms = request(admin, args.base + "/api/v1/renewals/model/fit", data=b"",
                                                   headers={"Accept": "application/json", "Authorization": basic})
            if status != 200:
                sys.exit(f"refit answered {status}: {answer[:300]!r}")
            fitted = json.loads(answer)
            fits.append(fitted["millis"])
        print("Renewal model fit  POST /api/v1/renewals/model/fit")
        print(f"  closed renewals {fitted['trainedOn']}   fit times {', '.join(str(m) + ' ms' for m in fits)}"
              f"   ({fitted['model']})")
        print(f"  target          seconds: {'meets' if max(fits) < 10000 else 'MISSES'}")
        return

    if args.scenario == "strategic":
        # targets of issue 14: the portfolio p95 <= 100 ms and at most 10 statements; the
        # recruiter ranking (its page: the account, the ranked recruiters) p95 <= 50 ms
        TARGET_P95_MS, TARGET_STATEMENTS = 100, 10
        run(opener, args.base, "Portfolio page  GET /executive/strategic-accounts", lambda i: "/executive/strategic-accounts",
            "text/html", args.warmup, args.requests, floor)
        _, _, body, _ = request(opener, args.base + "/executive/strategic-accounts", headers={"Accept": "text/html"})
        html = body.decode("utf-8", "replace")
        rows = len(re.findall(r'class="portfolio-row"', html))
        print(f"  (the portfolio holds {rows} strategic accounts)")
        abc = re.search(r'href="/executive/strategic-accounts/(\d+)"[^>]*>ABC Technologies<', html)
        if not abc:
            sys.exit("ABC Technologies is not in the CEO's portfolio")
        TARGET_P95_MS, TARGET_STATEMENTS = 50, 25
        run(opener, args.base, "Recruiter ranking GET /executive/strategic-accounts/{ABC}/recruiter",
            lambda i: f"/executive/strategic-accounts/{abc.group(1)}/recruiter", "text/html", args.warmup,
            args.requests, floor)
        return

    if args.scenario == "my-tasks":
        # the filter offers the accounts of the user's tasks; the task form names the user's id
        _, _, body, _ = request(opener, args.base + "/tasks", headers={"Accept": "text/html"})
        html = body.decode("utf-8", "replace")
        select = re.search(r'<select id="filter-account".*?</select>', html, re.S)
        accounts = re.findall(r'<option value="(\d+)"', select.group(0)) if select else []
        _, _, body, _ = request(opener, args.base + "/tasks/new", headers={"Accept": "text/html"})
        me = re.search(r'<option value="(\d+)"[^>]*>' + re.escape(args.full_name), body.decode("utf-8", "replace"))
        if not me:
            sys.exit(f"no user {args.full_name} among the assignees of /tasks/new")

        def tasks_page(i):
            # three of four requests are the whole list, the fourth filters by one of the accounts
            return "/tasks" if i % 4 != 3 or not accounts else f"/tasks?account={accounts[(i // 4) % len(accounts)]}"

        def tasks_api(i):
            return f"/api/v1/tasks?assigneeId={me.group(1)}&status=OPEN&page={i % 5}&size=50"

        run(opener, args.base, "My tasks page   GET /tasks (and /tasks?account=…)", tasks_page, "text/html",
            args.warmup, args.requests, floor)
        run(opener, args.base, "Tasks API       GET /api/v1/tasks?assigneeId=…&status=OPEN&page=…&size=50", tasks_api,
            "application/json", args.warmup, args.requests, floor)
        return

    run(opener, args.base, "Accounts page   GET /accounts?q=…&page=…", page, "text/html", args.warmup, args.requests, floor)
    run(opener, args.base, "Accounts API    GET /api/v1/accounts?q=…&page=0&size=50", api, "application/json",
        args.warmup, args.requests, floor)


if __name__ == "__main__":
    main()
