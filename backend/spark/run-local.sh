#!/usr/bin/env bash
# Runs the GreenLedger Spark job in local mode on this machine, without a Spark installation:
# Spark from the module's Maven class path, the module's classes, the JVM options Spark needs
# on a JDK >= 17 (the list of the module's pom, spark.test.jvm).
#   backend/spark/run-local.sh [--driver-memory 2g] --output <new dir> [--format FOCUS] <input>...
#   backend/spark/run-local.sh --prepare   (only builds the module and its class path file)
# Environment: SPARK_MASTER (default local[*]), JAVA (default java on the PATH; a JDK >= 21).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
memory=2g
if [ "${1:-}" = "--driver-memory" ]; then memory="$2"; shift 2; fi
cp_file="$here/target/run-classpath.txt"
if [ ! -f "$cp_file" ] || [ ! -d "$here/target/classes" ] || [ "$here/pom.xml" -nt "$cp_file" ]; then
  (cd "$root" && ./mvnw -q -o -B -pl backend/spark -am install -DskipTests -Dspring-javaformat.skip=true \
    && ./mvnw -q -o -B -pl backend/spark dependency:build-classpath -Dmdep.includeScope=provided \
      -Dmdep.outputFile="$cp_file")
fi
if [ "${1:-}" = "--prepare" ]; then exit 0; fi   # class path built, nothing run (for timed runs)
source "$here/jvm-options.sh"
exec "${JAVA:-java}" -Xmx"$memory" "${spark_jvm_options[@]}" -Dspark.master="${SPARK_MASTER:-local[*]}" \
  -Dspark.ui.enabled=false -Dlog4j2.configurationFile="$here/src/test/resources/log4j2-test.properties" \
  -cp "$here/target/classes:$(cat "$cp_file")" org.greenledger.spark.SparkIngestion "$@"
