#!/usr/bin/env bash
# Hallpass on WildFly 35: `start` prepares a server base directory of its own in $SERVER_WORK/base (a copy
# of standalone-microprofile.xml configured by wildfly-hallpass.cli, offline), starts WildFly on it and
# deploys the WAR at context root / (as deployments/ROOT.war); `stop` shuts it down. SERVER_HOME is only
# read, so the same distribution serves any number of runs, and every `start` begins from a new base.
#
#   SERVER_HOME=/opt/wildfly-35.0.1.Final WAR=target/hallpass.war SERVER_WORK=target/wildfly HTTP_PORT=38080 \
#   HALLPASS_DB_URL='jdbc:postgresql://127.0.0.1:5432/hallpass?user=hallpass' \
#   HALLPASS_BOOTSTRAP_ADMIN_PASSWORD=... scripts/servers/wildfly.sh start
#   SERVER_HOME=/opt/wildfly-35.0.1.Final SERVER_WORK=target/wildfly HTTP_PORT=38080 scripts/servers/wildfly.sh stop
#
# Environment: SERVER_HOME (the unpacked wildfly-35.0.1.Final folder), WAR, SERVER_WORK (base directory,
# logs, pid), HTTP_PORT; every other port is WildFly's default plus jboss.socket.binding.port-offset
# HTTP_PORT-8080 (management 9990+offset, with /health/ready; https 8443+offset). The application's settings
# (HALLPASS_DB_URL, HALLPASS_DB_USER, HALLPASS_BOOTSTRAP_ADMIN_PASSWORD, ...) pass through the environment.
# Server settings (wildfly-hallpass.cli; standalone-microprofile.xml for MicroProfile Config/Health/JWT):
#   -b/-bmanagement 127.0.0.1                 every listener on loopback only
#   jsf subsystem                             the Faces console pages: standalone-microprofile.xml has none
#   resteasy.preferJacksonOverJsonB=false     Jackson annotations in WEB-INF/lib (flyway-core) would switch RESTEasy to Jackson
#   integrated-jaspi=false                    the app's HttpAuthenticationMechanism sets an ad-hoc identity, not an Elytron user
#   samesite-cookie filter on JSESSIONID      Undertow ignores SessionCookieConfig's SameSite attribute
set -euo pipefail

: "${SERVER_HOME:?set SERVER_HOME to the unpacked wildfly-35.0.1.Final folder}"
: "${SERVER_WORK:?set SERVER_WORK to a folder this script may write}"
: "${HTTP_PORT:?set HTTP_PORT}"
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=$SERVER_WORK/base
OFFSET=$((HTTP_PORT - 8080))
MANAGEMENT_PORT=$((9990 + OFFSET))
PIDFILE=$SERVER_WORK/wildfly.pid
LOG=$BASE/log/server.log
WAIT_SECONDS=${WAIT_SECONDS:-240}

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

fail() {
  echo "wildfly.sh: $1; the end of $LOG:" >&2
  tail -60 "$LOG" >&2 2>/dev/null || tail -60 "$SERVER_WORK/console.log" >&2 2>/dev/null || true
  stop >&2 || true
  exit 1
}

start() {
  : "${WAR:?set WAR to the path of hallpass.war}"
  [ -f "$WAR" ] || { echo "wildfly.sh: no WAR at $WAR" >&2; exit 1; }
  [ -x "$SERVER_HOME/bin/standalone.sh" ] || { echo "wildfly.sh: no bin/standalone.sh in $SERVER_HOME" >&2; exit 1; }
  [ "$OFFSET" -ge 0 ] || { echo "wildfly.sh: HTTP_PORT must be 8080 or above (port offset HTTP_PORT-8080)" >&2; exit 1; }
  local deadline=$((SECONDS + WAIT_SECONDS))
  stop >/dev/null 2>&1 || true
  rm -rf "$BASE"
  mkdir -p "$BASE/configuration" "$BASE/deployments" "$BASE/data" "$BASE/log" "$BASE/tmp"
  cp "$SERVER_HOME"/standalone/configuration/*.properties "$BASE/configuration/"
  cp "$SERVER_HOME/standalone/configuration/standalone-microprofile.xml" "$BASE/configuration/standalone-hallpass.xml"
  # a server that ran writes its absolute log path into logging.properties: point it at this base
  sed -i "s|^handler.FILE.fileName=.*|handler.FILE.fileName=$LOG|" "$BASE/configuration/logging.properties"
  timeout $((deadline - SECONDS)) "$SERVER_HOME/bin/jboss-cli.sh" -Djboss.server.base.dir="$BASE" \
    --file="$HERE/wildfly-hallpass.cli" > "$SERVER_WORK/configure.log" 2>&1 \
    || { cat "$SERVER_WORK/configure.log" >&2; fail "wildfly-hallpass.cli failed"; }
  cp "$WAR" "$BASE/deployments/ROOT.war"
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE=$PIDFILE nohup "$SERVER_HOME/bin/standalone.sh" -c standalone-hallpass.xml \
    -b 127.0.0.1 -bmanagement 127.0.0.1 -Djboss.server.base.dir="$BASE" -Djboss.socket.binding.port-offset="$OFFSET" \
    > "$SERVER_WORK/console.log" 2>&1 < /dev/null &
  local launcher=$!
  until [ -f "$BASE/deployments/ROOT.war.deployed" ] && [ "$(http_status /api/auth/status)" = 200 ]; do
    [ ! -f "$BASE/deployments/ROOT.war.failed" ] || fail "the WAR did not deploy: $(cat "$BASE/deployments/ROOT.war.failed")"
    kill -0 "$launcher" 2>/dev/null || fail "WildFly exited"
    [ $SECONDS -lt "$deadline" ] || fail "GET /api/auth/status did not answer 200 within $WAIT_SECONDS s"
    sleep 1
  done
  echo "Hallpass on WildFly: http://127.0.0.1:$HTTP_PORT/ (management 127.0.0.1:$MANAGEMENT_PORT, log $LOG)"
}

stop() {
  local pid
  [ -f "$PIDFILE" ] || { echo "wildfly.sh: not running"; return 0; }
  pid=$(cat "$PIDFILE")
  timeout 60 "$SERVER_HOME/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$MANAGEMENT_PORT" \
    --command=":shutdown" >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
  await_exit "$pid" wildfly.sh
  rm -f "$PIDFILE"
  echo "WildFly stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop   (environment: SERVER_HOME, WAR, SERVER_WORK, HTTP_PORT, HALLPASS_*)" >&2; exit 2 ;;
esac
