#!/usr/bin/env bash
# Data sync latency across two nodes: a user document changed through node A, until node B's event stream of
# another session of the same user says data-updated (issue 18: within the revocation budget, p99 ≤ 50 ms).
# Two Payara Micro nodes on one PostgreSQL database and one Redis, all the script's own.
#   bench/data-sync.sh            (ROUNDS=300 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
trap cleanup EXIT
require redis-server redis-cli psql curl python3 java
ROUNDS=${ROUNDS:-300}
build_war
redis_start
pg_create
two_nodes -Dhallpass.session.max-per-user=0 -Dhallpass.login.throttle.account.attempts=0 -Dhallpass.login.throttle.ip.attempts=0
java -Xmx512m bench/PushLatency.java data "$A" "$B" bench-user "bench user password" "$ROUNDS"
echo
echo "rounds=$ROUNDS cores=$(nproc)"
