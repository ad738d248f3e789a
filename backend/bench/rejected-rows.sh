#!/usr/bin/env bash
# What recording every row error costs: uploads a FOCUS CSV of N rows that are all rejected
# (RejectedFileGenerator: the charge period's start is not a timestamp) to GreenLedger on a fresh
# embedded PostgreSQL and waits until the job is REJECTED with its N errors stored in
# ingestion_row_error, then downloads the rejected-rows CSV. Reference in the same run: the same
# number of good rows (FocusFileGenerator) ingested end to end.
# Usage, after ./mvnw -DskipTests package (psql on the PATH):
#   backend/bench/rejected-rows.sh [rows=1000000] [port=18083]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"
port="${2:-18083}"
source backend/bench/java.sh
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
now() { date +%s.%N; }
base="http://127.0.0.1:$port"

"$java" -cp backend/target/test-classes org.greenledger.ingestion.bench.FocusFileGenerator "$rows" "$work/good.csv" >/dev/null
"$java" -cp backend/target/test-classes org.greenledger.ingestion.bench.RejectedFileGenerator "$rows" "$work/bad.csv" >/dev/null
GREENLEDGER_DATA_DIR="$work/data" GREENLEDGER_ADMIN_PASSWORD=benchmark-password GREENLEDGER_MAX_UPLOAD_SIZE=4GB PORT=$port \
  "$java" -Xmx512m -XX:+UseParallelGC -jar backend/target/greenledger.jar >"$work/app.log" 2>&1 &
app=$!
until curl -sf -o /dev/null "$base/actuator/health/readiness"; do sleep 0.2; done

ingest() {
  local start job status
  start=$(now)
  job=$(curl -s -u admin:benchmark-password -F "file=@$1" "$base/api/v1/ingestions" | grep -oE '"id":"[^"]+"' | head -1 | cut -d'"' -f4)
  status=QUEUED
  while [ "$status" = QUEUED ] || [ "$status" = RUNNING ]; do
    sleep 0.5
    status=$(curl -s -u admin:benchmark-password "$base/api/v1/ingestions/$job" | grep -oE '"status":"[A-Z]+"' | cut -d'"' -f4)
  done
  echo "$job $status $(echo "$(now) - $start" | bc)"
}

read -r _ good_status good_s < <(ingest "$work/good.csv")
read -r bad_job bad_status bad_s < <(ingest "$work/bad.csv")
pgport=$(grep -oE 'Embedded PostgreSQL ready on 127.0.0.1:[0-9]+' "$work/app.log" | grep -oE '[0-9]+$')
stored=$(PGPASSWORD="$(cat "$work/data/postgres.password")" psql -At -h 127.0.0.1 -p "$pgport" -U greenledger -d greenledger \
  -c "select count(*) from ingestion_row_error where job_id = '$bad_job'")
start=$(now)
size=$(curl -s -u admin:benchmark-password -o "$work/rejected.csv" -w '%{size_download}' "$base/api/v1/ingestions/$bad_job/rejected-rows")
download_s=$(echo "$(now) - $start" | bc)
lines=$(($(wc -l < "$work/rejected.csv") - 1))
grep -E "Job $bad_job" "$work/app.log" | sed 's/.*: Job/Job/' || true
printf 'reference: %s good rows %s in %.1f s (%.0f rows/s)\n' "$rows" "$good_status" "$good_s" "$(echo "$rows / $good_s" | bc -l)"
printf 'rejected:  %s bad rows %s in %.1f s (%.0f rows/s), %s errors stored\n' "$rows" "$bad_status" "$bad_s" "$(echo "$rows / $bad_s" | bc -l)" "$stored"
printf 'download:  %s lines, %s bytes in %.1f s\n' "$lines" "$size" "$download_s"
