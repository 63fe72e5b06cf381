#!/usr/bin/env bash
# Heap per queued outgoing message and the queue's bound (not a test; never part of ./mvnw verify):
# 20,000 screens offered to one chat paced at one message an hour, heap measured after full GCs.
# See dev.vpnbot.adapter.telegram.outbox.OutboxHeapBenchmark. BENCH_MESSAGES (20000) offered.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B ${MVN_ARGS:--o} test-compile dependency:build-classpath -pl adapter-telegram -am \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="adapter-telegram/target/test-classes:adapter-telegram/target/classes:$(cat "$WORK/cp.txt")"
java -XX:ActiveProcessorCount="${CPUS:-2}" -Xmx1g -Dlogback.configurationFile=bench/fulfilment-logback.xml \
    -cp "$CP" dev.vpnbot.adapter.telegram.outbox.OutboxHeapBenchmark
