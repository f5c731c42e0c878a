#!/usr/bin/env bash
# Benchmark of the executive's strategic accounts (issue 14) as the demo CEO sees them: the
# portfolio page GET /executive/strategic-accounts with 30 sponsored strategic accounts in an
# organization of 10,000 accounts (the synthetic portfolio with its facts), and the recruiter
# ranking for ABC Technologies over 500 recruiters (its page). Prints p50/p95 of the server
# time and the SQL statements per request (measured inside the server), the SQL floor (the
# same statements over plain JDBC) and the ratio. Targets: the portfolio p95 <= 100 ms and
# <= 10 statements; the ranking p95 <= 50 ms. See bench/README.md.
#
#   bench/strategic.sh
#   SPONSORED=30 RECRUITERS=500 REQUESTS=200 bench/strategic.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SCENARIO=strategic
export BENCH_USER=ceo
export ACCOUNTS=${ACCOUNTS:-10000}
export APP_ARGS="--intime.synthetic.sponsored=${SPONSORED:-30} --intime.synthetic.recruiters=${RECRUITERS:-500}"
exec bench/accounts-list.sh
