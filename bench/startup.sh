#!/usr/bin/env bash
# Start-up figures: time from launch until GET /healthz answers 200 (ready_ms), of which the
# embedded PostgreSQL took db_ms; the JVM's resident memory once ready (rss_mb) and the embedded
# PostgreSQL's proportional share (pg_pss_mb); time to stop on SIGTERM (stop_ms).
#
#   bench/startup.sh            the bootstrap harness (embedded PostgreSQL + wiring + HTTP + jobs,
#                               in-memory ports where the adapters go); works in every build
#   bench/startup.sh jar        the real `java -jar bootstrap/target/vpnbot.jar run`, configured by
#                               the environment / .env as in production (needs the adapters)
#
# RUNS (default 3) starts are measured; the first one in harness mode creates the database.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-harness}"
RUNS="${RUNS:-3}"
PORT="${PORT:-18080}"
WORK="$(mktemp -d)"
pid=""
trap '[[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT

if [[ "$MODE" == harness ]]; then
  ./mvnw -q -B -o test-compile dependency:build-classpath -pl bootstrap -am \
      -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
  CP="bootstrap/target/test-classes:bootstrap/target/classes:$(cat "$WORK/cp.txt")"
  launch() { exec java ${JAVA_OPTS:-} -cp "$CP" dev.vpnbot.bootstrap.bench.StartupHarness "$PORT" "$WORK/data"; }
else
  [[ -f bootstrap/target/vpnbot.jar ]] || ./mvnw -q -B -DskipTests package
  launch() { HTTP_PORT="$PORT" DATA_DIR="${DATA_DIR:-$WORK/data}" exec java ${JAVA_OPTS:-} -jar bootstrap/target/vpnbot.jar run; }
fi

now_ms() { date +%s%3N; }
printf '%-4s %9s %9s %8s %11s %8s\n' run ready_ms db_ms rss_mb pg_pss_mb stop_ms
for run in $(seq 1 "$RUNS"); do
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is already in use; set PORT=..."; exit 1; fi
  start=$(now_ms)
  launch >"$WORK/run$run.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the bot exited before it was ready:"; tail -20 "$WORK/run$run.log"; exit 1; fi
    sleep 0.05
  done
  ready=$(( $(now_ms) - start ))
  sleep 1 # let start-up work settle before reading memory
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  # the embedded PostgreSQL runs as its own processes; PSS shares their common memory out fairly
  pg_kb=0
  for p in $(pgrep -f -- "-D $WORK/data/postgres" || true) $(pgrep -P "$(pgrep -f -- "-D $WORK/data/postgres" | head -1)" 2>/dev/null || true); do
    pg_kb=$(( pg_kb + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0) ))
  done
  db_ms=$(grep -o 'embedded PostgreSQL [0-9.]* in .* (\([0-9]*\) ms)' "$WORK/run$run.log" | grep -o '([0-9]* ms)' | tr -dc 0-9 || true)
  t0=$(now_ms)
  kill -TERM "$pid"
  wait "$pid" || true
  pid=""
  stopped=$(( $(now_ms) - t0 ))
  printf '%-4s %9s %9s %8s %11s %8s\n' "$run" "$ready" "${db_ms:--}" "$(( rss_kb / 1024 ))" "$(( pg_kb / 1024 ))" "$stopped"
done
echo "(java: $(java -version 2>&1 | head -1); JAVA_OPTS='${JAVA_OPTS:-}')"
