#!/usr/bin/env bash
# Spark benchmark: the GreenLedger Spark job (backend/spark) in local mode on this machine, on the
# benchmark's generated FOCUS file of N rows (FocusFileGenerator, seed 42: the same file
# ingestion.sh uploads), beside the application's own ingestion of that file (ingestion.sh, run
# in the same invocation on the same file unless SKIP_APP=1; the Spark output is then loaded into the
# same application as one job, and the two jobs' stored lines and totals are compared). Prints rows/s and rows per
# CPU-second of both, their ratios, the machine's load, and the estimate for a billion-row month
# on a cluster (CLUSTER_CORES executor cores, default 400) from the per-core rate measured.
# Usage, after ./mvnw -DskipTests package (psql on the PATH for the application's run):
#   backend/bench/spark.sh [rows=5000000] [master=local[*]] [driver memory=4g]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-5000000}"
master="${2:-local[*]}"
memory="${3:-4g}"
source backend/bench/java.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

"$java" -cp backend/target/test-classes org.greenledger.ingestion.bench.FocusFileGenerator "$rows" "$work/bill.csv"
bytes=$(stat -c %s "$work/bill.csv")
echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"

backend/spark/run-local.sh --prepare
TIMEFORMAT='%R %U %S'
{ time JAVA="$java" SPARK_MASTER="$master" backend/spark/run-local.sh --driver-memory "$memory" \
  --output "$work/spark-out" ${SPLIT_SIZE:+--split-size "$SPLIT_SIZE"} "$work/bill.csv" 2>"$work/spark.log" >"$work/spark.txt" ; } 2>"$work/time.txt" \
  || { tail -20 "$work/spark.log"; exit 1; }
cat "$work/spark.txt"
read -r spark_s user_s sys_s <"$work/time.txt"
cpu_s=$(echo "$user_s + $sys_s" | bc)
spark_rate=$(echo "$rows / $spark_s" | bc -l)
per_cpu=$(echo "$rows / $cpu_s" | bc -l)
echo "load average after the Spark run: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'Spark job, %s, %s rows (%s MB): %.1f s including JVM and Spark start = %.0f rows/s\n' "$master" "$rows" \
  "$((bytes / 1000000))" "$spark_s" "$spark_rate"
printf 'CPU used by the Spark JVM: %.1f s = %.0f rows per CPU-second (the per-core figure the cluster estimate uses)\n' \
  "$cpu_s" "$per_cpu"
echo "output: $(du -sh "$work/spark-out/lines" | cut -f1) of lines (Parquet), manifest totals:"
grep -A8 '"totals"' "$work/spark-out/manifest.json" | sed 's/^/  /'

# A billion-row month on a cluster, from the per-core rate just measured: CLUSTER_CORES executor
# cores (default 400: 50 executors of 8 cores), at least as many input files as cores.
cores="${CLUSTER_CORES:-400}"
core_s=$(echo "1000000000 / $per_cpu" | bc -l)
printf 'estimate, 1,000,000,000 rows on %s cores: 1e9 / %.0f rows per core-second = %.0f core-seconds (%.1f core-hours);' \
  "$cores" "$per_cpu" "$core_s" "$(echo "$core_s / 3600" | bc -l)"
printf ' / %s cores = %.0f s (%.1f min) plus start-up\n' "$cores" "$(echo "$core_s / $cores" | bc -l)" \
  "$(echo "$core_s / $cores / 60" | bc -l)"

if [ "${SKIP_APP:-0}" != 1 ]; then
  echo "--- the application's own ingestion of the same file (BENCH_FILE=<it> backend/bench/ingestion.sh $rows) ---"
  echo "load average before the application's run: $(cut -d' ' -f1-3 /proc/loadavg)"
  # SPARK_OUTPUT: after the upload, the Spark output is loaded too and both jobs' lines and totals compared
  BENCH_FILE="$work/bill.csv" BENCH_JAVA="$java" SPARK_OUTPUT="$work/spark-out" backend/bench/ingestion.sh "$rows" \
    | tee "$work/app.txt"
  app_rate=$(grep -oE '^end-to-end .* = [0-9]+ rows/s' "$work/app.txt" | grep -oE '[0-9]+ rows/s$' | cut -d' ' -f1)
  echo "load average after the application's run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "--- side by side, $rows rows, same file ---"
  printf 'Spark job (local mode, wall time incl. start): %.0f rows/s\n' "$spark_rate"
  printf 'application (upload to COMPLETED):            %.0f rows/s\n' "$app_rate"
  printf 'Spark / application: %.3f\n' "$(echo "$spark_rate / $app_rate" | bc -l)"
  # per CPU-second (the steadier figure on a loaded machine): the Spark JVM's CPU against the
  # application's JVM and PostgreSQL CPU during the ingestion
  app_cpu=$(grep -oE '^CPU during the ingestion: PostgreSQL [0-9.]+ s, JVM [0-9.]+ s' "$work/app.txt" \
    | grep -oE '[0-9.]+ s' | cut -d' ' -f1 | paste -sd+ | bc)
  app_per_cpu=$(echo "$rows / $app_cpu" | bc -l)
  printf 'rows per CPU-second: Spark %.0f, application %.0f (JVM and PostgreSQL); Spark / application: %.3f\n' \
    "$per_cpu" "$app_per_cpu" "$(echo "$per_cpu / $app_per_cpu" | bc -l)"
fi
