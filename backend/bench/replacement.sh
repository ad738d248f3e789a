#!/usr/bin/env bash
# A corrected re-export replacing an earlier upload (overlap=REPLACE, the default): generates two
# FOCUS files of N rows for the same months and accounts (seeds 42 and 5; one month, 2024-03, or
# with months=M the M months from 2024-01 on, N/M rows each), starts GreenLedger with a
# 512 MB heap on a fresh embedded PostgreSQL, uploads the first, then the second, which replaces
# every provider, account and month of the first. Prints both uploads' end-to-end times and the
# application log's split into staging and the part after it (sums, replacement, index, attach):
# the first upload, which replaces nothing, is the reference measured in the same run. Then checks
# that what is left reconciles: the lines, day sums and month sums of every job give the same rows,
# cost and CO2e, and the replacements recorded name every row of the first upload.
# BENCH_JAR runs another build of the application (default backend/target/greenledger.jar).
# Usage, after ./mvnw -DskipTests package (psql on the PATH):
#   backend/bench/replacement.sh [rows=2000000] [port=18083] [months=1]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-2000000}"
port="${2:-18083}"
months="${3:-1}"
source backend/bench/java.sh
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
now() { date +%s.%N; }

generate() { # seed file: the months' rows, one header
  if [ "$months" = 1 ]; then
    "$java" -cp backend/target/test-classes org.greenledger.ingestion.bench.FocusFileGenerator "$rows" "$2" "$1" 2024-03
    return
  fi
  for m in $(seq 1 "$months"); do
    "$java" -cp backend/target/test-classes org.greenledger.ingestion.bench.FocusFileGenerator $((rows / months)) \
      "$work/part.csv" "$1" "$(printf '2024-%02d' "$m")" >/dev/null
    if [ "$m" = 1 ]; then cat "$work/part.csv"; else tail -n +2 "$work/part.csv"; fi
  done >"$2"
  rm -f "$work/part.csv"
}
generate 42 "$work/first.csv"
generate 5 "$work/corrected.csv"

GREENLEDGER_DATA_DIR="$work/data" GREENLEDGER_ADMIN_PASSWORD=benchmark-password GREENLEDGER_MAX_UPLOAD_SIZE=4GB PORT=$port \
  "$java" -Xmx512m -XX:+UseParallelGC -jar "${BENCH_JAR:-backend/target/greenledger.jar}" >"$work/app.log" 2>&1 &
app=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do sleep 0.2; done
pgport=$(grep -oE 'Embedded PostgreSQL ready on 127.0.0.1:[0-9]+' "$work/app.log" | grep -oE '[0-9]+$')
export PGPASSWORD="$(cat "$work/data/postgres.password")"
psql_() { psql -q -h 127.0.0.1 -p "$pgport" -U greenledger -d greenledger "$@"; }

upload() { # file: uploads it, waits until the job has ended, prints its status and time
  local start job status
  start=$(now)
  job=$(curl -s -u admin:benchmark-password -F "file=@$1" "http://127.0.0.1:$port/api/v1/ingestions" \
    | grep -oE '"id":"[^"]+"' | head -1 | cut -d'"' -f4)
  status=QUEUED
  while [ "$status" = QUEUED ] || [ "$status" = RUNNING ]; do
    sleep 0.1
    status=$(curl -s -u admin:benchmark-password "http://127.0.0.1:$port/api/v1/ingestions/$job" \
      | grep -oE '"status":"[A-Z]+"' | cut -d'"' -f4)
  done
  printf '%s: %s in %.1f s\n' "$(basename "$1")" "$status" "$(echo "$(now) - $start" | bc)"
}

echo "rows per file: $rows, months: $months"
upload "$work/first.csv"
upload "$work/corrected.csv"
echo "phases (from the application log; first, then corrected):"
grep -oE 'rows read, calculated and staged in [0-9]+ ms.*' "$work/app.log" | sed 's/^/  /'
echo "what is left, per file: lines, day sums, month sums (rows, billed cost, CO2e location-based):"
psql_ -At -F ' ' <<'SQL'
select j.file_name, s.what, s.rows, s.cost, s.co2e from ingestion_job j
cross join lateral (
  select 'lines' as what, count(*) as rows, round(coalesce(sum(billed_cost), 0), 6) as cost,
         round(coalesce(sum(co2e_location_kg), 0)::numeric, 3) as co2e from activity_line where job_id = j.id
  union all select 'day sums', coalesce(sum(row_count), 0), round(coalesce(sum(billed_cost), 0), 6),
         round(coalesce(sum(co2e_location_kg), 0)::numeric, 3) from footprint_rollup_day where job_id = j.id
  union all select 'month sums', coalesce(sum(row_count), 0), round(coalesce(sum(billed_cost), 0), 6),
         round(coalesce(sum(co2e_location_kg), 0)::numeric, 3) from footprint_rollup_month where job_id = j.id) s
order by j.created_at, s.what;
select 'replacements recorded: ' || count(*) || ' (provider, account, month), ' || coalesce(sum(row_count), 0) || ' rows'
from billing_replacement;
SQL
