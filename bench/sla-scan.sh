#!/usr/bin/env bash
# Benchmark of the escalation SLA scan (issue 13): the application with 10,000 synthetic
# accounts and 100,000 open escalations on SLA clocks (SyntheticEngagement,
# intime.synthetic.open-escalations) on a throw-away database with the demo world; its scheduler
# scans every 5 s. bench/sla_scan.py times the catch-up at start (the escalations whose warning
# was already behind them, 5,000 per scan) and then ROUNDS scans in which DUE escalations have
# just crossed their response warning, as the application logs them; beside them the SQL floor
# (the statements of such a scan, captured and replayed over plain JDBC) and the ratio. Target:
# a scan over 100,000 open escalations under one second. See bench/README.md.
#
#   bench/sla-scan.sh
#   OPEN=20000 DUE=500 ROUNDS=3 bench/sla-scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SCENARIO=sla-scan
export ACCOUNTS=${ACCOUNTS:-10000}
export START_TIMEOUT=${START_TIMEOUT:-1800}
export SLA_DUE=${DUE:-1000}
export SLA_ROUNDS=${ROUNDS:-5}
export APP_ARGS="--intime.synthetic.open-escalations=${OPEN:-100000} --intime.escalations.sla.scan-interval=5s"
exec bench/accounts-list.sh
