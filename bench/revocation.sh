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
two_nodes
echo "| what | samples | p50 ms | p90 ms | p99 ms | max ms |"
echo "|---|---|---|---|---|---|"
java bench/RevocationLatency.java "$A" "$B" bench-user "bench user password" "$ITERATIONS"
echo
echo "iterations=$ITERATIONS local-ttl=PT5S (default) cores=$(nproc)"
