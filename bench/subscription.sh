#!/usr/bin/env bash
# Subscription link benchmark (not a test; never part of ./mvnw verify): GET /sub/<token> through
# the bot's real HTTP server, the subscription route and PostgreSQL, no panel reachable; keys grown
# 10k → 100k → 1M in one schema, open-loop at a fixed rate, p50/p90/p99/max with the load average
# beside each row. See dev.vpnbot.bootstrap.moneypath.bench.SubscriptionBenchmark.
#
# Database: VPNBOT_BENCH_JDBC_URL (+ _USER, _PASSWORD), else the test database resolver
# (VPNBOT_TEST_JDBC_URL, else Docker, else embedded PostgreSQL); a schema of its own, dropped
# afterwards (BENCH_KEEP=true keeps it).
# Settings: BENCH_SIZES (10000,100000,1000000), BENCH_RATE (500), BENCH_SECONDS (20),
# BENCH_SAMPLE (5000). CPUS (2): cores the JVM is told it has. MVN_ARGS (-o) for the build.
# Exit status 1 when p99 at 100,000 keys is 20 ms or more.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B ${MVN_ARGS:--o} test-compile dependency:build-classpath -pl bootstrap -am \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="bootstrap/target/test-classes:bootstrap/target/classes:$(cat "$WORK/cp.txt")"
java -XX:ActiveProcessorCount="${CPUS:-2}" -Xmx1g ${JAVA_OPTS:-} -Dlogback.configurationFile=bench/fulfilment-logback.xml \
    -cp "$CP" dev.vpnbot.bootstrap.moneypath.bench.SubscriptionBenchmark
