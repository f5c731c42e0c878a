#!/usr/bin/env bash
# Benchmark of revenue (issue 15): the retention KPIs (NRR, GRR, churn, expansion, NPS over the
# trailing twelve months) of the company and of each account manager's portfolio, GET
# /api/v1/revenue/kpis, in an organization of 10,000 accounts with 100,000 ARR movements; and
# fitting the renewal model (Tribuo's logistic regression) on 10,000 closed renewals. Prints
# p50/p95 of the server time and the SQL statements per request (measured inside the server),
# the SQL floor (the same statements over plain JDBC) and the ratio; and the fit times.
# Targets: KPIs p95 <= 200 ms; the fit, seconds. See bench/README.md.
#
#   bench/revenue.sh
#   MOVEMENTS=100000 CLOSED=10000 REQUESTS=200 bench/revenue.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SCENARIO=revenue
export BENCH_USER=ceo
export ACCOUNTS=${ACCOUNTS:-10000}
export APP_ARGS="--intime.synthetic.arr-movements=${MOVEMENTS:-100000} --intime.synthetic.closed-renewals=${CLOSED:-10000}"
exec bench/accounts-list.sh
