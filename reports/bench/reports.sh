#!/usr/bin/env bash
# Reports rendering benchmark: XLSX with a million activity lines and the PDF of a full-year
# inventory, with a 512 MB heap. Usage: reports/bench/reports.sh [lines=1000000] [output-dir]
# Builds the module and its test classes first (Maven offline if the dependencies are there).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -pl reports -am -DskipTests install
./mvnw -q -B -pl reports dependency:build-classpath -Dmdep.outputFile="$PWD/reports/target/bench-classpath.txt" >/dev/null
CP="reports/target/classes:reports/target/test-classes:$(cat reports/target/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseParallelGC -cp "$CP" \
	org.greenledger.reports.bench.ReportBenchmark "${1:-1000000}" "${2:-reports/target/bench}"
