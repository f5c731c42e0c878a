#!/usr/bin/env bash
# Benchmark of the automation rules' scan (issue 17): the application with 10,000 synthetic
# accounts (about 20,000 contracts) and the demo world on a throw-away database, automation off
# on its own (intime.automation.live=false) so that the scans are the benchmark's: as an admin,
# bench/automation_bench.py (the scenario `automation` of bench/measure.py) makes sure the seven
# default rules are on, runs the catch-up scan that fires everything due, then ROUNDS daily scans
# that find every occasion again and fire none (server time, the SQL floor of the same statements
# over plain JDBC, the ratio), and one scan after NEW contracts moved into the renewal window.
# Target: a scan over 10,000 contracts under one second. See bench/README.md.
#
#   bench/automation.sh
#   ACCOUNTS=20000 ROUNDS=20 NEW=500 bench/automation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SCENARIO=automation
export BENCH_USER=admin
export ACCOUNTS=${ACCOUNTS:-10000}
export REQUESTS=${ROUNDS:-10}
export WARMUP=${WARMUP:-3}
export AUTOMATION_NEW=${NEW:-100}
export START_TIMEOUT=${START_TIMEOUT:-1800}
export APP_ARGS="--intime.automation.live=false ${APP_ARGS:-}"
exec bench/accounts-list.sh
