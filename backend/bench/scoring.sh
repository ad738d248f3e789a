#!/usr/bin/env bash
# Scoring API load benchmark: starts GreenLedger (-Xmx512m, parallel GC) on a fresh embedded
# PostgreSQL, creates an API_CLIENT user, and drives POST /api/v1/procurement/score with wrk
# (Debian package `wrk`) on loopback; reference in the same run: the same wrk settings against
# GET /actuator/health.
# Usage, after ./mvnw -DskipTests package (apt-get install wrk):
#   backend/bench/scoring.sh [seconds=20] [connections=16] [port=18083]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
connections="${2:-16}"
port="${3:-18083}"
source backend/bench/java.sh
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; wait 2>/dev/null || true; cp "$work/app.log" /tmp/scoring-app.log 2>/dev/null || true; rm -rf "$work"' EXIT

GREENLEDGER_DATA_DIR="$work/data" GREENLEDGER_ADMIN_PASSWORD=benchmark-password PORT=$port \
  "$java" -Xmx512m ${BENCH_JAVA_OPTS:--XX:+UseParallelGC} -jar backend/target/greenledger.jar >"$work/app.log" 2>&1 &
app=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do sleep 0.2; done
curl -sf -u admin:benchmark-password -H 'Content-Type: application/json' -o /dev/null \
  -d '{"username": "bench-client", "password": "bench-client-password", "roles": ["API_CLIENT"]}' \
  "http://127.0.0.1:$port/api/v1/users"
auth="Basic $(printf 'bench-client:bench-client-password' | base64 -w0)"
cat >"$work/score.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "$auth"
wrk.body = '{"profile": {"grid.location_intensity": 250, "grid.market_intensity": 40, "energy.carbon_free_share": 85, "facility.pue": 1.15, "facility.wue": 0.3, "water.stress": "medium", "embodied.pcf_available": "yes", "embodied.primary_data_share": 40, "targets.sbti": "validated", "targets.reduction_progress": 22, "disclosure.assurance": "limited", "disclosure.cdp_score": "A-", "hardware.lifetime_years": 6, "hardware.reuse_share": 10}, "evidence": {"facility.pue": "Sustainability report 2025, p. 41"}, "dataAsOf": "2025-12-31"}'
LUA
# check the request once, then warm up
curl -sf -H "Authorization: $auth" -H 'Content-Type: application/json' -d "$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$work/score.lua")" \
  "http://127.0.0.1:$port/api/v1/procurement/score" | head -c 200; echo
wrk -t2 -c"$connections" -d10s -s "$work/score.lua" "http://127.0.0.1:$port/api/v1/procurement/score" >/dev/null
wrk -t2 -c"$connections" -d10s "http://127.0.0.1:$port/actuator/health" >/dev/null
echo "== POST /api/v1/procurement/score (API_CLIENT, HTTP Basic), ${seconds}s, $connections connections"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/score.lua" "http://127.0.0.1:$port/api/v1/procurement/score" \
  | tee "$work/score.txt" | grep -E 'Requests/sec|Latency|99%|Non-2xx|requests in'
echo "== reference: GET /actuator/health, same settings"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port/actuator/health" \
  | tee "$work/health.txt" | grep -E 'Requests/sec|Latency|99%|Non-2xx|requests in'
echo "targets: >= 2,000 requests/s with p99 <= 50 ms for the scoring endpoint"
