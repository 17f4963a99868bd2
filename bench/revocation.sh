#!/usr/bin/env bash
# Two-node revocation latency: two Payara Micro nodes on one PostgreSQL database and one Redis;
# log in on A, use the session on B (so B caches it locally), log out on A, and time until B refuses.
#   bench/revocation.sh            (ITERATIONS=300 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
trap cleanup EXIT
require redis-server redis-cli psql curl python3 java
ITERATIONS=${ITERATIONS:-300}
build_war
redis_start
pg_create
PORT_A=$(free_port); PORT_B=$(free_port)
COMMON=(-Dhallpass.db.url="$DB_URL" -Dhallpass.redis.url="redis://127.0.0.1:$REDIS_PORT" -Dhallpass.password.iterations=1000)
node_start a "$PORT_A" "${COMMON[@]}"
node_start b "$PORT_B" "${COMMON[@]}"
A=http://127.0.0.1:$PORT_A/hallpass; B=http://127.0.0.1:$PORT_B/hallpass
ADMIN=$(login "$A" admin bench-admin-password)
curl -sf -o /dev/null -X POST "$A/api/admin/accounts" -H 'Content-Type: application/json' -H "Cookie: __Host-hallpass=$ADMIN" \
     -d '{"username":"bench-user","password":"bench user password","roles":["user"]}'
echo "| what | samples | p50 ms | p90 ms | p99 ms | max ms |"
echo "|---|---|---|---|---|---|"
java bench/RevocationLatency.java "$A" "$B" bench-user "bench user password" "$ITERATIONS"
echo
echo "iterations=$ITERATIONS local-ttl=PT5S (default) cores=$(nproc)"
