#!/usr/bin/env bash
# Protecting the shop's other applications (issue 17), measured with real parts on 127.0.0.1:
#   1. logout on Hallpass → refused by a MicroProfile JWT service with hallpass-client's filter, and by a
#      page with hallpass-client's session mechanism (p50/p99 over ITERATIONS logouts);
#   2. GET /auth/verify with a live cookie (and with a bearer token), as a ratio to a servlet answering the
#      same headers without any check, next to the container's own HttpSession for reference;
#   3. the downstream filter's cost: the JWT service with hallpass-client, as a ratio to the same service
#      without it (both verify the token with MicroProfile JWT).
# Hallpass runs on PostgreSQL with its own Redis, like a production node; the applications on a second
# Payara Micro. Usage: bench/applications.sh   (ITERATIONS=200 RUNS=3 DURATION=10s by default)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
trap cleanup EXIT
require wrk redis-server redis-cli psql curl python3 javac jar java
ITERATIONS=${ITERATIONS:-200}; DURATION=${DURATION:-10s}; RUNS=${RUNS:-3}; WARMUP=${WARMUP:-20s}; PARTS=${PARTS:-lt}
want() { [[ $PARTS == *"$1"* ]]; }
[ -f target/hallpass-client.jar ] || ./mvnw -q -DskipTests package
build_war

M2=$HOME/.m2/repository
CP=$M2/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar
CP=$CP:$M2/org/eclipse/microprofile/jwt/microprofile-jwt-auth-api/2.1/microprofile-jwt-auth-api-2.1.jar
CP=$CP:$M2/org/eclipse/microprofile/config/microprofile-config-api/3.0.2/microprofile-config-api-3.0.2.jar
for war in reference orders orders-plain shop; do mkdir -p "$WORK/$war/WEB-INF/classes" "$WORK/$war/WEB-INF/lib" "$WORK/$war/WEB-INF/classes/META-INF"; done
javac -cp "$CP" -d "$WORK/reference/WEB-INF/classes" bench/reference/*.java
for war in orders orders-plain; do javac -cp "$CP" -d "$WORK/$war/WEB-INF/classes" bench/apps/BenchOrders.java; done
javac -cp "$CP" -d "$WORK/shop/WEB-INF/classes" bench/apps/BenchPage.java
cp target/hallpass-client.jar "$WORK/orders/WEB-INF/lib/"; cp target/hallpass-client.jar "$WORK/shop/WEB-INF/lib/"

redis_start
pg_create
HP_PORT=$(free_port); APP_PORT=$(free_port)
HALLPASS=http://127.0.0.1:$HP_PORT/hallpass
SECRET_HASH=$(python3 -c 'import hashlib,base64; print(base64.urlsafe_b64encode(hashlib.sha256(b"bench-client-secret").digest()).decode().rstrip("="))')
MPJWT="mp.jwt.verify.publickey.location=$HALLPASS/.well-known/jwks.json
mp.jwt.verify.issuer=$HALLPASS
mp.jwt.verify.audiences=orders"
CLIENT="hallpass.client.url=$HALLPASS
hallpass.client.id=bench
hallpass.client.secret=bench-client-secret"
printf '%s\n%s\nhallpass.client.description=orders\n' "$MPJWT" "$CLIENT" > "$WORK/orders/WEB-INF/classes/META-INF/microprofile-config.properties"
printf '%s\n' "$MPJWT" > "$WORK/orders-plain/WEB-INF/classes/META-INF/microprofile-config.properties"
printf '%s\nhallpass.client.session-login=true\nhallpass.client.description=shop\n' "$CLIENT" > "$WORK/shop/WEB-INF/classes/META-INF/microprofile-config.properties"
for war in orders orders-plain; do echo '<beans bean-discovery-mode="all"/>' > "$WORK/$war/WEB-INF/beans.xml"; done
for war in reference orders orders-plain shop; do (cd "$WORK/$war" && jar cf "../$war.war" .); done

node_start hallpass "$HP_PORT" -Dhallpass.db.url="$DB_URL" -Dhallpass.redis.url="redis://127.0.0.1:$REDIS_PORT" \
  -Dhallpass.password.iterations=1000 -Dhallpass.token.issuer="$HALLPASS" -Dhallpass.token.audience=hallpass,orders \
  -Dhallpass.token.type=JWT -Dhallpass.token.clients="bench:$SECRET_HASH" -- "$WORK/reference.war"
mkdir -p "$WORK/apps/tmp"
java -Xmx1g -Djava.io.tmpdir="$WORK/apps/tmp" -jar "$PAYARA_JAR" --deploy "$WORK/orders.war" --deploy "$WORK/orders-plain.war" \
  --deploy "$WORK/shop.war" --nohazelcast --port "$APP_PORT" --prebootcommandfile payara-config/test/pre-boot-commands.asadmin \
  >"$WORK/apps.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 240); do grep -q "Payara Micro URLs" "$WORK/apps.log" && break; sleep 0.5; done
ADMIN=$(login "$HALLPASS" admin bench-operator-password)
curl -sf -o /dev/null -X POST "$HALLPASS/api/admin/accounts" -H 'Content-Type: application/json' -H "Cookie: __Host-hallpass=$ADMIN" \
     -d '{"username":"bench-user","password":"bench user password","roles":["user"]}'
APPS=http://127.0.0.1:$APP_PORT

if want l; then
  echo "### Logout → refused by the applications"
  echo
  echo "| what | samples | p50 ms | p90 ms | p99 ms | max ms |"
  echo "|---|---|---|---|---|---|"
  java bench/LogoutReach.java "$HALLPASS" "$APPS/orders/api/orders" "$APPS/shop/page" bench-user "bench user password" "$ITERATIONS" bench:bench-client-secret
  echo
fi
want t || exit 0

# The baseline "the same servlet answering without a check": /auth/verify for a request without credentials
# (the mechanism finds nothing to check; the servlet answers 401 with its small problem body).
rps_any() {
  local url=$1 duration=$2 header=${3:-} out
  if [ -n "$header" ]; then out=$(wrk -t1 -c"${CONNECTIONS:-32}" -d"$duration" --latency -H "$header" "$url")
  else out=$(wrk -t1 -c"${CONNECTIONS:-32}" -d"$duration" --latency "$url"); fi
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { r=$2 } $1=="50%" { p50=ms($2) } $1=="99%" { p99=ms($2) }
    END { printf "%.0f %.2f %.2f\n", r, p50, p99 }'
}

# measure LABEL BASE_URL [BASE_HEADER] CHECKED_URL CHECKED_HEADER: alternating runs; one table row
measure() {
  local label=$1 base=$2 base_header=$3 checked=$4 header=$5 ratios=() b_rps=() c_rps=() p50s=() p99s=()
  local baseline=${BASELINE:-rps}
  $baseline "$base" "$WARMUP" "$base_header" >/dev/null; rps "$checked" "$WARMUP" "$header" >/dev/null
  for _ in $(seq "$RUNS"); do
    read -r br _ _ < <($baseline "$base" "$DURATION" "$base_header")
    read -r cr p50 p99 < <(rps "$checked" "$DURATION" "$header")
    b_rps+=("$br"); c_rps+=("$cr"); p50s+=("$p50"); p99s+=("$p99")
    ratios+=("$(python3 -c "print(f'{$cr/$br:.2f}')")")
  done
  printf '| %s | %s | %s | **%s×** | %s | %s |\n' "$label" \
    "$(printf '%s\n' "${b_rps[@]}" | median)" "$(printf '%s\n' "${c_rps[@]}" | median)" \
    "$(printf '%s\n' "${ratios[@]}" | median)" "$(printf '%s\n' "${p50s[@]}" | median)" "$(printf '%s\n' "${p99s[@]}" | median)"
}

SECRET=$(login "$HALLPASS" bench-user "bench user password")
ACCESS=$(curl -s -X POST "$HALLPASS/api/auth/token" -H "Cookie: __Host-hallpass=$SECRET" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
JSESSIONID=$(curl -s -D - -o /dev/null "http://127.0.0.1:$HP_PORT/reference/status?create=true" | sed -n 's/^[Ss]et-[Cc]ookie: JSESSIONID=\([^;]*\);.*/\1/p')
echo "### Throughput"
echo
echo "| what | baseline req/s | checked req/s | ratio | p50 ms | p99 ms |"
echo "|---|---|---|---|---|---|"
BASELINE=rps_any measure "/auth/verify, live cookie vs the same servlet without credentials (401)" "$HALLPASS/auth/verify" "" \
  "$HALLPASS/auth/verify" "Cookie: __Host-hallpass=$SECRET"
BASELINE=rps_any measure "/auth/verify, bearer token vs the same servlet without credentials (401)" "$HALLPASS/auth/verify" "" \
  "$HALLPASS/auth/verify" "Authorization: Bearer $ACCESS"
measure "/auth/verify, live cookie vs a bare servlet in a WAR without Hallpass" "http://127.0.0.1:$HP_PORT/reference/plain" "" \
  "$HALLPASS/auth/verify" "Cookie: __Host-hallpass=$SECRET"
measure "container HttpSession (reference) vs that bare servlet" "http://127.0.0.1:$HP_PORT/reference/plain" "" \
  "http://127.0.0.1:$HP_PORT/reference/status" "Cookie: JSESSIONID=$JSESSIONID"
measure "JWT service: with hallpass-client's filter vs without" "$APPS/orders-plain/api/orders" "Authorization: Bearer $ACCESS" \
  "$APPS/orders/api/orders" "Authorization: Bearer $ACCESS"
echo
echo "iterations=$ITERATIONS runs=$RUNS duration=$DURATION warmup=$WARMUP connections=${CONNECTIONS:-32} cores=$(nproc) $(java -version 2>&1 | head -1)"
