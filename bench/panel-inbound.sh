#!/usr/bin/env bash
# Fulfilment's panel step against a full inbound (not a test; never part of ./mvnw verify): keys
# per second and p50/p99 of putting a new client on the panel and making its links, through the
# real 3x-ui adapter against the in-process fake panel whose inbound already holds 0, 1k, 5k, 10k
# clients, per panel generation (v2.8: per-inbound routes; v3.1: /panel/api/clients), with the
# load average beside each row and the ratio to the smallest size (goal: >= 0.85 at 10k).
# BENCH_OP=renew measures VpnPanel.setExpiry of keys already on the panel (a paid renewal) and
# BENCH_OP=toggle setEnabled off and on (each switch one operation) instead of new keys (create).
# See dev.vpnbot.adapter.panel3xui.bench.InboundSizeBenchmark.
# Settings: BENCH_OP (create), BENCH_PROFILES (V2_8,V3_1), BENCH_SIZES (0,1000,5000,10000), BENCH_KEYS (300),
# BENCH_WARMUP (100), BENCH_THREADS (1). CPUS (2): cores the JVM is told it has. MVN_ARGS (-o).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B ${MVN_ARGS:--o} test-compile dependency:build-classpath -pl adapter-panel-3xui -am \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="adapter-panel-3xui/target/test-classes:adapter-panel-3xui/target/classes:$(cat "$WORK/cp.txt")"
exec java -XX:ActiveProcessorCount="${CPUS:-2}" -Xmx1g ${JAVA_OPTS:-} -Dlogback.configurationFile=bench/fulfilment-logback.xml \
    -cp "$CP" dev.vpnbot.adapter.panel3xui.bench.InboundSizeBenchmark
