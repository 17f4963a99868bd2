#!/usr/bin/env bash
# Event streams: how many one node holds, and push latency across two nodes while they are open.
# Two Payara Micro nodes on one PostgreSQL database and one Redis; STREAMS streams held open on node B,
# then ROUNDS times: log in on A, listen on B, log out on A, time until B's stream says session-ended.
#   bench/push.sh            (STREAMS=5000 ROUNDS=200 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
trap cleanup EXIT
require redis-server redis-cli psql curl python3 java
STREAMS=${STREAMS:-5000}
ROUNDS=${ROUNDS:-200}
build_war
redis_start
pg_create
two_nodes -Dhallpass.session.max-per-user=0 -Dhallpass.login.throttle.account.attempts=0 \
          -Dhallpass.login.throttle.ip.attempts=0 -Dhallpass.push.max-streams-per-session=100000 -Dhallpass.push.max-streams=100000
echo "| what | measured |"
echo "|---|---|"
java -Xmx1g bench/PushLatency.java "$A" "$B" bench-user "bench user password" "$STREAMS" "$ROUNDS" "$NODE_PID_b"
echo
echo "streams=$STREAMS rounds=$ROUNDS node heap -Xmx1g cores=$(nproc)"
