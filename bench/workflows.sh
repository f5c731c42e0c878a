#!/usr/bin/env bash
# Benchmark of the workflow engine (issue 17): RUNS runs of "Throughput check" (STEPS Automated
# milestone steps each) started at once over the synthetic accounts (io.intime.demo.SyntheticWorkflows,
# intime.synthetic.workflow-runs), all advancing on the scheduler at the same time. Prints the steps
# per second from the last run's start to the last run's completion, the scheduler's settings, the SQL
# statements of a step, and beside them the floor: the captured statements of the steps replayed over
# plain JDBC for as many steps, and the ratio. See bench/README.md.
#
#   bench/workflows.sh                          # 10,000 runs of 5 steps, the scheduler's defaults
#   THREADS="4 8" bench/workflows.sh            # once with 4 scheduler threads, then with 8
#   RUNS=2000 STEPS=3 bench/workflows.sh
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-10000}
STEPS=${STEPS:-5}
ACCOUNTS=${ACCOUNTS:-1000}
THREADS=${THREADS:-default}
CAPTURE_SECONDS=${CAPTURE_SECONDS:-2}
FLOOR_STEPS=${FLOOR_STEPS:-0}
START_TIMEOUT=${START_TIMEOUT:-1800}
PASSWORD=${INTIME_DEMO_PASSWORD:-demo}

# The application's defaults (io.intime.shared.scheduling.SchedulerSettings), for the report.
DEFAULT_THREADS=4
POLLING=${POLLING:-10s}

jar() { ls target/intime-accounts-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true; }
JAR=$(jar)
if [[ -z "$JAR" || -n "$(find src pom.xml -newer "$JAR" -type f 2>/dev/null | head -n 1)" ]]; then
  echo "Building the jar (./mvnw -q -DskipTests package) ..."
  ./mvnw -q -DskipTests package
  JAR=$(jar)
fi
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

APP=
DATA=
cleanup() {
  if [[ -n "$APP" ]] && kill -0 "$APP" 2>/dev/null; then
    kill "$APP" 2>/dev/null || true
    wait "$APP" 2>/dev/null || true
  fi
  if [[ -n "$DATA" ]]; then
    if [[ -n "${KEEP_DATA:-}" ]]; then echo "Kept $DATA (app.log inside)"; else rm -rf "$DATA"; fi
  fi
  APP=
  DATA=
}
trap cleanup EXIT

for threads in $THREADS; do
  if [[ "$threads" == "default" ]]; then
    threads=$DEFAULT_THREADS
    THREAD_ARGS=()
    settings="$threads threads (default), polling every $POLLING (default)"
  else
    THREAD_ARGS=(--intime.scheduler.threads="$threads")
    settings="$threads threads (--intime.scheduler.threads=$threads), polling every $POLLING (default)"
  fi
  settings="$settings; db-scheduler's fetch strategy (due executions fetched $((threads * 3)) at a time, fetched again below $((threads / 2))), immediate execution on${SCHEDULER_NOTE:+; $SCHEDULER_NOTE}"

  DATA=$(mktemp -d "${TMPDIR:-/tmp}/intime-bench-XXXXXX")
  export INTIME_BENCH_DATA="$DATA"   # bench/floor.py reads the embedded database's password there
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  echo "Starting $JAR on port $PORT (data in $DATA, $ACCOUNTS synthetic accounts + the demo world, $RUNS runs of $STEPS steps, $threads scheduler threads) ..."
  INTIME_DEMO_PASSWORD="$PASSWORD" java ${JAVA_OPTS:-} -jar "$JAR" \
    --intime.data-dir="$DATA" \
    --intime.synthetic.accounts="$ACCOUNTS" \
    --intime.synthetic.workflow-runs="$RUNS" \
    --intime.synthetic.workflow-steps="$STEPS" \
    --intime.demo=true \
    --intime.diagnostics.request-metrics=true \
    "${THREAD_ARGS[@]}" \
    ${APP_ARGS:-} \
    --server.port="$PORT" >"$DATA/app.log" 2>&1 &
  APP=$!

  # Health is OUT_OF_SERVICE (503) until the start-up work is done, the runs started included.
  started=$(date +%s)
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health" || true)" == "200" ]]; do
    if ! kill -0 "$APP" 2>/dev/null; then
      echo "The application stopped while starting; the end of its log:" >&2; tail -n 40 "$DATA/app.log" >&2; exit 1
    fi
    if (( $(date +%s) - started > START_TIMEOUT )); then
      echo "Not healthy after ${START_TIMEOUT}s; the end of its log:" >&2; tail -n 40 "$DATA/app.log" >&2; exit 1
    fi
    sleep 1
  done
  echo "Ready after $(( $(date +%s) - started ))s (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
  grep -hoE '(Demo world created|Synthetic portfolio|Synthetic workflows): .*' "$DATA/app.log" | sed 's/^/  /' || true
  echo

  python3 bench/workflow_runs.py --base "$BASE" --password "$PASSWORD" --app-jar "$JAR" --workdir "$DATA" \
    --threads "$threads" --settings "$settings" --capture-seconds "$CAPTURE_SECONDS" --floor-steps "$FLOOR_STEPS"
  echo "  (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
  echo
  cleanup
done
