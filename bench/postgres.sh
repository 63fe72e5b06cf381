#!/usr/bin/env bash
# Query benchmark of the PostgreSQL adapter (not a test; never part of ./mvnw verify):
# loads 1,000,000 users and 1,000,000 keys, then prints p50/p90/p99 of "keys of a user" and
# "keys expiring within N hours not yet reminded" through the real repositories.
#
# Database: VPNBOT_BENCH_JDBC_URL (+ _USER, _PASSWORD), else the test database resolver
# (VPNBOT_TEST_JDBC_URL, else Docker, else embedded PostgreSQL). It uses a schema of its own and
# drops it afterwards (BENCH_KEEP=true keeps it). Sizes: BENCH_USERS, BENCH_KEYS, BENCH_CALLS,
# BENCH_WINDOW_HOURS; BENCH_SCHEMA=<kept schema> measures again without loading. Exit status 1 when a p99 misses the 10 ms target.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl adapter-postgres -am -Pbench test-compile "$@"
