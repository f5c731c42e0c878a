#!/usr/bin/env bash
# Benchmark of email delivery: MESSAGES email notifications queued at once (a notification and a
# QUEUED email delivery each, as the notifications facade writes them) on a throw-away database;
# the application's delivery worker (its scheduler task, default settings) sends them to the
# in-process SMTP server, which stores each in sent_mail. Prints messages per second, checks
# that each arrived once, and beside it the floor: the same messages sent again with bare
# Jakarta Mail over one SMTP connection to the same server, and the ratio. See bench/README.md.
#
#   bench/notification-delivery.sh                    # 10,000 messages, 3 runs
#   MESSAGES=2000 RUNS=1 bench/notification-delivery.sh
set -euo pipefail

cd "$(dirname "$0")/.."
MESSAGES=${MESSAGES:-10000}
RUNS=${RUNS:-3}
RECIPIENTS=${RECIPIENTS:-100}
START_TIMEOUT=${START_TIMEOUT:-600}

jar() { ls target/intime-accounts-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true; }
JAR=$(jar)
if [[ -z "$JAR" || -n "$(find src pom.xml -newer "$JAR" -type f 2>/dev/null | head -n 1)" ]]; then
  echo "Building the jar (./mvnw -q -DskipTests package) ..."
  ./mvnw -q -DskipTests package
  JAR=$(jar)
fi

DATA=$(mktemp -d "${TMPDIR:-/tmp}/intime-bench-XXXXXX")
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
PORT=$(free_port)
SMTP_PORT=$(free_port)

echo "Starting $JAR on port $PORT (data in $DATA, no demo world, in-process SMTP server on port $SMTP_PORT) ..."
java ${JAVA_OPTS:-} -jar "$JAR" \
  --intime.data-dir="$DATA" \
  --intime.demo=false \
  --intime.mail.embedded-port="$SMTP_PORT" \
  --server.port="$PORT" >"$DATA/app.log" 2>&1 &
APP=$!

cleanup() {
  if kill -0 "$APP" 2>/dev/null; then
    kill "$APP" 2>/dev/null || true
    wait "$APP" 2>/dev/null || true
  fi
  if [[ -n "${KEEP_DATA:-}" ]]; then echo "Kept $DATA (app.log inside)"; else rm -rf "$DATA"; fi
}
trap cleanup EXIT

started=$(date +%s)
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health" || true)" == "200" ]]; do
  if ! kill -0 "$APP" 2>/dev/null; then
    echo "The application stopped while starting; the end of its log:" >&2; tail -n 40 "$DATA/app.log" >&2; exit 1
  fi
  if (( $(date +%s) - started > START_TIMEOUT )); then
    echo "Not healthy after ${START_TIMEOUT}s; the end of its log:" >&2; tail -n 40 "$DATA/app.log" >&2; exit 1
  fi
  sleep 2
done
echo "Ready after $(( $(date +%s) - started ))s."

DB_PORT=$(grep -oE 'EMBEDDED PostgreSQL on port [0-9]+' "$DATA/app.log" | grep -oE '[0-9]+$' | head -n 1)
[[ -n "$DB_PORT" ]] || { echo "The embedded database's port is not in the log" >&2; exit 1; }

# The PostgreSQL driver and Jakarta Mail the application ships, taken out of its jar.
LIB="$DATA/lib"
mkdir -p "$LIB"
python3 - "$JAR" "$LIB" <<'PY'
import os, re, sys, zipfile
jar, into = sys.argv[1], sys.argv[2]
wanted = r"BOOT-INF/lib/(postgresql|jakarta\.mail-api|angus-mail|jakarta\.activation-api|angus-activation)-[0-9.]+\.jar"
with zipfile.ZipFile(jar) as archive:
    for name in archive.namelist():
        if re.fullmatch(wanted, name):
            with open(os.path.join(into, os.path.basename(name)), "wb") as out:
                out.write(archive.read(name))
PY
CLASSPATH_LIBS=$(ls "$LIB"/*.jar | tr '\n' ':')

PGPASSWORD=$(cat "$DATA/postgres.password") java -cp "$CLASSPATH_LIBS" bench/NotificationDelivery.java \
  --jdbc-url "jdbc:postgresql://127.0.0.1:$DB_PORT/intime" --user postgres \
  --smtp-port "$SMTP_PORT" --messages "$MESSAGES" --runs "$RUNS" --recipients "$RECIPIENTS"
