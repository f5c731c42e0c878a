#!/usr/bin/env bash
# Benchmark of My tasks, as the demo account manager sees it: the page GET /tasks (and
# /tasks?account=…) and the API GET /api/v1/tasks?assigneeId=…&status=OPEN, for a user with
# 2,000 tasks in an organization with 1,000,000 tasks (SyntheticTasks), on a throw-away
# database with the demo world. Prints p50/p95 of the server time and the SQL statements per
# request (measured inside the server), the SQL floor (the same statements over plain JDBC)
# and the ratio. See bench/README.md.
#
#   bench/my-tasks.sh                                   # 1,000,000 tasks, 2,000 of them am's
#   TASKS=200000 PER_USER=5000 REQUESTS=500 bench/my-tasks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS=${TASKS:-1000000}
PER_USER=${PER_USER:-2000}
export SCENARIO=my-tasks
export ACCOUNTS=${ACCOUNTS:-1000}
export START_TIMEOUT=${START_TIMEOUT:-1200}
export APP_ARGS="--intime.synthetic.tasks=$TASKS --intime.synthetic.tasks-per-user=$PER_USER --intime.synthetic.tasks-user=am"
exec bench/accounts-list.sh
