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
PORT_A=$(free_port); PORT_B=$(free_port)
COMMON=(-Dhallpass.db.url="$DB_URL" -Dhallpass.redis.url="redis://127.0.0.1:$REDIS_PORT" -Dhallpass.password.iterations=1000
        -Dhallpass.session.max-per-user=0 -Dhallpass.login.throttle.account.attempts=0 -Dhallpass.login.throttle.ip.attempts=0
        -Dhallpass.push.max-streams-per-session=100000 -Dhallpass.push.max-streams=100000)
node_start a "$PORT_A" "${COMMON[@]}"
node_start b "$PORT_B" "${COMMON[@]}"
A=http://127.0.0.1:$PORT_A/hallpass; B=http://127.0.0.1:$PORT_B/hallpass
ADMIN=$(login "$A" admin bench-admin-password)
curl -sf -o /dev/null -X POST "$A/api/admin/accounts" -H 'Content-Type: application/json' -H "Cookie: __Host-hallpass=$ADMIN" \
     -d '{"username":"bench-user","password":"bench user password","roles":["user"]}'
echo "| what | measured |"
echo "|---|---|"
java -Xmx1g bench/PushLatency.java "$A" "$B" bench-user "bench user password" "$STREAMS" "$ROUNDS" "$NODE_PID_b"
echo
echo "streams=$STREAMS rounds=$ROUNDS node heap -Xmx1g cores=$(nproc)"
