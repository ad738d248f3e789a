#!/usr/bin/env bash
# Checks that two builds of the application store the same billing file identically: runs
# backend/bench/ingestion.sh with each jar on the same generated FOCUS file and compares the
# digests of everything stored (backend/bench/stored-digests.sql: activity lines over every
# column, day and month sums, lineages, attribute combinations, tag sets, job accounting).
# Usage, after ./mvnw -DskipTests package (psql on the PATH):
#   backend/bench/same-result.sh BEFORE.jar AFTER.jar [rows=500000] [port=18081]
set -euo pipefail
cd "$(dirname "$0")/../.."
before="$(realpath "$1")"
after="$(realpath "$2")"
rows="${3:-500000}"
port="${4:-18081}"
source backend/bench/java.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$java" -cp backend/target/test-classes org.greenledger.ingestion.bench.FocusFileGenerator "$rows" "$work/bill.csv"
BENCH_FILE="$work/bill.csv" BENCH_JAR="$before" BENCH_DIGEST="$work/before.txt" backend/bench/ingestion.sh "$rows" "$port" >/dev/null
BENCH_FILE="$work/bill.csv" BENCH_JAR="$after" BENCH_DIGEST="$work/after.txt" backend/bench/ingestion.sh "$rows" "$port" >/dev/null
cat "$work/after.txt"
if diff "$work/before.txt" "$work/after.txt"; then
  echo "SAME: both builds stored $rows rows identically"
else
  echo "DIFFERENT (above: < before, > after)"
  exit 1
fi
