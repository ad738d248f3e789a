#!/usr/bin/env bash
# Start-up benchmark: time from `java -jar` to a ready portal (readiness probe answers 200) and
# resident memory, with the embedded PostgreSQL; first start (empty data directory: binaries
# unpacked, initdb) and restarts. Reference measured in the same run: a bare JVM start
# (`java -version`) on the same JDK. Usage, after ./mvnw -DskipTests package:
#   backend/bench/startup.sh [restarts=3] [port=18080]
set -euo pipefail
cd "$(dirname "$0")/../.."
restarts="${1:-3}"
port="${2:-18080}"
source backend/bench/java.sh
jar=backend/target/greenledger.jar
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT

now() { date +%s.%N; }

reference_start=$(now)
"$java" -version >/dev/null 2>&1
reference=$(echo "$(now) - $reference_start" | bc)

run() {
  local label=$1 log="$data/app-$1.log" start pid ready rss pg
  start=$(now)
  GREENLEDGER_DATA_DIR="$data/gl" PORT=$port "$java" -jar "$jar" >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "GreenLedger exited; see $log" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(echo "$(now) - $start" | bc)
  sleep 3
  rss=$(ps -o rss= -p "$pid")
  pg=$(grep -oE '\([0-9]+ ms waited for it\)' "$log" | grep -oE '[0-9]+ ms')
  printf '%-10s ready in %6.2f s   JVM RSS %4d MB   waited for embedded PostgreSQL %s\n' "$label" "$ready" $((rss / 1024)) "$pg"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

echo "JDK: $("$java" -version 2>&1 | head -1); cores: $(nproc)"
printf 'reference: bare JVM start (java -version) %.2f s\n' "$reference"
run first
for i in $(seq 1 "$restarts"); do run "restart-$i"; done
echo "target: ready in <= 15 s"
