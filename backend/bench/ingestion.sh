#!/usr/bin/env bash
# End-to-end ingestion benchmark: generates a FOCUS CSV (or, with CurFileGenerator, a legacy AWS
# CUR) of N rows, starts GreenLedger with a 512 MB heap on a fresh embedded PostgreSQL, uploads the
# file and waits until the job is COMPLETED (rows queryable), sampling the JVM heap. Reference in
# the same run: psql \copy of the same file into an unindexed table of text columns on the same
# server.
# BENCH_FILE names a generated file to upload instead (backend/bench/spark.sh passes its own).
# SPARK_OUTPUT names an output of the Spark job made from that file: after the upload, it is loaded
# as one more job (APPEND) and both jobs' stored lines and totals are printed side by side.
# BENCH_JAR runs another build of the application (default backend/target/greenledger.jar);
# BENCH_DIGEST names a file to write digests of everything the upload stored into
# (backend/bench/stored-digests.sql; backend/bench/same-result.sh compares two builds with it).
# The JVM runs with the recommended -XX:+UseParallelGC (docs/operations.md); BENCH_JAVA_OPTS replaces
# the options (for example BENCH_JAVA_OPTS=-XX:+UseG1GC for the JVM's default collector).
# Usage, after ./mvnw -DskipTests package (psql on the PATH):
#   backend/bench/ingestion.sh [rows=1000000] [port=18081] [generator=FocusFileGenerator|CurFileGenerator]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"
port="${2:-18081}"
generator="${3:-FocusFileGenerator}"
source backend/bench/java.sh
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
now() { date +%s.%N; }

if [ -n "${BENCH_FILE:-}" ]; then
  ln -s "$(realpath "$BENCH_FILE")" "$work/bill.csv"   # a file generated already (spark.sh: the same file for both)
else
  "$java" -cp backend/target/test-classes "org.greenledger.ingestion.bench.$generator" "$rows" "$work/bill.csv"
fi
bytes=$(stat -L -c %s "$work/bill.csv")

if [ -n "${SPARK_OUTPUT:-}" ]; then export GREENLEDGER_SPARK_OUTPUTROOTS="$(dirname "$(realpath "$SPARK_OUTPUT")")"; fi
GREENLEDGER_DATA_DIR="$work/data" GREENLEDGER_ADMIN_PASSWORD=benchmark-password GREENLEDGER_MAX_UPLOAD_SIZE=4GB PORT=$port \
  "$java" -Xmx512m ${BENCH_JAVA_OPTS:--XX:+UseParallelGC} -Xlog:gc:file="$work/gc.log" -jar "${BENCH_JAR:-backend/target/greenledger.jar}" >"$work/app.log" 2>&1 &
app=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do sleep 0.2; done
pgport=$(grep -oE 'Embedded PostgreSQL ready on 127.0.0.1:[0-9]+' "$work/app.log" | grep -oE '[0-9]+$')
export PGPASSWORD="$(cat "$work/data/postgres.password")"
psql_() { psql -q -h 127.0.0.1 -p "$pgport" -U greenledger -d greenledger "$@"; }

wait_for() { # job id: polls until the job has ended, prints its status
  local status=QUEUED
  while [ "$status" = QUEUED ] || [ "$status" = RUNNING ]; do
    sleep 0.5
    status=$(curl -s -u admin:benchmark-password "http://127.0.0.1:$port/api/v1/ingestions/$1" \
      | grep -oE '"status":"[A-Z]+"' | cut -d'"' -f4)
  done
  echo "$status"
}
if [ -n "${BENCH_WARMUP:-}" ]; then
  "$java" -cp backend/target/test-classes "org.greenledger.ingestion.bench.FocusFileGenerator" "$BENCH_WARMUP" "$work/warmup.csv" 7 2023-01 >/dev/null
  start=$(now)
  warm=$(curl -s -u admin:benchmark-password -F "file=@$work/warmup.csv" "http://127.0.0.1:$port/api/v1/ingestions" \
    | grep -oE '"id":"[^"]+"' | head -1 | cut -d'"' -f4)
  warm_status=$(wait_for "$warm")
  warm_line=$(printf 'warm-up upload first: %s rows, %s in %.1f s (the measured upload below ran on a warm server)' \
    "$BENCH_WARMUP" "$warm_status" "$(echo "$(now) - $start" | bc)")
  rm -f "$work/warmup.csv"
  # the warm-up's partition analyzed now rather than by autovacuum during the reference below
  psql_ -c "analyze"
fi

# Reference: raw COPY of the whole rows into an unindexed table.
columns=$(head -1 "$work/bill.csv" | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd, -)
psql_ -c "create unlogged table if not exists bench_raw ($columns)"
psql_ -c "checkpoint" # the reference starts, as the upload does, without dirty pages of earlier work
start=$(now)
psql_ -c "\\copy bench_raw from '$work/bill.csv' with (format csv, header)"
copy_s=$(echo "$(now) - $start" | bc)

# CPU seconds used so far by the PostgreSQL server processes and by the JVM
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{t += ($14 + $15) / hz} END {printf "%.1f", t}' "$@" 2>/dev/null || echo 0; }
pg_cpu() { cpu_of $(pgrep -f "postgres -D $work/data" | sed 's|.*|/proc/&/stat|') $(pgrep -P "$(pgrep -f "postgres -D $work/data" | head -1)" | sed 's|.*|/proc/&/stat|'); }
jvm_cpu() { cpu_of "/proc/$app/stat"; }

heap_max=0
# The peak heap is read from the JVM's GC log (the heap used before each collection, where it
# peaks) and one request at the end: a scrape every 0.5 s cost the measured JVM CPU, and saw the
# heap wherever it happened to be between two collections. Only the heap's meter is scraped.
sample_heap() {
  local used
  used=$(curl -s -u admin:benchmark-password "http://127.0.0.1:$port/actuator/prometheus?includedNames=jvm_memory_used_bytes" \
    | awk '/^jvm_memory_used_bytes\{area="heap"/ {sum += $NF} END {printf "%.0f", sum}')
  if [ -n "$used" ] && [ "$used" -gt "$heap_max" ]; then heap_max=$used; fi
}
gc_peak() { # the largest heap before a collection in the GC log's lines after the first $1 (bytes)
  awk -v from="$1" 'NR > from && match($0, /[0-9]+[KMG]->/) {v = substr($0, RSTART, RLENGTH - 3); u = substr($0, RSTART + RLENGTH - 3, 1)
    b = v * (u == "K" ? 1024 : u == "M" ? 1048576 : 1073741824); if (b > peak) peak = b} END {printf "%.0f", peak}' "$work/gc.log"
}

# CPU ticks per JVM thread ("task-id name ticks"), sampled while the job runs: its threads end with it
# (cat, not awk, opens the files: a thread that ends between the glob and the read must not end
# the sample, and mawk stops at the first file it cannot open)
threads() { cat /proc/"$app"/task/*/stat 2>/dev/null | awk '{n = $0; sub(/^[0-9]+ \(/, "", n); sub(/\) .*$/, "", n);
  r = $0; sub(/^.*\) /, "", r); split(r, f, " "); print $1, n, f[12] + f[13]}' || true; }
psql_ -c "checkpoint"
# One authenticated request before the measurement: the first check of a password is a bcrypt
# (cached 5 minutes per password, docs/security.md), and the first look-up of a user hashes a
# dummy password once per process (timing-attack protection); neither is work of the ingestion.
curl -sf -o /dev/null -u admin:benchmark-password "http://127.0.0.1:$port/api/v1/me"
threads >"$work/threads-before"
gc_from=$(wc -l <"$work/gc.log")
pg_before=$(pg_cpu); jvm_before=$(jvm_cpu)
start=$(now)
# the upload runs in the background: a billing file staged while it arrives is answered only when
# its rows are staged, and the heap and the threads are sampled meanwhile too
(curl -s -u admin:benchmark-password -F "file=@$work/bill.csv" "http://127.0.0.1:$port/api/v1/ingestions" \
  >"$work/upload.json"; now >"$work/upload.done") &
uploader=$!
while kill -0 "$uploader" 2>/dev/null; do
  threads >>"$work/threads"
  sleep 0.5
done
wait "$uploader"
upload_s=$(echo "$(cat "$work/upload.done") - $start" | bc)
job=$(grep -oE '"id":"[^"]+"' "$work/upload.json" | head -1 | cut -d'"' -f4)
status=QUEUED
while [ "$status" = QUEUED ] || [ "$status" = RUNNING ]; do
  threads >>"$work/threads"
  status=$(curl -s -u admin:benchmark-password "http://127.0.0.1:$port/api/v1/ingestions/$job" \
    | grep -oE '"status":"[A-Z]+"' | cut -d'"' -f4)
  # polled every 0.1 s: the end-to-end time is at most 0.1 s longer than the job
  [ "$status" = QUEUED ] || [ "$status" = RUNNING ] && sleep 0.1
done
total_s=$(echo "$(now) - $start" | bc)
pg_used=$(echo "$(pg_cpu) - $pg_before" | bc); jvm_used=$(echo "$(jvm_cpu) - $jvm_before" | bc)
sample_heap
gc_max=$(gc_peak "$gc_from")
if [ "$gc_max" -gt "$heap_max" ]; then heap_max=$gc_max; fi
summary=$(curl -s -u admin:benchmark-password "http://127.0.0.1:$port/api/v1/ingestions/$job")
lines=$(psql_ -At -c "select count(*) from activity_line where job_id = '$job'")

echo "rows: $rows ($((bytes / 1000000)) MB), job $status: $(echo "$summary" | grep -oE '"rows(Read|Accepted|CostOnly|Rejected)":[0-9]+' | paste -sd' ')"
[ -n "${warm_line:-}" ] && echo "$warm_line"
echo "activity lines stored: $lines"
printf 'end-to-end (upload to COMPLETED): %.1f s = %.0f rows/s\n' "$total_s" "$(echo "$rows / $total_s" | bc -l)"
printf 'reference raw COPY (psql \\copy, unindexed text table): %.1f s = %.0f rows/s\n' "$copy_s" "$(echo "$rows / $copy_s" | bc -l)"
printf 'end-to-end / raw COPY throughput: %.3f\n' "$(echo "$copy_s / $total_s" | bc -l)"
printf 'peak heap used (before each garbage collection, and at the end; -Xmx512m): %.0f MB\n' "$(echo "$heap_max / 1048576" | bc -l)"
printf 'upload answered (file stored; job queued, or running when staged while it arrived) after %.1f s\n' "$upload_s"
echo "CPU during the ingestion: PostgreSQL $pg_used s, JVM $jvm_used s (2 cores: $(echo "2 * $total_s" | bc) core-seconds available)"
echo "phases (from the application log):"
grep -oE '(Stored .* in [0-9]+ ms|rows read, calculated and staged in [0-9]+ ms.*)' "$work/app.log" | sed 's/^/  /' || true
echo "CPU seconds per JVM thread during the ingestion (sampled every 0.5 s; numbers in names dropped):"
awk -v hz="$(getconf CLK_TCK)" 'FNR == NR {before[$1] = $NF; next}
  {task = $1; ticks = $NF - before[task]; $1 = ""; $NF = ""; name = $0; gsub(/^ +| +$/, "", name); sub(/[-#0-9]+$/, "", name)
   if (ticks > most[task]) most[task] = ticks; named[task] = name}
  END {for (task in most) cpu[named[task]] += most[task] / hz; for (name in cpu) if (cpu[name] >= 0.1) printf "  %6.1f  %s\n", cpu[name], name}' \
  "$work/threads-before" "$work/threads" | sort -rn || true
if [ -n "${BENCH_DIGEST:-}" ]; then psql_ -At -f backend/bench/stored-digests.sql >"$BENCH_DIGEST"; fi
echo "targets: >= 250,000 rows/s end-to-end, >= 0.5 of raw COPY, heap <= 512 MB"

if [ -n "${SPARK_OUTPUT:-}" ]; then
  # The Spark job's output of the same file, loaded as one job beside the upload (APPEND keeps both)
  start=$(now)
  spark_job=$(curl -s -u admin:benchmark-password -H 'Content-Type: application/json' \
    -d "{\"sparkOutput\": \"$(realpath "$SPARK_OUTPUT")\", \"overlap\": \"APPEND\"}" \
    "http://127.0.0.1:$port/api/v1/ingestions" | grep -oE '"id":"[^"]+"' | head -1 | cut -d'"' -f4)
  status=QUEUED
  while [ "$status" = QUEUED ] || [ "$status" = RUNNING ]; do
    sleep 0.5
    status=$(curl -s -u admin:benchmark-password "http://127.0.0.1:$port/api/v1/ingestions/$spark_job" \
      | grep -oE '"status":"[A-Z]+"' | cut -d'"' -f4)
  done
  spark_summary=$(curl -s -u admin:benchmark-password "http://127.0.0.1:$port/api/v1/ingestions/$spark_job")
  printf 'Spark output loaded as one job: %s in %.1f s: %s\n' "$status" "$(echo "$(now) - $start" | bc)" \
    "$(echo "$spark_summary" | grep -oE '"rows(Read|Accepted|CostOnly|Rejected)":[0-9]+' | paste -sd' ')"
  echo "stored lines and totals per job (upload, then the Spark output):"
  psql_ -c "select case job_id when '$job' then 'upload' else 'spark output' end as job, count(*) as lines,
      sum(billed_cost) as billed, round(sum(facility_kwh)::numeric, 6) as facility_kwh,
      round(sum(co2e_location_kg)::numeric, 6) as co2e_location_kg, round(sum(co2e_market_kg)::numeric, 6) as co2e_market_kg,
      round(sum(co2e_embodied_kg)::numeric, 6) as co2e_embodied_kg, round(sum(vcpu_hours)::numeric, 6) as vcpu_hours,
      count(distinct lineage_id) as lineages
    from activity_line where job_id in ('$job', '$spark_job') group by 1 order by 1 desc"
  psql_ -At -c "select 'upload lines without the same line in the Spark job (row, billed cost, dimension, lineage, quality, CO2e): '
    || count(*) from activity_line u where u.job_id = '$job' and not exists (select 1 from activity_line s
      where s.job_id = '$spark_job' and s.source_row = u.source_row and s.billed_cost = u.billed_cost
      and s.dimension_id = u.dimension_id and s.lineage_id is not distinct from u.lineage_id
      and s.quality is not distinct from u.quality
      and abs(coalesce(s.co2e_location_kg, 0) - coalesce(u.co2e_location_kg, 0)) <= 1e-9)"
fi
