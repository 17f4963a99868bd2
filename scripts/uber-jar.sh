#!/usr/bin/env bash
# Builds target/hallpass.jar: Payara Micro with the WAR at / and the production settings baked in
# (--nohazelcast, payara-config/production). Run it with
#   java -jar target/hallpass.jar --port 8080 --sslport 8443 --sslcert <alias>
# and the environment of the README's "Production" section. Needs only a JDK 17 (the Maven Wrapper
# fetches the rest). Run from anywhere; it works in the project root.
set -euo pipefail
cd "$(dirname "$0")/.."

PAYARA_VERSION=${PAYARA_VERSION:-$(sed -n 's|.*<payara.version>\(.*\)</payara.version>.*|\1|p' pom.xml)}
PAYARA_JAR=${PAYARA_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}
OUT=${1:-target/hallpass.jar}

[ -f target/hallpass.war ] || ./mvnw -q -DskipTests package
[ -f "$PAYARA_JAR" ] || ./mvnw -q dependency:get -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION"

# An uber-jar deploys its archives by file name (--contextroot is not kept): ROOT.war is served at /.
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp target/hallpass.war "$STAGE/ROOT.war"
java -jar "$PAYARA_JAR" --deploy "$STAGE/ROOT.war" --nohazelcast \
  --prebootcommandfile payara-config/production/pre-boot-commands.asadmin \
  --outputuberjar "$OUT"
echo "Built $OUT"
