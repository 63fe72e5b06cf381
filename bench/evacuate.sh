#!/usr/bin/env bash
# Evacuation benchmark (issue 17, docs/MOVES.md; not a test): BENCH_KEYS (1000) keys evacuated from a
# fake 3x-ui v2.8 to a fake v3.6 through real PostgreSQL and the real panel adapter, by BENCH_PROCESSES
# (2) bot processes (each its own pool, panel adapter and PostgreSQL per-panel write lock) running
# BENCH_THREADS (2) move-job loops each. Prints the seed time, the evacuation's time and keys/s, and
# the peak number of simultaneous writes each fake panel saw (the single-writer rule: must stay 1),
# with the load average. Exit status 1 when a key did not move or a panel saw two writes at once.
# See dev.vpnbot.bootstrap.moneypath.bench.EvacuationBenchmark.
#
# Database: VPNBOT_TEST_JDBC_URL (+ _USER, _PASSWORD), else the test database resolver; a schema of its
# own, dropped afterwards (BENCH_KEEP=true keeps it). CPUS (2): cores the JVM is told it has. MVN_ARGS (-o).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B ${MVN_ARGS:--o} test-compile dependency:build-classpath -pl bootstrap -am \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="bootstrap/target/test-classes:bootstrap/target/classes:$(cat "$WORK/cp.txt")"
for m in adapter-panel-3xui adapter-postgres adapter-telegram adapter-heleket adapter-simulated application domain; do
  CP="$CP:$m/target/test-classes:$m/target/classes"
done
java -XX:ActiveProcessorCount="${CPUS:-2}" -Xmx1g ${JAVA_OPTS:-} -Dlogback.configurationFile=bench/fulfilment-logback.xml \
    -cp "$CP" dev.vpnbot.bootstrap.moneypath.bench.EvacuationBenchmark
