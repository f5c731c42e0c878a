#!/usr/bin/env bash
# Benchmark of the accounts list, as a signed-in account manager sees it: the page
# GET /accounts?q=… and the API GET /api/v1/accounts?q=…&page=0&size=50, on a throw-away
# database with the demo world plus a synthetic portfolio. Prints p50/p95 of the server time
# and the SQL statements per request, both measured inside the server (RequestMetricsFilter).
# See bench/README.md.
#
#   bench/accounts-list.sh                       # 10,000 synthetic accounts, 300 requests each
#   ACCOUNTS=100000 REQUESTS=500 bench/accounts-list.sh
#
# bench/my-tasks.sh runs this script with SCENARIO=my-tasks and APP_ARGS (synthetic tasks).
set -euo pipefail

cd "$(dirname "$0")/.."
ACCOUNTS=${ACCOUNTS:-10000}
REQUESTS=${REQUESTS:-300}
WARMUP=${WARMUP:-50}
START_TIMEOUT=${START_TIMEOUT:-900}
PASSWORD=${INTIME_DEMO_PASSWORD:-demo}

jar() { ls target/intime-accounts-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true; }
JAR=$(jar)
if [[ -z "$JAR" || -n "$(find src pom.xml -newer "$JAR" -type f 2>/dev/null | head -n 1)" ]]; then
  echo "Building the jar (./mvnw -q -DskipTests package) ..."
  ./mvnw -q -DskipTests package
  JAR=$(jar)
fi

DATA=$(mktemp -d "${TMPDIR:-/tmp}/intime-bench-XXXXXX")
export INTIME_BENCH_DATA="$DATA"   # bench/floor.py reads the embedded database's password there
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"

echo "Starting $JAR on port $PORT (data in $DATA, $ACCOUNTS synthetic accounts + the demo world) ..."
INTIME_DEMO_PASSWORD="$PASSWORD" java ${JAVA_OPTS:-} -jar "$JAR" \
  --intime.data-dir="$DATA" \
  --intime.synthetic.accounts="$ACCOUNTS" \
  --intime.demo=true \
  --intime.diagnostics.request-metrics=true \
  ${APP_ARGS:-} \
  --server.port="$PORT" >"$DATA/app.log" 2>&1 &
APP=$!

cleanup() {
  if kill -0 "$APP" 2>/dev/null; then
    kill "$APP" 2>/dev/null || true
    wait "$APP" 2>/dev/null || true
  fi
  if [[ -n "${KEEP_DATA:-}" ]]; then
    echo "Kept $DATA (app.log inside)"
  else
    rm -rf "$DATA"
  fi
}
trap cleanup EXIT

# Health is OUT_OF_SERVICE (503) until the demo world and the synthetic portfolio are loaded.
started=$(date +%s)
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health" || true)" == "200" ]]; do
  if ! kill -0 "$APP" 2>/dev/null; then
    echo "The application stopped while starting; the end of its log:" >&2
    tail -n 40 "$DATA/app.log" >&2
    exit 1
  fi
  if (( $(date +%s) - started > START_TIMEOUT )); then
    echo "Not healthy after ${START_TIMEOUT}s; the end of its log:" >&2
    tail -n 40 "$DATA/app.log" >&2
    exit 1
  fi
  sleep 2
done
echo "Ready after $(( $(date +%s) - started ))s:"
grep -hoE '(Demo world created|Synthetic portfolio|Synthetic facts|Synthetic tasks|Synthetic engagement|Synthetic QBR): .*' "$DATA/app.log" | sed 's/^/  /' || true
echo

if [[ "${SCENARIO:-accounts}" == "sla-scan" ]]; then
  python3 bench/sla_scan.py --base "$BASE" --password "$PASSWORD" --app-jar "$JAR" --workdir "$DATA" \
    --due "${SLA_DUE:-1000}" --rounds "${SLA_ROUNDS:-5}"
  exit
fi
python3 bench/measure.py --base "$BASE" --user "${BENCH_USER:-am}" --password "$PASSWORD" --requests "$REQUESTS" --warmup "$WARMUP" \
  --app-jar "$JAR" --workdir "$DATA" --scenario "${SCENARIO:-accounts}"
