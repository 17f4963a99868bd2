#!/usr/bin/env bash
# A Hallpass cluster on one machine: three Payara Micro nodes (the uber-jar of scripts/uber-jar.sh with
# payara-config/production) sharing one PostgreSQL database and one Redis, each on its own HTTP and
# HTTPS port of 127.0.0.1. Any node answers any request: put them behind a load balancer without
# sticky sessions (README, "Cluster recipe").
#
#   HALLPASS_DB_URL=jdbc:postgresql://127.0.0.1:5432/hallpass HALLPASS_DB_USER=postgres \
#   HALLPASS_REDIS_URL=redis://127.0.0.1:6379 scripts/cluster.sh start
#   scripts/cluster.sh check     # a session works on every node; a kill on one is honoured by all
#   scripts/cluster.sh stop
#
# Settings (environment): HALLPASS_DB_URL, HALLPASS_DB_USER, HALLPASS_DB_PASSWORD, HALLPASS_REDIS_URL
# (required); HTTP_PORTS (default "8081 8082 8083"), HTTPS_PORTS (default "8441 8442 8443"); CLUSTER_DIR
# (default target/cluster: logs, pids, a self-signed TLS keystore and the generated secrets, mode 600);
# HALLPASS_TLS_KEYSTORE + HALLPASS_TLS_KEYSTORE_PASSWORD + HALLPASS_TLS_ALIAS to use your certificate.
set -euo pipefail
cd "$(dirname "$0")/.."

CLUSTER_DIR=${CLUSTER_DIR:-target/cluster}
HTTP_PORTS=(${HTTP_PORTS:-8081 8082 8083})
HTTPS_PORTS=(${HTTPS_PORTS:-8441 8442 8443})
JAR=$CLUSTER_DIR/hallpass.jar

start() {
  : "${HALLPASS_DB_URL:?set HALLPASS_DB_URL (PostgreSQL JDBC URL shared by every node)}"
  : "${HALLPASS_REDIS_URL:?set HALLPASS_REDIS_URL (redis://host:port shared by every node)}"
  mkdir -p "$CLUSTER_DIR"
  chmod 700 "$CLUSTER_DIR"
  secrets
  # shellcheck disable=SC1091
  source "$CLUSTER_DIR/secrets.env"
  [ -f "$JAR" ] || scripts/uber-jar.sh "$JAR"
  # the production settings, plus: listen on loopback only (this recipe runs on one machine)
  { cat payara-config/production/pre-boot-commands.asadmin
    echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1"
    echo "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.address=127.0.0.1"
  } > "$CLUSTER_DIR/pre-boot-commands.asadmin"
  for i in "${!HTTP_PORTS[@]}"; do
    local n=$((i + 1))
    mkdir -p "$CLUSTER_DIR/node-$n/tmp"
    HALLPASS_NODE_NAME="node-$n" \
    HALLPASS_TOKEN_ISSUER="https://127.0.0.1:${HTTPS_PORTS[0]}" \
      nohup java -Xmx512m -Djava.io.tmpdir="$CLUSTER_DIR/node-$n/tmp" @"$CLUSTER_DIR/tls.args" -jar "$JAR" \
        --port "${HTTP_PORTS[$i]}" --sslport "${HTTPS_PORTS[$i]}" --sslcert "$TLS_ALIAS" \
        --prebootcommandfile "$CLUSTER_DIR/pre-boot-commands.asadmin" \
        > "$CLUSTER_DIR/node-$n.log" 2>&1 &
    echo $! > "$CLUSTER_DIR/node-$n.pid"
  done
  for i in "${!HTTP_PORTS[@]}"; do
    local n=$((i + 1)) waited=0
    until grep -q "Payara Micro URLs" "$CLUSTER_DIR/node-$n.log"; do
      if ! kill -0 "$(cat "$CLUSTER_DIR/node-$n.pid")" 2>/dev/null || [ $waited -ge 300 ]; then
        echo "node-$n did not start; the end of its log:" >&2; tail -40 "$CLUSTER_DIR/node-$n.log" >&2; stop; exit 1
      fi
      sleep 1; waited=$((waited + 1))
    done
    echo "node-$n: http://127.0.0.1:${HTTP_PORTS[$i]}  https://127.0.0.1:${HTTPS_PORTS[$i]}"
  done
}

# The secrets every node must share, made once per cluster directory: the key that encrypts signing
# keys, the first administrator's password and (unless given) a self-signed TLS keystore.
secrets() {
  [ -f "$CLUSTER_DIR/secrets.env" ] && return
  random() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }
  local keystore=${HALLPASS_TLS_KEYSTORE:-} password=${HALLPASS_TLS_KEYSTORE_PASSWORD:-} alias=${HALLPASS_TLS_ALIAS:-hallpass}
  if [ -z "$keystore" ]; then
    keystore=$CLUSTER_DIR/keystore.p12
    password=$(random 18)
    KEYTOOL_PASSWORD=$password keytool -genkeypair -alias "$alias" -keyalg EC -groupname secp256r1 -validity 30 -dname "CN=localhost" \
      -ext "san=dns:localhost,ip:127.0.0.1" -keystore "$keystore" -storetype PKCS12 -storepass:env KEYTOOL_PASSWORD \
      2>/dev/null
  fi
  # the password goes through the environment (-storepass:env), never on keytool's command line (visible in ps)
  KEYTOOL_PASSWORD=$password keytool -exportcert -rfc -alias "$alias" -keystore "$keystore" -storepass:env KEYTOOL_PASSWORD \
    > "$CLUSTER_DIR/cert.pem" 2>/dev/null
  ( umask 077
    { echo "export HALLPASS_TOKEN_KEY_ENCRYPTION_KEY=${HALLPASS_TOKEN_KEY_ENCRYPTION_KEY:-$(random 32)}"
      echo "export HALLPASS_BOOTSTRAP_ADMIN_PASSWORD='${HALLPASS_BOOTSTRAP_ADMIN_PASSWORD:-$(random 18)}'"
      echo "TLS_KEYSTORE='$keystore'"
      echo "TLS_KEYSTORE_PASSWORD='$password'"
      echo "TLS_ALIAS='$alias'"
    } > "$CLUSTER_DIR/secrets.env"
    # the keystore password reaches the JVM through an argument file: never on a command line or in a log
    printf '%s\n' "-Djavax.net.ssl.keyStore=$keystore" "-Djavax.net.ssl.keyStorePassword=$password" > "$CLUSTER_DIR/tls.args" )
}

check() {
  # shellcheck disable=SC1091
  source "$CLUSTER_DIR/secrets.env"
  local urls=()
  for port in "${HTTPS_PORTS[@]}"; do urls+=("https://127.0.0.1:$port"); done
  HALLPASS_BOOTSTRAP_ADMIN_PASSWORD=$HALLPASS_BOOTSTRAP_ADMIN_PASSWORD \
    java scripts/ClusterCheck.java "$CLUSTER_DIR/cert.pem" "${urls[@]}"
}

stop() {
  local pids=()
  for file in "$CLUSTER_DIR"/node-*.pid; do
    [ -f "$file" ] || continue
    pids+=("$(cat "$file")"); rm -f "$file"
  done
  [ ${#pids[@]} -eq 0 ] && return
  kill "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 30); do kill -0 "${pids[@]}" 2>/dev/null || break; sleep 1; done
  kill -9 "${pids[@]}" 2>/dev/null || true
  echo "stopped ${#pids[@]} nodes"
}

case "${1:-}" in
  start) start ;;
  check) check ;;
  stop) stop ;;
  *) echo "usage: $0 start|check|stop" >&2; exit 2 ;;
esac
