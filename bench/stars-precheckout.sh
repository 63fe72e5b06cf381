#!/usr/bin/env bash
# Stars pre-checkout benchmark (not a test; never part of ./mvnw verify): time from a
# pre_checkout_query entering Telegram's update queue to our answerPreCheckoutQuery, while a
# broadcast keeps the rate-limited sender busy (Telegram's real limits, 30 messages/s), through
# the real Telegram adapter (long polling) against the fake Bot API. Prints p50/p90/p99/max, the
# sender's queue length and the load average. See dev.vpnbot.adapter.telegram.StarsPreCheckoutBenchmark.
# Settings: BENCH_RECIPIENTS (2000: broadcast recipients, and as many messages queued besides),
# BENCH_QUERIES (200), BENCH_GAP_MS (50, between queries). CPUS (2). MVN_ARGS (-o) for the build.
# Exit status 1 when p99 >= 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B ${MVN_ARGS:--o} test-compile dependency:build-classpath -pl adapter-telegram -am \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="adapter-telegram/target/test-classes:adapter-telegram/target/classes:$(cat "$WORK/cp.txt")"
java -XX:ActiveProcessorCount="${CPUS:-2}" -Xmx1g ${JAVA_OPTS:-} -Dlogback.configurationFile=bench/fulfilment-logback.xml \
    -cp "$CP" dev.vpnbot.adapter.telegram.StarsPreCheckoutBenchmark
