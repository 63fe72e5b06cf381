#!/usr/bin/env bash
# Fault suite (issue 14): the real jar (bootstrap/target/vpnbot.jar), real PostgreSQL and the protocol
# fakes (3x-ui panel, Heleket, Telegram Bot API, from the adapters' test code), while buyers pay and the
# world breaks: kill -9 of the bot, killed database connections (pg_terminate_backend), panel outages
# and "database is locked", duplicated, racing and lost webhooks, money for cancelled orders.
# Checks: no order fulfilled twice, no key for an unpaid order, every paid order fulfilled, expiry = sum
# of paid durations to the millisecond, panel == database; every paid order's notice reached the fake
# Bot API; p99 restart -> key < 30 s. Prints the figures with /proc/loadavg. Exit status 1 on failure.
# See dev.vpnbot.bootstrap.chaos.ChaosRun.
#
#   bench/chaos.sh          the full run: 1,000 payments, a kill -9 every 30 s (about 12 minutes)
#   bench/chaos.sh short    ~50 payments and a couple of kills (about a minute; .ci/run calls it)
#
# CHAOS_PAYMENTS, CHAOS_PACE_MS (600 full, 800 short) and CHAOS_KILL_EVERY_S (30 full, 12 short) change the run.
# Database: VPNBOT_TEST_JDBC_URL (+ _USER, _PASSWORD) names the server; the run creates a database of
# its own there and drops it afterwards (CHAOS_KEEP=true keeps it). MVN_ARGS (-o) for the build.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
[[ -f bootstrap/target/vpnbot.jar ]] || ./mvnw -q -B ${MVN_ARGS--o} -DskipTests package
./mvnw -q -B ${MVN_ARGS--o} test-compile dependency:build-classpath -pl bootstrap -am \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
# copies of the jar and the classes, so a build running meanwhile cannot change them under the run
cp bootstrap/target/vpnbot.jar "$WORK/vpnbot.jar"
CP="$(cat "$WORK/cp.txt")"
for m in bootstrap adapter-heleket adapter-panel-3xui adapter-postgres adapter-telegram adapter-simulated application domain; do
  mkdir -p "$WORK/$m"
  cp -r "$m/target/classes" "$WORK/$m/classes"
  [[ -d "$m/target/test-classes" ]] && cp -r "$m/target/test-classes" "$WORK/$m/test-classes"
  CP="$WORK/$m/test-classes:$WORK/$m/classes:$CP"
done
java -Xmx512m -Dlogback.configurationFile=bench/fulfilment-logback.xml -cp "$CP" dev.vpnbot.bootstrap.chaos.ChaosRun "${1:-full}" \
    "$WORK/vpnbot.jar"
