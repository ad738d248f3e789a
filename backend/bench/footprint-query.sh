#!/usr/bin/env bash
# Footprint query benchmark: fills a fresh GreenLedger database with N activity rows (default
# 50,000,000) spread over 25 monthly upload jobs, with the day, month and attribute sums the
# loader keeps (computed here in SQL from the rows, with the definitions a replacement uses), then times GET /api/v1/footprint
# for several periods and groupings (median and slowest of 20 calls each, end to end over HTTP).
# Reference in the same run: the same total computed directly from the activity rows.
# Usage, after ./mvnw -DskipTests package (psql and curl on the PATH):
#   backend/bench/footprint-query.sh [rows=50000000] [port=18082]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-50000000}"
port="${2:-18082}"
jobs=25
per_job=$((rows / jobs))
source backend/bench/java.sh
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
now() { date +%s.%N; }

GREENLEDGER_DATA_DIR="$work/data" GREENLEDGER_ADMIN_PASSWORD=benchmark-password PORT=$port \
  "$java" -Xmx512m -jar backend/target/greenledger.jar >"$work/app.log" 2>&1 &
app=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do sleep 0.2; done
pgport=$(grep -oE 'Embedded PostgreSQL ready on 127.0.0.1:[0-9]+' "$work/app.log" | grep -oE '[0-9]+$')
export PGPASSWORD="$(cat "$work/data/postgres.password")"
psql_() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pgport" -U greenledger -d greenledger "$@"; }

echo "filling: $rows rows in $jobs jobs of $per_job ..."
start=$(now)
psql_ <<SQL
insert into activity_dimension (id, hash, provider, account_id, region, service, service_category, charge_category,
                                currency, org_unit, scope)
select g, md5(g::text) || md5((-g)::text), (array['aws', 'gcp', 'azure'])[1 + g % 3], 'acct-' || (g % 40),
       'region-' || (g % 12), 'service-' || (g % 25), 'Compute', 'Usage', (array['USD', 'EUR'])[1 + g % 2],
       'unit-' || (g % 5), 'SCOPE_3_CATEGORY_1'
from generate_series(1, 4000) g;
insert into activity_tags (id, hash, tags)
select g, md5(g::text) || md5((-g)::text), jsonb_build_object('team', 't' || (g % 25), 'project', 'p' || (g % 200))
from generate_series(1, 5000) g;
SQL
for j in $(seq 0 $((jobs - 1))); do
  id=$(printf '00000000-0000-4000-8000-%012d' "$j")
  month=$(date -u -d "2023-01-01 +$j month" +%Y-%m-%d)
  psql_ <<SQL
insert into ingestion_job (id, status, format, file_name, sha256, bytes, created_by, created_at, finished_at, progress)
values ('$id', 'COMPLETED', 'FOCUS 1.2', 'bench-$month.csv', lpad('$j', 64, '0'), 0, 'bench', now(), now(), 1);
create table activity_line_b$j partition of activity_line for values in ('$id');
insert into activity_line_b$j (job_id, source_row, period_start, period_end, dimension_id, tags_id, lineage_id, quality,
                               vcpu_hours, billed_cost, it_kwh, facility_kwh, co2e_location_kg, co2e_market_kg,
                               co2e_embodied_kg, water_onsite_l, water_offsite_l)
select '$id', g, t, t + interval '1 hour', 1 + (g * 7919) % 4000, 1 + (g * 104729) % 5000, 1, 3,
       4, round((g % 1000) / 100.0, 2), 0.05, 0.06, 0.02, 0.015, 0.004, 0.1, 0.2
from generate_series(1::bigint, $per_job) g,
     lateral (select timestamptz '$month 00:00:00+00' + ((g % (24 * 28)) * interval '1 hour') as t) p;
insert into footprint_rollup_day
select job_id, (period_start at time zone 'UTC')::date, dimension_id, coalesce(quality, 0), count(*),
       sum(coalesce(it_kwh, 0)), sum(coalesce(facility_kwh, 0)), sum(coalesce(co2e_location_kg, 0)),
       sum(coalesce(co2e_market_kg, 0)), sum(coalesce(co2e_embodied_kg, 0)), sum(coalesce(water_onsite_l, 0)),
       sum(coalesce(water_offsite_l, 0)), sum(billed_cost)
from activity_line_b$j group by 1, 2, 3, 4;
insert into footprint_rollup_month
select job_id, date_trunc('month', day)::date, dimension_id, quality, sum(row_count), sum(it_kwh), sum(facility_kwh),
       sum(co2e_location_kg), sum(co2e_market_kg), sum(co2e_embodied_kg), sum(water_onsite_l), sum(water_offsite_l),
       sum(billed_cost)
from footprint_rollup_day where job_id = '$id' group by 1, 2, 3, 4;
insert into footprint_rollup_attribute_day
select r.job_id, r.day, a.attribute, a.value, coalesce(d.currency, '(none)'), r.quality, sum(r.row_count),
       sum(r.it_kwh), sum(r.facility_kwh), sum(r.co2e_location_kg), sum(r.co2e_market_kg), sum(r.co2e_embodied_kg),
       sum(r.water_onsite_l), sum(r.water_offsite_l), sum(r.billed_cost)
from footprint_rollup_day r join activity_dimension d on d.id = r.dimension_id
cross join lateral (values ('total', 'total'), ('provider', coalesce(d.provider, '(none)')),
    ('region', coalesce(d.region, '(none)')), ('service', coalesce(d.service, '(none)')),
    ('account', coalesce(d.account_id, '(none)')), ('orgUnit', coalesce(d.org_unit, '(none)')),
    ('scope', coalesce(d.scope, '(cost only)'))) a (attribute, value)
where r.job_id = '$id' group by 1, 2, 3, 4, 5, 6;
with per_set as (
    select a.job_id, (a.period_start at time zone 'UTC')::date as day, a.tags_id, d.currency, coalesce(a.quality, 0) q,
           count(*) n, sum(coalesce(it_kwh, 0)) it, sum(coalesce(facility_kwh, 0)) fa, sum(coalesce(co2e_location_kg, 0)) lo,
           sum(coalesce(co2e_market_kg, 0)) ma, sum(coalesce(co2e_embodied_kg, 0)) em, sum(coalesce(water_onsite_l, 0)) wn,
           sum(coalesce(water_offsite_l, 0)) wf, sum(billed_cost) bc
    from activity_line_b$j a join activity_dimension d on d.id = a.dimension_id
    group by 1, 2, 3, 4, 5)
insert into footprint_rollup_attribute_day
select p.job_id, p.day, 'tag:' || t.key, t.value, p.currency, p.q, sum(n), sum(it), sum(fa), sum(lo), sum(ma), sum(em),
       sum(wn), sum(wf), sum(bc)
from per_set p join activity_tags s on s.id = p.tags_id cross join jsonb_each_text(s.tags) t
group by 1, 2, 3, 4, 5, 6;
insert into footprint_rollup_attribute_month
select job_id, date_trunc('month', day)::date, attribute, value, currency, quality, sum(row_count), sum(it_kwh),
       sum(facility_kwh), sum(co2e_location_kg), sum(co2e_market_kg), sum(co2e_embodied_kg), sum(water_onsite_l),
       sum(water_offsite_l), sum(billed_cost)
from footprint_rollup_attribute_day where job_id = '$id' group by 1, 2, 3, 4, 5, 6;
SQL
  printf '.'
done
psql_ -c "vacuum analyze"
printf '\nfilled in %.0f s\n' "$(echo "$(now) - $start" | bc)"
echo "activity rows: $(psql_ -At -c 'select count(*) from activity_line')"
echo "rollup rows: day $(psql_ -At -c 'select count(*) from footprint_rollup_day'), month $(psql_ -At -c 'select count(*) from footprint_rollup_month'), attribute day $(psql_ -At -c 'select count(*) from footprint_rollup_attribute_day'), attribute month $(psql_ -At -c 'select count(*) from footprint_rollup_attribute_month')"

auth=admin:benchmark-password
curl -sf -u "$auth" -o /dev/null "http://127.0.0.1:$port/api/v1/footprint?from=2023-01-01&to=2023-01-31"
measure() {
  local query="$1" times=()
  for _ in $(seq 20); do
    times+=("$(curl -sf -u "$auth" -o "$work/answer.json" -w '%{time_total}' "http://127.0.0.1:$port/api/v1/footprint?$query")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v q="$query" '{t[NR] = $1 * 1000} END {printf "  %-60s median %6.1f ms  slowest %6.1f ms\n", q, t[int((NR + 1) / 2)], t[NR]}'
}
echo "GET /api/v1/footprint, 20 calls each (end to end over HTTP with Basic authentication):"
measure "from=2023-01-01&to=2024-12-31"
measure "from=2023-01-01&to=2024-12-31&groupBy=provider"
measure "from=2023-01-01&to=2024-12-31&groupBy=account"
measure "from=2023-01-01&to=2024-12-31&groupBy=month"
measure "from=2023-01-01&to=2024-12-31&groupBy=tag:team"
measure "from=2023-01-01&to=2024-12-31&groupBy=tag:project"
measure "from=2023-01-15&to=2024-11-20&groupBy=service"
measure "from=2023-03-10&to=2023-03-20&groupBy=region"
echo "reference: the same total computed from the activity rows (psql, one run):"
start=$(now)
psql_ -At -c "select sum(co2e_location_kg), sum(billed_cost) from activity_line
              where period_start >= '2023-01-01' and period_start < '2025-01-01'" >/dev/null
printf '  full scan of activity_line: %.0f ms\n' "$(echo "($(now) - $start) * 1000" | bc)"
echo "target: under 100 ms over 50 million activity rows"
