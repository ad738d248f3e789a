#!/usr/bin/env bash
# End-to-end telemetry benchmark: generates an nvidia-smi CSV log of N samples (8 GPUs polled every
# second), starts GreenLedger with a 512 MB heap on a fresh embedded PostgreSQL, registers a site,
# uploads the file for it and waits until the job is COMPLETED (hourly lines stored and queryable),
# sampling the JVM heap. Reference in the same run: psql \copy of the same file into an unindexed
# table of text columns on the same server (the cost of merely loading the rows).
# Usage, after ./mvnw -DskipTests package (psql on the PATH):
#   backend/bench/telemetry.sh [samples=10000000] [port=18082]
set -euo pipefail
cd "$(dirname "$0")/../.."
samples="${1:-10000000}"
port="${2:-18082}"
source backend/bench/java.sh
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
now() { date +%s.%N; }
auth=(-u admin:benchmark-password)

"$java" -cp backend/target/test-classes org.greenledger.ingestion.bench.NvidiaSmiFileGenerator "$samples" "$work/smi.csv"
bytes=$(stat -c %s "$work/smi.csv")

GREENLEDGER_DATA_DIR="$work/data" GREENLEDGER_ADMIN_PASSWORD=benchmark-password GREENLEDGER_MAX_UPLOAD_SIZE=4GB PORT=$port \
  "$java" -Xmx512m ${BENCH_JAVA_OPTS:--XX:+UseParallelGC} -jar backend/target/greenledger.jar >"$work/app.log" 2>&1 &
app=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do sleep 0.2; done
pgport=$(grep -oE 'Embedded PostgreSQL ready on 127.0.0.1:[0-9]+' "$work/app.log" | grep -oE '[0-9]+$')
export PGPASSWORD="$(cat "$work/data/postgres.password")"
psql_() { psql -q -h 127.0.0.1 -p "$pgport" -U greenledger -d greenledger "$@"; }

# Reference: raw COPY of the whole rows into an unindexed table.
psql_ -c "create unlogged table bench_raw (ts text, name text, idx text, uuid text, power text, util text, mem text)"
start=$(now)
psql_ -c "\\copy bench_raw from '$work/smi.csv' with (format csv, header)"
copy_s=$(echo "$(now) - $start" | bc)

curl -sf "${auth[@]}" -H 'Content-Type: application/json' -o /dev/null \
  -d '{"code": "BENCH1", "name": "Benchmark hall", "kind": "OWN", "gridZone": "DE"}' \
  "http://127.0.0.1:$port/api/v1/sites"

heap_max=0
sample_heap() {
  local used
  used=$(curl -s "${auth[@]}" "http://127.0.0.1:$port/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{area="heap"/ {sum += $NF} END {printf "%.0f", sum}')
  if [ -n "$used" ] && [ "$used" -gt "$heap_max" ]; then heap_max=$used; fi
}

start=$(now)
job=$(curl -s "${auth[@]}" -F "file=@$work/smi.csv" -F site=BENCH1 -F host=bench-node \
  "http://127.0.0.1:$port/api/v1/ingestions" | grep -oE '"id":"[^"]+"' | head -1 | cut -d'"' -f4)
upload_s=$(echo "$(now) - $start" | bc)
status=QUEUED
while [ "$status" = QUEUED ] || [ "$status" = RUNNING ]; do
  sleep 0.25
  sample_heap
  status=$(curl -s "${auth[@]}" "http://127.0.0.1:$port/api/v1/ingestions/$job" \
    | grep -oE '"status":"[A-Z]+"' | cut -d'"' -f4)
done
total_s=$(echo "$(now) - $start" | bc)
summary=$(curl -s "${auth[@]}" "http://127.0.0.1:$port/api/v1/ingestions/$job")
lines=$(psql_ -At -c "select count(*) from measured_line")
kwh=$(psql_ -At -c "select round(sum(amount)::numeric, 3) from measured_line")

echo "samples: $samples ($((bytes / 1000000)) MB), job $status: $(echo "$summary" | grep -oE '"rows(Read|Accepted|CostOnly|Rejected)":[0-9]+' | paste -sd' ')"
echo "hourly lines stored: $lines, energy $kwh kWh"
printf 'end-to-end (upload to COMPLETED): %.1f s = %.0f samples/s\n' "$total_s" "$(echo "$samples / $total_s" | bc -l)"
printf 'reference raw COPY (psql \\copy, unindexed text table): %.1f s = %.0f rows/s\n' "$copy_s" "$(echo "$samples / $copy_s" | bc -l)"
printf 'end-to-end / raw COPY throughput: %.3f\n' "$(echo "$copy_s / $total_s" | bc -l)"
printf 'peak heap used (sampled every 0.25 s, -Xmx512m): %.0f MB\n' "$(echo "$heap_max / 1048576" | bc -l)"
printf 'upload answered (file stored, job queued) after %.1f s\n' "$upload_s"
echo "phases (from the application log):"
grep -oE '(Stored .* in [0-9]+ ms|rows read, [0-9]+ lines stored.*)' "$work/app.log" | sed 's/^/  /' || true
echo "targets: >= 500,000 samples/s end-to-end, heap <= 512 MB"
