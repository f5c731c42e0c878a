#!/usr/bin/env bash
# Benchmark of QBR decks (issue 16): generating the deck of an account with 500 placements in
# the quarter: its review computed from the facts (jobs, placements, NPS, escalations, health),
# the PPTX with native charts (Apache POI) and the PDF (openhtmltopdf), GET
# /api/v1/qbrs/{id}/deck/preview.pptx and .pdf, in an organization of 10,000 accounts with the
# demo world. Prints p50/p95 of the server time and the SQL statements per request (measured
# inside the server), the SQL floor (the same statements over plain JDBC) and the ratio.
# Target: p95 <= 3 s. See bench/README.md.
#
#   bench/qbr.sh
#   PLACEMENTS=500 REQUESTS=50 bench/qbr.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SCENARIO=qbr
export BENCH_USER=ceo
export ACCOUNTS=${ACCOUNTS:-10000}
export REQUESTS=${REQUESTS:-60}
export WARMUP=${WARMUP:-10}
export APP_ARGS="--intime.synthetic.qbr-placements=${PLACEMENTS:-500}"
exec bench/accounts-list.sh
