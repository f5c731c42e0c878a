"""The automation scan's benchmark: the scenario `automation` of bench/measure.py, started by
bench/automation.sh (see bench/README.md).

Signed in as an admin (a session; POSTs carry the page's CSRF token):

1. Makes sure the seven default rules exist and are on. A build without the built-in workflow
   templates gets one-step stand-ins under the same keys (bench/Sql.java), and the rules the
   first start could not create for want of their template are added through the API as the
   defaults are.
2. The catch-up: the first scan (POST /api/v1/automation-rules/scan) over every account fires
   every occasion due (renewals within 90 days, SMS within 30, health below 60, this quarter's
   QBR workflow of Strategic and Growth accounts) and starts their runs.
3. The daily scan once everything due has fired: WARMUP + ROUNDS scans, each finding every
   occasion again and firing none. Its time is the server's (X-Server-Time-Ms) and the scan's own
   (the `millis` it answers); beside it the SQL floor (the statements of one such scan, captured
   and replayed over plain JDBC with bench/Floor.java) and the ratio. Target: under one second.
4. A day's new work: NEW contracts ending in four to ten months are moved to end in 60 days
   (bench/Sql.java), and one scan starts their renewals.

Standard library only.
"""
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import floor as sql_floor

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET_MS = 1000

# The templates the default rules start, and the one-step stand-in a build without them gets.
TEMPLATES = {"annual-renewal": "Annual Renewal", "health-check": "Client Health Check",
             "qbr": "Quarterly Business Review", "billing-dispute": "Billing Dispute Resolution",
             "onboarding": "Client Onboarding"}
STAND_IN = json.dumps({"roles": [{"key": "owner", "name": "Owner", "client": False, "binding": "RUN_OWNER"}],
                       "steps": [{"key": "review", "name": "Review", "type": "TODO", "role": "owner", "dueDays": 3,
                                  "instructions": "Benchmark stand-in", "parallel": False, "maxBytes": 0}]})

# io.intime.automation.AutomationRules.DEFAULTS, for a build whose first start could not create them all.
DEFAULTS = [
    ("renewal-90-days", {"name": "Annual renewal 90 days before a contract ends", "condition": "CONTRACT_ENDING",
                         "days": 90, "action": "START_WORKFLOW"}, "annual-renewal"),
    ("health-below-60", {"name": "Health check when the score drops below 60", "condition": "HEALTH_BELOW",
                         "threshold": 60, "action": "START_WORKFLOW"}, "health-check"),
    ("key-contact-left", {"name": "Health check when a key contact leaves", "condition": "KEY_CONTACT_LEFT",
                          "action": "START_WORKFLOW"}, "health-check"),
    ("quarterly-qbr", {"name": "QBR each quarter for Strategic and Growth accounts", "condition": "QUARTERLY",
                       "tiers": ["STRATEGIC", "GROWTH"], "action": "START_WORKFLOW"}, "qbr"),
    ("billing-dispute", {"name": "Billing dispute resolution when an invoice is disputed",
                         "condition": "BILLING_DISPUTE", "action": "START_WORKFLOW"}, "billing-dispute"),
    ("expiry-sms-30-days", {"name": "SMS alert 30 days before a contract ends", "condition": "CONTRACT_ENDING",
                            "days": 30, "action": "SMS_ALERT"}, None),
    ("first-contract-onboarding", {"name": "Onboarding when a prospect signs its first contract",
                                   "condition": "FIRST_CONTRACT_SIGNED", "action": "START_WORKFLOW"}, "onboarding"),
]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * (len(ordered) - 1)))))]


def run(opener, request, args):
    base = args.base
    log_path = os.path.join(args.workdir, "app.log")
    driver = sql_floor.jdbc_driver(args.app_jar, args.workdir)
    env = dict(os.environ)
    with open(os.path.join(args.workdir, "postgres.password")) as f:
        env.setdefault("PGPASSWORD", f.read().strip())
    with open(log_path, errors="replace") as f:
        port = re.findall(r"EMBEDDED PostgreSQL on port (\d+)", f.read())
    if not port:
        sys.exit("no embedded database port in the application's log")
    jdbc_url = f"jdbc:postgresql://127.0.0.1:{port[0]}/intime"

    def sql(*statements):
        done = subprocess.run(["java", "-cp", driver, os.path.join(HERE, "Sql.java"), jdbc_url, "postgres", *statements],
                              capture_output=True, text=True, env=env)
        if done.returncode != 0:
            sys.exit(f"bench/Sql.java failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    status, _, body, _ = request(opener, base + "/automation", headers={"Accept": "text/html"})
    if status != 200:
        sys.exit(f"GET /automation answered {status}: sign in as an admin (BENCH_USER=admin)")
    token = re.search(r'<meta name="_csrf" content="([^"]+)"', body.decode("utf-8", "replace"))
    header = re.search(r'<meta name="_csrf_header" content="([^"]+)"', body.decode("utf-8", "replace"))
    post_headers = {"Accept": "application/json", "Content-Type": "application/json",
                    header.group(1) if header else "X-CSRF-TOKEN": token.group(1) if token else ""}

    def api(method, path, payload=None):
        """(status, headers, body) of an API call with the session; writes carry the CSRF token."""
        data = None if payload is None else json.dumps(payload).encode()
        headers = {"Accept": "application/json"} if method == "GET" else post_headers
        call = urllib.request.Request(base + path, data=data if data is not None or method == "GET" else b"",
                                      headers=headers, method=method)
        try:
            with opener.open(call, timeout=3600) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    # 1. the templates and the default rules
    status, _, answer = api("GET", "/api/v1/workflow-templates")
    templates = {t["key"]: t["id"] for t in json.loads(answer) if t.get("key")}
    missing = [key for key in TEMPLATES if key not in templates]
    for key in missing:
        # two statements: an update cannot see the rows the same statement's WITH inserted
        sql(f"""
            with t as (insert into workflow_template (template_key, name, description, trigger_text, created_at,
                         created_by, updated_at, updated_by)
                       values ('{key}', '{TEMPLATES[key]}', 'Benchmark stand-in', '', now(), 'bench', now(), 'bench')
                       on conflict (template_key) do nothing returning id)
            insert into workflow_template_version (template_id, number, definition, note, created_at, created_by)
            select id, 1, cast('{STAND_IN}' as jsonb), 'bench', now(), 'bench' from t""",
            f"""update workflow_template t set current_version_id = v.id from workflow_template_version v
                 where v.template_id = t.id and v.number = 1 and t.template_key = '{key}' and t.current_version_id is null""")
    if missing:
        status, _, answer = api("GET", "/api/v1/workflow-templates")
        templates = {t["key"]: t["id"] for t in json.loads(answer) if t.get("key")}
        print(f"  (no built-in template {', '.join(missing)} on this build: one-step stand-ins added)")
    status, _, answer = api("GET", "/api/v1/automation-rules?size=200")
    # a default rule by its key, or by its name when the benchmark added it before (on a kept database)
    rules = {}
    for r in json.loads(answer)["items"]:
        rules.setdefault(r.get("key") or r["name"], r)
    added = []
    for key, rule, template in DEFAULTS:
        if key not in rules and rule["name"] in rules:
            key = rule["name"]
        if key in rules:
            if not rules[key]["enabled"]:
                status, _, answer = api("PATCH", f"/api/v1/automation-rules/{rules[key]['id']}",
                                        {"version": rules[key]["version"], "enabled": True})
            continue
        payload = dict(rule, enabled=True)
        if template:
            payload["templateId"] = templates[template]
        status, _, answer = api("POST", "/api/v1/automation-rules", payload)
        if status != 201:
            sys.exit(f"adding the rule {key} answered {status}: {answer[:300]!r}")
        added.append(key)
    if added:
        print(f"  (rules the first start could not create, added as the defaults: {', '.join(added)})")
    contracts = int(sql("select count(*) from contract").strip())
    active = int(sql("select count(*) from contract where status = 'ACTIVE'").strip())
    accounts = int(sql("select count(*) from account where archived_at is null").strip())
    print(f"Automation scan over {accounts:,} accounts and {contracts:,} contracts ({active:,} active), 7 rules")

    def scan(timeout_label):
        started = time.perf_counter()
        status, got, answer = api("POST", "/api/v1/automation-rules/scan")
        client_ms = (time.perf_counter() - started) * 1000
        if status != 200:
            sys.exit(f"the scan ({timeout_label}) answered {status}: {answer[:300]!r}")
        result = json.loads(answer)
        return result, float(got.get("X-Server-Time-Ms", client_ms)), int(got.get("X-Sql-Statements", -1))

    # 2. the catch-up
    result, server_ms, statements = scan("catch-up")
    runs = int(sql("select count(*) from workflow_run").strip())
    per = result["millis"] / result["fired"] if result["fired"] else 0
    print(f"  catch-up scan      {result['occasions']:,} occasions, {result['fired']:,} fired "
          f"({result['failed']} failed): {result['millis']:,} ms, {per:.1f} ms per firing (a run started, or an SMS);"
          f" {runs:,} runs now")

    # 3. the daily scan with nothing new
    for _ in range(args.warmup_scans):
        scan("warm-up")
    servers, own, counts, occasions = [], [], [], 0
    for _ in range(args.rounds):
        result, server_ms, statements = scan("daily")
        if result["fired"]:
            print(f"  (a daily scan fired {result['fired']}: the clock crossed a day?)")
        servers.append(server_ms)
        own.append(result["millis"])
        counts.append(statements)
        occasions = result["occasions"]
    p50, p95 = percentile(servers, 50), percentile(servers, 95)
    print(f"  daily scan         {occasions:,} occasions found again, none new; {args.rounds} scans after "
          f"{args.warmup_scans} warm-up")
    print(f"    server time      p50 {p50:.0f} ms   p95 {p95:.0f} ms   max {max(servers):.0f} ms"
          f"   (the scan itself: p50 {percentile(own, 50)} ms)")
    print(f"    SQL statements   {percentile(counts, 50)} per scan (the request's, with the session's)")
    captured = sql_floor.capture(base, args.admin, args.password,
                                 lambda: api("POST", "/api/v1/automation-rules/scan"))
    figures = sql_floor.replay(driver, args.workdir, [captured], [0] * (args.warmup_scans + args.rounds),
                               args.warmup_scans, args.rounds, "automation-scan")
    print(f"    SQL floor        p50 {figures['p50']:.1f} ms   p95 {figures['p95']:.1f} ms"
          f"   ({len(captured['statements'])} statements over plain JDBC)")
    print(f"    scan / floor     p50 {sql_floor.ratio(p50, figures['p50'])}   p95 {sql_floor.ratio(p95, figures['p95'])}")
    print(f"    target           p95 under {TARGET_MS:,} ms: {'meets' if p95 < TARGET_MS else 'MISSES'}")

    # 4. a day's new work
    if args.new_occasions > 0:
        moved = sql(f"""
            update contract set end_date = current_date + 60, updated_at = now()
             where id in (select c.id from contract c join account a on a.id = c.account_id
                           where c.status = 'ACTIVE' and a.archived_at is null
                             and c.end_date between current_date + 120 and current_date + 300
                           order by c.id limit {args.new_occasions})
            returning id""").split()
        result, server_ms, statements = scan("new occasions")
        per = result["millis"] / result["fired"] if result["fired"] else 0
        print(f"  a day's new work   {len(moved)} contracts moved to end in 60 days: {result['fired']} fired in "
              f"{result['millis']:,} ms ({per:.1f} ms per run started; server time {server_ms:.0f} ms)")
