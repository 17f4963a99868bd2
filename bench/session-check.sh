#!/usr/bin/env bash
# Throughput of a session-checked request, by the layer that answers it, each as a ratio to the
# same endpoint without a session, measured in the same run (wrk, one thread, loopback only):
#   (a) local cache hit, (b) local miss / Redis hit, (c) Redis down / database only,
#   (d) the container's own in-memory HttpSession, for reference,
#   (e) a bearer access token (JWT, RS256) instead of the cookie.
# Hallpass runs on PostgreSQL with its own Redis, like a production node. Usage:
#   bench/session-check.sh            (RUNS=3 DURATION=10s CONNECTIONS=32 by default)
#   SCENARIOS=bc bench/session-check.sh   only some of them (letters as above)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
trap cleanup EXIT
require wrk redis-server redis-cli psql curl python3 javac jar
DURATION=${DURATION:-10s}; RUNS=${RUNS:-3}; WARMUP=${WARMUP:-20s}; SCENARIOS=${SCENARIOS:-abcde}
want() { [[ $SCENARIOS == *"$1"* ]]; }
build_war

# The reference WAR: one servlet using the container's HttpSession.
API_JAR=$HOME/.m2/repository/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar
mkdir -p "$WORK/reference/WEB-INF/classes"
javac -q -cp "$API_JAR" -d "$WORK/reference/WEB-INF/classes" bench/reference/HttpSessionReference.java 2>/dev/null \
  || javac -cp "$API_JAR" -d "$WORK/reference/WEB-INF/classes" bench/reference/HttpSessionReference.java
(cd "$WORK/reference" && jar cf ../reference.war .)

redis_start
pg_create
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT/hallpass

# measure LABEL ANON_URL AUTH_URL HEADER: alternating runs; prints one table row
measure() {
  local label=$1 anon=$2 auth=$3 header=$4 ratios=() a_rps=() s_rps=() p50s=() p99s=()
  rps "$anon" "$WARMUP" >/dev/null; rps "$auth" "$WARMUP" "$header" >/dev/null   # JIT warm-up: 2 cores compile slowly
  for _ in $(seq "$RUNS"); do
    read -r ar _ _ < <(rps "$anon" "$DURATION")
    read -r sr p50 p99 < <(rps "$auth" "$DURATION" "$header")
    a_rps+=("$ar"); s_rps+=("$sr"); p50s+=("$p50"); p99s+=("$p99")
    ratios+=("$(python3 -c "print(f'{$sr/$ar:.2f}')")")
  done
  printf '| %s | %s | %s | **%s×** | %s | %s |\n' "$label" \
    "$(printf '%s\n' "${a_rps[@]}" | median)" "$(printf '%s\n' "${s_rps[@]}" | median)" \
    "$(printf '%s\n' "${ratios[@]}" | median)" "$(printf '%s\n' "${p50s[@]}" | median)" "$(printf '%s\n' "${p99s[@]}" | median)"
}

echo "| scenario | no session req/s | with session req/s | ratio | p50 ms | p99 ms |"
echo "|---|---|---|---|---|---|"

if want a || want d || want e; then
  node_start a "$PORT" -Dhallpass.db.url="$DB_URL" -Dhallpass.redis.url="redis://127.0.0.1:$REDIS_PORT" -- "$WORK/reference.war"
  SECRET=$(login "$BASE" admin bench-operator-password)
  want a && measure "(a) local cache hit" "$BASE/api/auth/status" "$BASE/api/auth/status" "Cookie: __Host-hallpass=$SECRET"
  if want d; then
    JSESSIONID=$(curl -s -D - -o /dev/null "http://127.0.0.1:$PORT/reference/status?create=true" | sed -n 's/^[Ss]et-[Cc]ookie: JSESSIONID=\([^;]*\);.*/\1/p')
    measure "(d) container HttpSession (reference)" "http://127.0.0.1:$PORT/reference/status" "http://127.0.0.1:$PORT/reference/status" "Cookie: JSESSIONID=$JSESSIONID"
  fi
  if want e; then
    ACCESS=$(curl -s -X POST "$BASE/api/auth/token" -H "Cookie: __Host-hallpass=$SECRET" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
    measure "(e) bearer access token (RS256)" "$BASE/api/auth/status" "$BASE/api/auth/status" "Authorization: Bearer $ACCESS"
  fi
  node_stop a
fi

if want b || want c; then
  node_start b "$PORT" -Dhallpass.db.url="$DB_URL" -Dhallpass.redis.url="redis://127.0.0.1:$REDIS_PORT" -Dhallpass.cache.local-ttl=PT0S
  SECRET=$(login "$BASE" admin bench-operator-password)
  want b && measure "(b) local miss, Redis hit" "$BASE/api/auth/status" "$BASE/api/auth/status" "Cookie: __Host-hallpass=$SECRET"
  if want c; then
    redis_stop
    measure "(c) Redis down, database only" "$BASE/api/auth/status" "$BASE/api/auth/status" "Cookie: __Host-hallpass=$SECRET"
  fi
  node_stop b
fi
echo
echo "runs=$RUNS duration=$DURATION warmup=$WARMUP connections=${CONNECTIONS:-32} cores=$(nproc) $(java -version 2>&1 | head -1)"
