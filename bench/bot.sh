#!/usr/bin/env bash
# Black-box benchmark of the real jar (not a test; never part of ./mvnw verify): the jar polls an
# in-process fake Bot API and uses a real PostgreSQL (a database of its own, dropped and created).
#   bench/bot.sh             /start and "My keys" updates per second at BENCH_RATES, each rate
#                            followed by the same SQL through pgbench (the ceiling, and the ratio);
#                            "My keys" with 1,000,000 keys in the database (p50/p99 per rate)
#   BENCH_SCENARIOS=broadcast bench/bot.sh
#                            a broadcast to 2,000 users against a fake that answers 429 beyond
#                            30 messages a second; BENCH_RTT_MS=60 for a 60 ms round trip
# BENCH_JARS="old.jar new.jar" runs each jar in turn (before/after in one run); default: this
# tree's bootstrap/target/vpnbot.jar (built when missing). /proc/loadavg is printed on every line.
# See dev.vpnbot.bootstrap.bench.BotThroughputBenchmark for the other settings.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B ${MVN_ARGS:--o} test-compile dependency:build-classpath -pl bootstrap -am \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="bootstrap/target/test-classes:bootstrap/target/classes:$(cat "$WORK/cp.txt")"
if [[ -z "${BENCH_JARS:-}" ]]; then
  [[ -f bootstrap/target/vpnbot.jar ]] || ./mvnw -q -B ${MVN_ARGS:--o} -DskipTests package -pl bootstrap -am >/dev/null
  BENCH_JARS=bootstrap/target/vpnbot.jar
fi
for jar in $BENCH_JARS; do
  echo "== $jar"
  BENCH_JAR="$jar" java -XX:ActiveProcessorCount="${CPUS:-2}" -Xmx1g ${JAVA_OPTS:-} -Dlogback.configurationFile=bench/fulfilment-logback.xml -cp "$CP" \
      dev.vpnbot.bootstrap.bench.BotThroughputBenchmark
done
