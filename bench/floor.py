"""The SQL floor of a benchmark (see bench/README.md), shared by measure.py and health.py.

With intime.diagnostics.request-metrics=true the application offers admins a SQL capture
(POST /api/v1/diagnostics/sql-capture opens it, GET closes it and answers with every statement
executed in between, with its parameters, its thread and the database's JDBC URL). These helpers
capture the statements of requests and replay them with bench/Floor.java over plain JDBC on the
same database, with the PostgreSQL driver the application ships (taken out of its jar).
Standard library only.
"""
import base64
import json
import os
import re
import subprocess
import urllib.error
import urllib.request
import zipfile

CAPTURE = "/api/v1/diagnostics/sql-capture"
HERE = os.path.dirname(os.path.abspath(__file__))


def jdbc_driver(app_jar, into):
    """Extracts the PostgreSQL JDBC driver the application ships into `into`; returns its path."""
    with zipfile.ZipFile(app_jar) as jar:
        for name in jar.namelist():
            if re.fullmatch(r"BOOT-INF/lib/postgresql-[0-9.]+\.jar", name):
                target = os.path.join(into, os.path.basename(name))
                with open(target, "wb") as out:
                    out.write(jar.read(name))
                return target
    raise SystemExit(f"no PostgreSQL driver in {app_jar}")


def _admin(base, user, password, method):
    request = urllib.request.Request(base + CAPTURE, method=method, data=b"" if method == "POST" else None)
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode())
    request.add_header("Accept", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{method} {CAPTURE} as {user}: {error.code} (is intime.diagnostics.request-metrics on?)")


def capture(base, admin, password, send):
    """Opens a capture as `admin`, calls send(), closes it; returns the capture (a dict) with the
    statements of the request's own threads: what a scheduler thread ran meanwhile (a health
    recompute, the delivery of notices) is not the request's floor."""
    _admin(base, admin, password, "POST")
    send()
    captured = json.loads(_admin(base, admin, password, "GET"))
    captured["statements"] = [s for s in captured["statements"]
                              if str(s.get("thread", "http-nio")).startswith("http-nio")]
    return captured


def replay(driver, workdir, captures, sequence, warmup, runs, label):
    """Replays captures[sequence[i]] for warmup + runs iterations with bench/Floor.java; returns its figures."""
    first = captures[0]
    floor = {"jdbcUrl": first["jdbcUrl"], "user": first["user"],
             "requests": [{"name": name, "statements": c["statements"]} for name, c in
                          ((f"{label} {i}", c) for i, c in enumerate(captures))],
             "sequence": sequence}
    path = os.path.join(workdir, re.sub(r"\W+", "-", label).strip("-") + "-floor.json")
    with open(path, "w") as out:
        json.dump(floor, out)
    # The embedded database asks for the password it generated on its first start (scram-sha-256),
    # kept in the data folder the scripts give as INTIME_BENCH_DATA; PGPASSWORD wins when set.
    env = dict(os.environ)
    secret = os.path.join(os.environ.get("INTIME_BENCH_DATA", ""), "postgres.password")
    if "PGPASSWORD" not in env and os.path.isfile(secret):
        with open(secret) as f:
            env["PGPASSWORD"] = f.read().strip()
    done = subprocess.run(["java", "-cp", driver, os.path.join(HERE, "Floor.java"), path, "--warmup", str(warmup),
                           "--runs", str(runs)], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"bench/Floor.java failed:\n{done.stdout}{done.stderr}")
    last = done.stdout.strip().splitlines()[-1]
    figures = dict(pair.split("=") for pair in last.split()[1:])
    return {k: float(v) for k, v in figures.items()}


def ratio(request_ms, floor_ms):
    return "n/a" if not request_ms or not floor_ms else f"{request_ms / floor_ms:.1f}x"
