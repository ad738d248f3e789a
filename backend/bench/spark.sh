#!/usr/bin/env bash
# Spark benchmark: the GreenLedger Spark job (backend/spark) in local mode on this machine, on the
# benchmark's generated FOCUS file of N rows (FocusFileGenerator, seed 42: the same file
# ingestion.sh uploads), beside the application's own ingestion of that file (ingestion.sh, run
# in the same invocation unless SKIP_APP=1). Prints rows/s of both and the machine's load.
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
  --output "$work/spark-out" "$work/bill.csv" 2>"$work/spark.log" >"$work/spark.txt" ; } 2>"$work/time.txt"
cat "$work/spark.txt"
read -r spark_s user_s sys_s <"$work/time.txt"
cpu_s=$(echo "$user_s + $sys_s" | bc)
echo "load average after the Spark run: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'Spark job, %s, %s rows (%s MB): %.1f s including JVM and Spark start = %.0f rows/s\n' "$master" "$rows" \
  "$((bytes / 1000000))" "$spark_s" "$(echo "$rows / $spark_s" | bc -l)"
printf 'CPU used by the Spark JVM: %.1f s = %.0f rows per CPU-second (the per-core figure the cluster estimate uses)\n' \
  "$cpu_s" "$(echo "$rows / $cpu_s" | bc -l)"
echo "output: $(du -sh "$work/spark-out/lines" | cut -f1) of lines (Parquet), manifest totals:"
grep -A8 '"totals"' "$work/spark-out/manifest.json" | sed 's/^/  /'

if [ "${SKIP_APP:-0}" != 1 ]; then
  echo "--- the application's own ingestion of the same file (backend/bench/ingestion.sh $rows) ---"
  backend/bench/ingestion.sh "$rows"
fi
