#!/usr/bin/env bash
# XLSX size per million activity lines (the 28 columns of the auditors' "Activity lines" sheet), with the
# texts in every line and with the SHA-256 and factors by key (the workbook's layout),
# against the CSV of the same lines, measured in the same run.
# Usage: reports/bench/xlsx-size.sh [lines=1000000] [output-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -o -pl reports -am -DskipTests install
./mvnw -q -B -o -pl reports dependency:build-classpath -Dmdep.outputFile="$PWD/reports/target/bench-classpath.txt" >/dev/null
CP="reports/target/classes:reports/target/test-classes:$(cat reports/target/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "$CP" \
	org.greenledger.reports.bench.XlsxSize "${1:-1000000}" "${2:-reports/target/bench}"
