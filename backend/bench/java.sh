#!/usr/bin/env bash
# Sourced by the benchmark scripts: sets $java to a JDK >= 21, found the way the build finds it
# (the Maven toolchains plugin's JDK discovery: JAVA_HOME, JAVA<n>_HOME, /usr/lib/jvm, SDKMAN, ...).
# BENCH_JAVA names a java executable explicitly.
if [ -n "${BENCH_JAVA:-}" ]; then
  java="$BENCH_JAVA"
else
  discovered="$(mktemp)"
  ./mvnw -q -o -N org.apache.maven.plugins:maven-toolchains-plugin:3.2.0:generate-jdk-toolchains-xml \
    -Dtoolchain.file="$discovered" >/dev/null 2>&1 \
    || ./mvnw -q -N org.apache.maven.plugins:maven-toolchains-plugin:3.2.0:generate-jdk-toolchains-xml \
      -Dtoolchain.file="$discovered" >/dev/null
  # One "major jdkHome" line per discovered JDK; the newest with a major version >= 21 wins.
  home="$(awk -F'[<>]' '/<version>/ {split($3, v, "."); major=v[1]} /<jdkHome>/ {print major, $3}' "$discovered" \
    | sort -rn | awk '$1 >= 21 {print $2; exit}')"
  rm -f "$discovered"
  if [ -z "$home" ]; then
    echo "No JDK 21 or newer was found. Install one (for example: apt-get install openjdk-21-jdk-headless)" \
      "or name its java with BENCH_JAVA=/path/to/bin/java." >&2
    exit 1
  fi
  java="$home/bin/java"
fi
