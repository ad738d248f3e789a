#!/usr/bin/env bash
# FastCSV against the own CSV tokenizer (issue 17: "measure FastCSV against the own tokenizer"), on
# the ingestion benchmark's generated FOCUS file: every cell of every record made a string, and the
# rows read into billing rows by the FOCUS reader over either tokenizer (the own one is what
# uploads use). Each way runs in its own JVM (-Xmx512m, -XX:+UseParallelGC, as the application),
# PASSES times over the same file; the first pass includes the JIT's warm-up, the median of the
# others is the steady state. Prints the reading thread's CPU seconds and rows/s per way, and FastCSV's
# time over the own (below 1: FastCSV is faster).
# BENCH_FILE names a generated file to read instead of generating one.
# Usage, after ./mvnw -DskipTests package (or verify):
#   backend/bench/csv-tokenizers.sh [rows=2000000] [passes=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-2000000}"
passes="${2:-5}"
source backend/bench/java.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -n "${BENCH_FILE:-}" ]; then
  ln -s "$(realpath "$BENCH_FILE")" "$work/bill.csv"
else
  "$java" -cp backend/target/test-classes org.greenledger.ingestion.bench.FocusFileGenerator "$rows" "$work/bill.csv"
fi
rows=$(($(wc -l <"$work/bill.csv") - 1))
# the test class path of backend/core (offline first; online when the plugin is not there yet)
./mvnw -q -o -pl backend/core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath" >/dev/null 2>&1 \
  || ./mvnw -q -pl backend/core dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/classpath" >/dev/null
classpath="backend/core/target/test-classes:backend/core/target/classes:$(cat "$work/classpath")"

echo "file: $rows rows, $(($(stat -L -c %s "$work/bill.csv") / 1000000)) MB; $passes passes per way, one JVM per way"
printf '%-14s %12s %12s %14s\n' way "first pass" "median rest" "rows/s (median)"
declare -A median
for way in fastcsv-cells own-cells fastcsv-focus own-focus; do
  "$java" -Xmx512m -XX:+UseParallelGC -cp "$classpath" org.greenledger.core.table.bench.CsvTokenizerBenchmark \
    "$work/bill.csv" "$way" "$passes" >"$work/$way.log"
  first=$(grep -oE 'CPU [0-9.]+' "$work/$way.log" | head -1 | cut -d' ' -f2)
  median[$way]=$(grep -oE 'CPU [0-9.]+' "$work/$way.log" | tail -n +2 | cut -d' ' -f2 | sort -n \
    | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')
  printf '%-14s %10.2f s %10.2f s %14.0f\n' "$way" "$first" "${median[$way]}" "$(echo "$rows / ${median[$way]}" | bc -l)"
done
printf 'FastCSV / own, every cell as a string: %.2f\n' "$(echo "${median[fastcsv-cells]} / ${median[own-cells]}" | bc -l)"
printf 'FastCSV / own, read by the FOCUS reader: %.2f\n' "$(echo "${median[fastcsv-focus]} / ${median[own-focus]}" | bc -l)"
