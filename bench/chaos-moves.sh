#!/usr/bin/env bash
# kill -9 while a server is evacuated (issue 17, docs/MOVES.md): the real jar (bootstrap/target/vpnbot.jar)
# on real PostgreSQL moves CHAOS_KEYS (300) keys from a fake 3x-ui v2.8 to a fake v3.6 and is killed with
# SIGKILL CHAOS_KILL_MIN_S..CHAOS_KILL_MAX_S (10..40) seconds after each start until the evacuation is
# finished (at most CHAOS_MINUTES, 12). Checks one enabled client per key on the target with the same
# identity and expiry to the ms, nothing left on the source, nobody told twice. Exit status 1 on failure.
# See dev.vpnbot.bootstrap.chaos.MoveChaosRun. Database: VPNBOT_TEST_JDBC_URL (+ _USER, _PASSWORD); a
# database of its own, dropped afterwards (CHAOS_KEEP=true keeps it). MVN_ARGS (-o) for the build.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
[[ -f bootstrap/target/vpnbot.jar ]] || ./mvnw -q -B ${MVN_ARGS--o} -DskipTests package
./mvnw -q -B ${MVN_ARGS--o} test-compile dependency:build-classpath -pl bootstrap -am \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
cp bootstrap/target/vpnbot.jar "$WORK/vpnbot.jar"
CP="bootstrap/target/test-classes:bootstrap/target/classes:$(cat "$WORK/cp.txt")"
java -Xmx512m -Dlogback.configurationFile=bench/fulfilment-logback.xml -cp "$CP" dev.vpnbot.bootstrap.chaos.MoveChaosRun "$WORK/vpnbot.jar"
