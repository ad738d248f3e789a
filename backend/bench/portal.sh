#!/usr/bin/env bash
# Portal page benchmark: loads a year of cloud bills for a mid-size organisation (12 monthly FOCUS
# files of ROWS_PER_MONTH rows, default 420,000, so about 5 million activity lines, uploaded for three
# org units) and a year of hourly meter readings of an own data hall into GreenLedger on a fresh embedded PostgreSQL, signs in through the login form, then
# requests every portal page REPEAT times (after 3 warm-up requests) and prints the median, 95th
# percentile and maximum time per page (curl's time_total on the loopback interface: server time
# plus the loopback transfer). Reference in the same run: the static style sheet, which involves no
# database and no template.
# Usage, after ./mvnw -DskipTests package (psql and curl on the PATH):
#   backend/bench/portal.sh [rows-per-month=420000] [port=18082] [repeat=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-420000}"
port="${2:-18082}"
repeat="${3:-20}"
source backend/bench/java.sh
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
units=(research platform products)

GREENLEDGER_DATA_DIR="$work/data" GREENLEDGER_ADMIN_PASSWORD=benchmark-password GREENLEDGER_MAX_UPLOAD_SIZE=4GB PORT=$port \
  "$java" -Xmx1g -XX:+UseParallelGC -jar backend/target/greenledger.jar >"$work/app.log" 2>&1 &
app=$!
until curl -sf -o /dev/null "$base/actuator/health/readiness"; do sleep 0.2; done

for unit in "${units[@]}"; do
  curl -sf -o /dev/null -u admin:benchmark-password -H 'Content-Type: application/json' \
    -d "{\"code\": \"$unit\"}" "$base/api/v1/org-units"
done
echo "loading 12 months x $rows rows"
start=$(date +%s)
for month in $(seq 1 12); do
  ym=$(printf '2024-%02d' "$month")
  "$java" -cp backend/target/test-classes org.greenledger.ingestion.bench.FocusFileGenerator "$rows" "$work/$ym.csv" "$month" "$ym" >/dev/null
  unit=${units[$((month % 3))]}
  answer=$(curl -s -u admin:benchmark-password -F "file=@$work/$ym.csv" -F "orgUnit=$unit" "$base/api/v1/ingestions")
  job=$(echo "$answer" | grep -oE '"id":"[^"]+"' | head -1 | cut -d'"' -f4 || true)
  [ -n "$job" ] || { echo "upload of $ym refused: $answer" >&2; exit 1; }
  status=QUEUED
  while [ "$status" = QUEUED ] || [ "$status" = RUNNING ]; do
    sleep 0.5
    status=$(curl -s -u admin:benchmark-password "$base/api/v1/ingestions/$job" | grep -oE '"status":"[A-Z]+"' | cut -d'"' -f4)
  done
  echo "  $ym ($unit): $status"
  rm "$work/$ym.csv"
done
# An own data hall with a year of hourly facility and IT readings and daily water (MeterFileGenerator),
# so that the dashboard, the explorer's site figures and the readings pages have site data to read.
curl -sf -o /dev/null -u admin:benchmark-password -H 'Content-Type: application/json' \
  -d '{"code": "HALL", "name": "Benchmark hall", "kind": "OWN", "gridZone": "DE", "country": "DE", "orgUnit": "research"}' \
  "$base/api/v1/sites"
"$java" -cp backend/target/test-classes org.greenledger.ingestion.bench.MeterFileGenerator HALL 2024 "$work/hall.csv"
answer=$(curl -s -u admin:benchmark-password -F "file=@$work/hall.csv" "$base/api/v1/ingestions")
job=$(echo "$answer" | grep -oE '"id":"[^"]+"' | head -1 | cut -d'"' -f4 || true)
[ -n "$job" ] || { echo "upload of the hall's readings refused: $answer" >&2; exit 1; }
status=QUEUED
while [ "$status" = QUEUED ] || [ "$status" = RUNNING ]; do
  sleep 0.5
  status=$(curl -s -u admin:benchmark-password "$base/api/v1/ingestions/$job" | grep -oE '"status":"[A-Z]+"' | cut -d'"' -f4)
done
echo "  hall readings: $status"
pgport=$(grep -oE 'Embedded PostgreSQL ready on 127.0.0.1:[0-9]+' "$work/app.log" | grep -oE '[0-9]+$')
lines=$(PGPASSWORD="$(cat "$work/data/postgres.password")" psql -At -h 127.0.0.1 -p "$pgport" -U greenledger -d greenledger \
  -c "select count(*) from activity_line")
echo "activity lines stored: $lines (loaded in $(( $(date +%s) - start )) s)"

# Sign in through the form (CSRF token from the login page), keeping the session cookie.
jar="$work/cookies"
token=$(curl -s -c "$jar" "$base/login" | grep -oE 'name="_csrf" value="[^"]+"' | cut -d'"' -f4)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=benchmark-password" \
  --data-urlencode "_csrf=$token" "$base/login"

lines_page="/explorer?from=2024-01&to=2024-12&provider=aws&service=AWS%20Compute&groupBy=service&lines=true"
line=$(curl -s -b "$jar" "$base$lines_page" | grep -oE '/explorer/lines/[0-9a-f-]+/[0-9]+' | head -1 || true)
job_page=$(curl -s -b "$jar" "$base/data-sources" | grep -oE '/data-sources/[0-9a-f-]{36}' | head -1 || true)
site_page="/explorer/sites/HALL?from=2024-01&to=2024-12"
reading=$(curl -s -b "$jar" "$base$site_page&page=100" | grep -oE '/explorer/meter-lines/[0-9a-f-]+/-?[0-9]+/[0-9]+' | head -1 || true)
pages=("/css/greenledger.css" "/" "/?period=2024-07:2024-12" "/explorer" "/explorer?from=2024-01&to=2024-12&groupBy=service"
  "/explorer?from=2024-01&to=2024-12&provider=aws&groupBy=region" "/explorer?from=2024-01&to=2024-12&orgUnit=research&groupBy=month"
  "/explorer?from=2024-01&to=2024-12" "$site_page" "$site_page&page=300" "$reading"
  "$lines_page" "$line" "/data-sources" "$job_page" "/calculator" "/factors" "/sites" "/workloads" "/reports"
  "/suppliers" "/evaluations" "/audit" "/settings" "/account")

printf '%-100s %8s %8s %8s %6s\n' page median p95 max status
for page in "${pages[@]}"; do
  for _ in 1 2 3; do curl -s -o /dev/null -b "$jar" "$base$page"; done
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base$page")
  times=$(for _ in $(seq "$repeat"); do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$base$page"; done | sort -n)
  median=$(echo "$times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] * 1000}')
  p95=$(echo "$times" | awk '{a[NR]=$1} END {i=int(NR*0.95); if (i<1) i=1; print a[i] * 1000}')
  max=$(echo "$times" | tail -1 | awk '{print $1 * 1000}')
  printf '%-100s %6.0f ms %6.0f ms %6.0f ms %6s\n' "$page" "$median" "$p95" "$max" "$code"
done
echo "target: every page in 300 ms or less of server time with about 5 million activity lines (reference: the style sheet)"
