#!/usr/bin/env bash
# Hallpass on Payara Server 6 (the full server, not Micro): `start` creates a domain of its own in
# $SERVER_WORK, starts it and deploys the WAR at context root /; `stop` stops it. SERVER_HOME is only
# read, so the same distribution serves any number of runs, and every `start` begins from a new domain.
#
#   SERVER_HOME=/opt/payara6 WAR=target/hallpass.war SERVER_WORK=target/payara-server HTTP_PORT=28080 \
#   HALLPASS_DB_URL='jdbc:postgresql://127.0.0.1:5432/hallpass?user=hallpass' \
#   HALLPASS_BOOTSTRAP_ADMIN_PASSWORD=... scripts/servers/payara-server.sh start
#   SERVER_HOME=/opt/payara6 SERVER_WORK=target/payara-server HTTP_PORT=28080 scripts/servers/payara-server.sh stop
#
# Environment: SERVER_HOME (the unpacked payara6 folder), WAR, SERVER_WORK (domain, logs), HTTP_PORT;
# every other port is --portbase HTTP_PORT-80 plus Payara's offsets (admin +48, https +81, IIOP +37/+38/+39,
# JMX +86). The application's settings (HALLPASS_DB_URL, HALLPASS_DB_USER, HALLPASS_DB_PASSWORD,
# HALLPASS_BOOTSTRAP_ADMIN_PASSWORD, ...) pass through the environment to the server process.
# Server settings, made in domain.xml before the first start (server-config only):
#   address="127.0.0.1"           every listener (HTTP, HTTPS, admin, IIOP, JMX) on loopback only
#   hazelcast ... enabled="false" the data grid listens on all interfaces and Hallpass does not use it
#   jms-service type="DISABLED"   the embedded JMS broker listens on *:portbase+76 and is not used
#   xpowered-by/server-header     do not advertise the product in every response (as payara-config does for Micro)
# Nothing else: persistence.xml names the JTA platform, payara-web.xml maps the roles.
set -euo pipefail

: "${SERVER_HOME:?set SERVER_HOME to the unpacked payara6 folder}"
: "${SERVER_WORK:?set SERVER_WORK to a folder this script may write}"
: "${HTTP_PORT:?set HTTP_PORT}"
DOMAIN=hallpass
DOMAINS=$SERVER_WORK/domains
PORTBASE=$((HTTP_PORT - 80))
ADMIN_PORT=$((PORTBASE + 48))
LOG=$DOMAINS/$DOMAIN/logs/server.log
WAIT_SECONDS=${WAIT_SECONDS:-240}
ASADMIN=("$SERVER_HOME/bin/asadmin" --interactive=false)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

fail() {
  echo "payara-server.sh: $1; the end of $LOG:" >&2
  tail -60 "$LOG" >&2 2>/dev/null || true
  stop >&2 || true
  exit 1
}

start() {
  : "${WAR:?set WAR to the path of hallpass.war}"
  [ -f "$WAR" ] || { echo "payara-server.sh: no WAR at $WAR" >&2; exit 1; }
  [ -x "$SERVER_HOME/bin/asadmin" ] || { echo "payara-server.sh: no bin/asadmin in $SERVER_HOME" >&2; exit 1; }
  local deadline=$((SECONDS + WAIT_SECONDS))
  stop >/dev/null 2>&1 || true
  rm -rf "$DOMAINS"
  mkdir -p "$DOMAINS"
  "${ASADMIN[@]}" --user admin create-domain --nopassword=true --domaindir "$DOMAINS" \
    --portbase "$PORTBASE" --checkports=true "$DOMAIN" >/dev/null
  local config=$DOMAINS/$DOMAIN/config/domain.xml
  sed -i '/<config name="server-config"/,/<config name="default-config"/ {
    s/address="0\.0\.0\.0"/address="127.0.0.1"/g
    s/<network-listener /<network-listener address="127.0.0.1" /
    s/<http default-virtual-server="server"/<http xpowered-by="false" server-header="false" default-virtual-server="server"/
    s#<hazelcast-config-specific-configuration>#<hazelcast-config-specific-configuration enabled="false">#
    s#</hazelcast-config-specific-configuration>#&<jms-service type="DISABLED" default-jms-host="default_JMS_host"><jms-host name="default_JMS_host" host="localhost" port="${JMS_PROVIDER_PORT}"></jms-host></jms-service>#
  }' "$config"
  grep -q 'jms-service type="DISABLED"' "$config" && grep -q 'enabled="false">' "$config" \
    || fail "domain.xml of this Payara version does not have the expected layout"
  timeout $((deadline - SECONDS)) "${ASADMIN[@]}" start-domain --domaindir "$DOMAINS" "$DOMAIN" >/dev/null \
    || fail "the domain did not start"
  timeout $((deadline - SECONDS)) "${ASADMIN[@]}" --port "$ADMIN_PORT" deploy --contextroot / --name hallpass "$WAR" >/dev/null \
    || fail "the WAR did not deploy"
  until [ "$(http_status /api/auth/status)" = 200 ]; do
    [ $SECONDS -lt "$deadline" ] || fail "GET /api/auth/status did not answer 200 within $WAIT_SECONDS s"
    sleep 1
  done
  echo "Hallpass on Payara Server: http://127.0.0.1:$HTTP_PORT/ (admin 127.0.0.1:$ADMIN_PORT, log $LOG)"
}

stop() {
  local pidfile=$DOMAINS/$DOMAIN/config/pid pid
  [ -f "$pidfile" ] || { echo "payara-server.sh: not running"; return 0; }
  pid=$(cat "$pidfile")
  timeout 90 "${ASADMIN[@]}" stop-domain --domaindir "$DOMAINS" "$DOMAIN" >/dev/null 2>&1 || true
  await_exit "$pid" payara-server.sh
  rm -f "$pidfile"
  echo "Payara Server stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop   (environment: SERVER_HOME, WAR, SERVER_WORK, HTTP_PORT, HALLPASS_*)" >&2; exit 2 ;;
esac
