#!/usr/bin/env bash
# Runs the GreenLedger Spark job through spark-submit's own entry point,
# org.apache.spark.deploy.SparkSubmit (what a Spark distribution's bin/spark-submit runs), in
# local mode: Spark's jars on the class path as a Spark installation has them (the module's
# provided dependencies: Spark 4.2.0, its Hadoop client, hadoop-aws), the application as
# spark-submit takes it (the module's jar, and greenledger-core with what it needs beyond Spark
# passed with --jars from target/lib). No Spark distribution is needed.
#   backend/spark/submit-local.sh [--driver-memory 2g] --output <new dir> [--format FOCUS] [--split-size 128m] <input>...
# Environment: SPARK_MASTER (default local[2]), JAVA (default java on the PATH; a JDK >= 21),
# SPARK_CONF (more spark-submit options, for example "--conf spark.hadoop.fs.s3a.endpoint=...").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
memory=2g
if [ "${1:-}" = "--driver-memory" ]; then memory="$2"; shift 2; fi
spark_cp="$here/target/spark-classpath.txt"
if [ ! -f "$spark_cp" ] || [ ! -d "$here/target/lib" ] || [ "$here/pom.xml" -nt "$spark_cp" ] \
  || ! ls "$here"/target/greenledger-spark-*.jar >/dev/null 2>&1; then
  (cd "$root" && ./mvnw -q -o -B -pl backend/spark -am install -DskipTests -Dspring-javaformat.skip=true \
    && ./mvnw -q -o -B -pl backend/spark dependency:build-classpath -Dmdep.includeScope=provided \
      -Dmdep.outputFile="$spark_cp")
fi
app_jar="$(ls "$here"/target/greenledger-spark-*.jar | grep -v -e '-sources' -e '-tests' | head -1)"
jars="$(ls "$here"/target/lib/*.jar | paste -sd, -)"
source "$here/jvm-options.sh"
# In client mode (local master) the driver is this JVM: its heap is the driver's memory.
exec "${JAVA:-java}" -Xmx"$memory" "${spark_jvm_options[@]}" \
  -Dlog4j2.configurationFile="$here/src/test/resources/log4j2-test.properties" \
  -cp "$(cat "$spark_cp")" org.apache.spark.deploy.SparkSubmit \
  --master "${SPARK_MASTER:-local[2]}" --conf spark.ui.enabled=false ${SPARK_CONF:-} \
  --class org.greenledger.spark.SparkIngestion --jars "$jars" "$app_jar" "$@"
