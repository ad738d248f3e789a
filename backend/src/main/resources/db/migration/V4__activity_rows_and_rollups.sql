-- Activity storage, second design: one row per input row (usage quantities and impacts in columns),
-- descriptive attributes stored once per distinct combination, each job's rows in their own
-- partition (loaded by COPY into a table created for the job, then attached), and rollups per day
-- and month maintained with every load and replacement.
--
-- Lines stored by V3 are dropped; the jobs that produced them are queued again, so their stored
-- files are read again into the new tables on the next start (the files are kept by content).
drop table activity_line;
drop table calculation_lineage;
update ingestion_job set status = 'QUEUED', progress = 0, started_at = null, finished_at = null
where status = 'COMPLETED' and duplicate_of is null;

-- Ids are the first 8 bytes of the SHA-256 of the content (hash), so that a loader can assign them
-- while streaming; the full hash detects the (astronomically unlikely) collision.
create table calculation_lineage (
    id             bigint primary key,
    hash           char(64)    not null unique,
    method_version varchar(20) not null,
    lines          jsonb       not null
);

create table activity_dimension (
    id               bigint primary key,
    hash             char(64)     not null unique,
    provider         text,
    account_id       text,
    region           text,
    service          text,
    service_category text,
    charge_category  text not null,
    currency         text,
    org_unit         text,
    scope            text,
    cost_only_reason text
);
create index activity_dimension_account on activity_dimension (provider, account_id);

-- Distinct sets of tags and labels, referenced by the rows that carry them.
create table activity_tags (
    id   bigint primary key,
    hash char(64) not null unique,
    tags jsonb    not null
);

-- One row per accepted input row. Cost-only rows have no lineage, quantities or impacts.
create table activity_line (
    job_id            uuid        not null,
    source_row        bigint      not null,
    period_start      timestamptz not null,
    period_end        timestamptz not null,
    dimension_id      bigint      not null,
    tags_id           bigint,
    lineage_id        bigint,
    quality           smallint,
    vcpu_hours        double precision,
    memory_gb_hours   double precision,
    accelerator_hours double precision,
    storage_tb_hours  double precision,
    network_gb        double precision,
    energy_kwh        double precision,
    billed_cost       numeric     not null,
    effective_cost    numeric,
    it_kwh            double precision,
    facility_kwh      double precision,
    co2e_location_kg  double precision,
    co2e_market_kg    double precision,
    co2e_embodied_kg  double precision,
    water_onsite_l    double precision,
    water_offsite_l   double precision
) partition by list (job_id);

-- Sums per job, day (UTC, of the period start), attribute combination and data-quality tier
-- (0 for cost-only rows); the month table holds the same per month. The footprint query reads
-- whole months from the month table and partial months from the day table.
create table footprint_rollup_day (
    job_id           uuid     not null,
    day              date     not null,
    dimension_id     bigint   not null,
    quality          smallint not null,
    row_count        bigint   not null,
    it_kwh           double precision not null,
    facility_kwh     double precision not null,
    co2e_location_kg double precision not null,
    co2e_market_kg   double precision not null,
    co2e_embodied_kg double precision not null,
    water_onsite_l   double precision not null,
    water_offsite_l  double precision not null,
    billed_cost      numeric  not null,
    primary key (job_id, day, dimension_id, quality)
);
create index footprint_rollup_day_day on footprint_rollup_day (day);

create table footprint_rollup_month (like footprint_rollup_day);
alter table footprint_rollup_month rename column day to month;
alter table footprint_rollup_month add primary key (job_id, month, dimension_id, quality);
create index footprint_rollup_month_month on footprint_rollup_month (month);

-- Sums per job, day, attribute, value, currency and data-quality tier: what the footprint query
-- reads, a few hundred rows per job and day (a tag key keeps at most 1,000 distinct values per
-- file; further values are summed as "(other values)"). Attributes: total, provider, region, service, account,
-- orgUnit, scope, and tag:<key> for every tag key (rows without a key are the difference to the
-- total). Per month likewise.
create table footprint_rollup_attribute_day (
    job_id           uuid         not null,
    day              date         not null,
    attribute        text         not null,
    value            text         not null,
    currency         text         not null,
    quality          smallint     not null,
    row_count        bigint       not null,
    it_kwh           double precision not null,
    facility_kwh     double precision not null,
    co2e_location_kg double precision not null,
    co2e_market_kg   double precision not null,
    co2e_embodied_kg double precision not null,
    water_onsite_l   double precision not null,
    water_offsite_l  double precision not null,
    billed_cost      numeric      not null
);
create index footprint_rollup_attribute_day_key on footprint_rollup_attribute_day (attribute, day);
create index footprint_rollup_attribute_day_job on footprint_rollup_attribute_day (job_id, day);

create table footprint_rollup_attribute_month (like footprint_rollup_attribute_day);
alter table footprint_rollup_attribute_month rename column day to month;
create index footprint_rollup_attribute_month_key on footprint_rollup_attribute_month (attribute, month);
create index footprint_rollup_attribute_month_job on footprint_rollup_attribute_month (job_id, month);

-- How an upload treats earlier ingested rows of the same provider, account and billing month:
-- REPLACE them (a corrected re-export) or APPEND (another part of the same export).
alter table ingestion_job add column overlap varchar(10) not null default 'REPLACE'
    check (overlap in ('REPLACE', 'APPEND'));
-- Jobs of earlier versions (queued again above) added their rows together: they keep doing so.
update ingestion_job set overlap = 'APPEND';
alter table ingestion_job add column replaced jsonb not null default '[]';

-- What a replacement removed, for the job that replaced and the job that was replaced.
create table billing_replacement (
    job_id          uuid         not null references ingestion_job (id),
    replaced_job_id uuid         not null references ingestion_job (id),
    provider        text,
    account_id      text,
    month           date         not null,
    row_count       bigint       not null,
    billed_cost     numeric      not null,
    replaced_at     timestamptz  not null
);
create index billing_replacement_replaced on billing_replacement (replaced_job_id);

-- Audit log: append-only record of changes to reported data.
create table audit_event (
    id         bigserial primary key,
    at         timestamptz  not null,
    actor      varchar(100) not null,
    action     varchar(60)  not null,
    subject    varchar(200) not null,
    details    jsonb        not null default '{}'
);
create index audit_event_at on audit_event (at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end $$;
create trigger audit_event_no_update before update or delete or truncate on audit_event
    for each statement execute function audit_event_append_only();
