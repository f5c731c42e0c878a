#!/usr/bin/env bash
# Benchmark of the account manager's console (GET / and GET /api/v1/console) as the demo
# account manager sees it, with a portfolio of 50 accounts in an organization of 10,000
# accounts, 1,000,000 activities and 100,000 escalations (SyntheticPortfolio, SyntheticFacts,
# SyntheticEngagement), on a throw-away database with the demo world. Prints p50/p95 of the
# server time and the SQL statements per request (measured inside the server), the SQL floor
# (the same statements over plain JDBC) and the ratio. Targets: p95 <= 100 ms, <= 10
# statements. See bench/README.md.
#
#   bench/console.sh
#   ACTIVITIES=200000 ESCALATIONS=20000 REQUESTS=200 bench/console.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SCENARIO=console
export ACCOUNTS=${ACCOUNTS:-10000}
export START_TIMEOUT=${START_TIMEOUT:-1800}
export APP_ARGS="--intime.synthetic.activities=${ACTIVITIES:-1000000} --intime.synthetic.escalations=${ESCALATIONS:-100000} --intime.synthetic.portfolio-size=${PORTFOLIO:-50} --intime.synthetic.portfolio-user=am"
exec bench/accounts-list.sh
