#!/usr/bin/env bash
# Money-path benchmark (not a test; never part of ./mvnw verify): time from a verified Heleket
# webhook to the key stored and the buyer notified, through the real PostgreSQL, 3x-ui and Heleket
# adapters (fake panels answering at once, the fake Heleket answering payment/info) and bootstrap's
# scheduler. Prints p50/p90/p99/max per offered rate and fulfilments per second for a burst, with
# the load average beside each (the machine may be shared), then checks every order was fulfilled
# exactly once. See dev.vpnbot.bootstrap.moneypath.bench.FulfilmentBenchmark.
#
# Database: VPNBOT_BENCH_JDBC_URL (+ _USER, _PASSWORD), else the test database resolver
# (VPNBOT_TEST_JDBC_URL, else Docker, else embedded PostgreSQL); a schema of its own, dropped
# afterwards (BENCH_KEEP=true keeps it).
# Settings: BENCH_WARMUP (300), BENCH_ORDERS per run (1000), BENCH_RATES (100,200),
# BENCH_HTTP_THREADS (8), BENCH_KEYS_PER_SERVER (100), BENCH_WORKERS (1 = bootstrap's scheduler,
# up to 3 fulfilment loops as jobs keep coming; more = that many loops of the bench's own, a what-if). CPUS (2): cores the JVM is told
# it has. The bot's log: BENCH_LOG (/tmp/vpnbot-fulfilment-bench.log). MVN_ARGS (-o) for the build.
# BENCH_NOTIFIER: port (default: notified = the fulfilment hands the key to the Notifier port) or
# telegram (the real TelegramNotifier and rate-limited sender against the fake Bot API: notified =
# the Bot API received the key's message, end to end; Telegram's default limits apply).
# Exit status 1 when p99 at 200 webhooks/s >= 150 ms or the burst makes fewer than 200 fulfilments/s.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# the reactor compiles the modules and their test fixtures; nothing is installed into ~/.m2
./mvnw -q -B ${MVN_ARGS:--o} test-compile dependency:build-classpath -pl bootstrap -am \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="bootstrap/target/test-classes:bootstrap/target/classes:$(cat "$WORK/cp.txt")"
export BENCH_LOG="${BENCH_LOG:-/tmp/vpnbot-fulfilment-bench.log}"
java -XX:ActiveProcessorCount="${CPUS:-2}" -Xmx1g ${JAVA_OPTS:-} -Dlogback.configurationFile=bench/fulfilment-logback.xml \
    -cp "$CP" dev.vpnbot.bootstrap.moneypath.bench.FulfilmentBenchmark && status=0 || status=$?
echo "(bot log: $BENCH_LOG)"
exit "$status"
