# Shared helpers for the bench/ scripts: own Redis, own PostgreSQL database, Payara Micro nodes,
# all on 127.0.0.1, all stopped and removed on exit. Source it from the project root.

PAYARA_VERSION=${PAYARA_VERSION:-6.2025.10}
PAYARA_JAR=${PAYARA_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}
PG_ADMIN=${PG_ADMIN:-"-h 127.0.0.1 -U postgres"}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hallpass-bench.XXXXXX")
PIDS=()
DATABASE=""
BENCH_KEK=$(head -c 32 /dev/urandom | base64)   # one key-encryption key for every node of this run

require() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "bench needs '$tool' (Debian package: ${tool/redis-server/redis-server})" >&2; exit 2; }
  done
}

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$DATABASE" ] && psql $PG_ADMIN -q -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" postgres >/dev/null
  rm -rf "$WORK"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

build_war() {
  [ -f target/hallpass.war ] || ./mvnw -q -DskipTests package
  [ -f "$PAYARA_JAR" ] || ./mvnw -q dependency:get -Dartifact=fish.payara.extras:payara-micro:$PAYARA_VERSION
}

# redis_start: sets REDIS_PORT and REDIS_PID
redis_start() {
  REDIS_PORT=${REDIS_PORT:-$(free_port)}
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  PIDS+=("$REDIS_PID")
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "redis did not start" >&2; exit 1
}

redis_stop() {
  kill -9 "$REDIS_PID" 2>/dev/null || true
  wait "$REDIS_PID" 2>/dev/null || true
}

pg_create() {
  DATABASE="hallpass_bench_$$"
  psql $PG_ADMIN -q -c "CREATE DATABASE $DATABASE" postgres >/dev/null
  DB_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE?user=postgres"
}

# node_start NAME PORT [-Dkey=value ...] [-- extra wars]: starts Payara Micro with the WAR at /hallpass
node_start() {
  local name=$1 port=$2; shift 2
  local props=() wars=(--deploy target/hallpass.war)
  while [ $# -gt 0 ]; do
    if [ "$1" = "--" ]; then shift; for war in "$@"; do wars+=(--deploy "$war"); done; break; fi
    props+=("$1"); shift
  done
  mkdir -p "$WORK/$name/tmp"
  # every benchmark client is 127.0.0.1: the per-IP session limit would count them all as one client
  java -Xmx1g -Djava.io.tmpdir="$WORK/$name/tmp" -Dhallpass.bootstrap.admin.password=bench-operator-password \
       -Dhallpass.session.max-per-ip=0 -Dhallpass.token.key-encryption-key="$BENCH_KEK" \
       "${props[@]}" -jar "$PAYARA_JAR" "${wars[@]}" --nohazelcast --port "$port" \
       --prebootcommandfile payara-config/test/pre-boot-commands.asadmin >"$WORK/$name.log" 2>&1 &
  PIDS+=("$!")
  eval "NODE_PID_$name=$!"
  for _ in $(seq 240); do grep -q "Payara Micro URLs" "$WORK/$name.log" && return; sleep 0.5; done
  echo "node $name did not start; see its log:" >&2; tail -50 "$WORK/$name.log" >&2; exit 1
}

node_stop() {
  local pid; eval "pid=\$NODE_PID_$1"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# login BASE_URL USER PASSWORD: prints the session secret
login() {
  curl -s -D - -o /dev/null -X POST "$1/api/auth/login" -H 'Content-Type: application/json' \
       -d "{\"username\":\"$2\",\"password\":\"$3\"}" | sed -n 's/^[Ss]et-[Cc]ookie: __Host-hallpass=\([^;]*\);.*/\1/p'
}

# rps URL DURATION [header]: prints "requests/s p50 p99" (latencies in ms)
rps() {
  local url=$1 duration=$2 header=${3:-}
  local out
  if [ -n "$header" ]; then out=$(wrk -t1 -c"${CONNECTIONS:-32}" -d"$duration" --latency -H "$header" "$url")
  else out=$(wrk -t1 -c"${CONNECTIONS:-32}" -d"$duration" --latency "$url"); fi
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers from $url:" >&2; echo "$out" >&2; exit 1; fi
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { r=$2 } $1=="50%" { p50=ms($2) } $1=="99%" { p99=ms($2) }
    END { printf "%.0f %.2f %.2f\n", r, p50, p99 }'
}

median() { sort -n | awk '{ a[NR]=$1 } END { print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) }'; }

# two_nodes [-Dkey=value ...]: nodes a and b on this bench's PostgreSQL database and Redis (start those
# first), fast password hashing, plus the given settings; sets A and B (base URLs) and creates
# "bench-user" with the password "bench user password".
two_nodes() {
  local port_a port_b
  port_a=$(free_port); port_b=$(free_port)
  local common=(-Dhallpass.db.url="$DB_URL" -Dhallpass.redis.url="redis://127.0.0.1:$REDIS_PORT"
                -Dhallpass.password.iterations=1000 "$@")
  node_start a "$port_a" "${common[@]}"
  node_start b "$port_b" "${common[@]}"
  A=http://127.0.0.1:$port_a/hallpass; B=http://127.0.0.1:$port_b/hallpass
  local admin
  admin=$(login "$A" admin bench-operator-password)
  curl -sf -o /dev/null -X POST "$A/api/admin/accounts" -H 'Content-Type: application/json' -H "Cookie: __Host-hallpass=$admin" \
       -d '{"username":"bench-user","password":"bench user password","roles":["user"]}'
}
