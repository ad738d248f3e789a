-- Digests of everything an upload stored, independent of the job's id and of when and where it ran:
-- activity lines (every column), day and month sums per attribute combination and per attribute
-- value, lineages, attribute combinations, tag sets, and the job's accounting. Two builds that
-- store the same file identically print the same lines (backend/bench/same-result.sh).
select 'activity_line', count(*), md5(string_agg((to_jsonb(a) - 'job_id')::text, E'\n' order by (to_jsonb(a) - 'job_id')::text)) from activity_line a;
select 'footprint_rollup_day', count(*), md5(string_agg((to_jsonb(a) - 'job_id')::text, E'\n' order by (to_jsonb(a) - 'job_id')::text)) from footprint_rollup_day a;
select 'footprint_rollup_month', count(*), md5(string_agg((to_jsonb(a) - 'job_id')::text, E'\n' order by (to_jsonb(a) - 'job_id')::text)) from footprint_rollup_month a;
select 'footprint_rollup_attribute_day', count(*), md5(string_agg((to_jsonb(a) - 'job_id')::text, E'\n' order by (to_jsonb(a) - 'job_id')::text)) from footprint_rollup_attribute_day a;
select 'footprint_rollup_attribute_month', count(*), md5(string_agg((to_jsonb(a) - 'job_id')::text, E'\n' order by (to_jsonb(a) - 'job_id')::text)) from footprint_rollup_attribute_month a;
select 'calculation_lineage', count(*), md5(string_agg(to_jsonb(a)::text, E'\n' order by to_jsonb(a)::text)) from calculation_lineage a;
select 'activity_dimension', count(*), md5(string_agg(to_jsonb(a)::text, E'\n' order by to_jsonb(a)::text)) from activity_dimension a;
select 'activity_tags', count(*), md5(string_agg(to_jsonb(a)::text, E'\n' order by to_jsonb(a)::text)) from activity_tags a;
select 'ingestion_job', (to_jsonb(j) - 'id' - 'created_at' - 'started_at' - 'finished_at' - 'lease_until' - 'leased_by'
  - 'heartbeat_at' - 'updated_at' - 'progress_at' - 'node_id' - 'lease_owner')::text from ingestion_job j;
