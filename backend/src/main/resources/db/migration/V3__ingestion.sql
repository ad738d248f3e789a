-- Ingestion jobs: one per uploaded file (content-addressed by SHA-256).
create table ingestion_job (
    id            uuid primary key,
    status        varchar(12)  not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'REJECTED')),
    format        varchar(40),
    file_name     varchar(255) not null,
    sha256        char(64)     not null,
    bytes         bigint       not null,
    org_unit      varchar(100),
    progress      double precision not null default 0,
    rows_read     bigint       not null default 0,
    rows_accepted bigint       not null default 0,
    rows_cost_only bigint      not null default 0,
    rows_rejected bigint       not null default 0,
    errors        jsonb        not null default '[]',
    message       varchar(2000),
    costs         jsonb        not null default '[]',
    duplicate_of  uuid references ingestion_job (id),
    created_by    varchar(100) not null,
    created_at    timestamptz  not null,
    started_at    timestamptz,
    finished_at   timestamptz
);

-- A file is ingested at most once: a second completed job for the same content cannot exist.
create unique index ingestion_job_completed_sha on ingestion_job (sha256) where status = 'COMPLETED' and duplicate_of is null;
create index ingestion_job_created on ingestion_job (created_at desc);

-- The distinct lists of factors calculations used, referenced by every line that used them.
create table calculation_lineage (
    id      bigserial primary key,
    hash    char(64) not null unique,
    method_version varchar(20) not null,
    factors jsonb    not null
);

-- Activity lines with their impacts: every accepted input row becomes one or more usage lines,
-- or one cost-only line. Partitioned by month of the period start; the loader creates the
-- partitions it needs, the default partition catches anything else.
create table activity_line (
    job_id            uuid         not null,
    source_sha256     char(64)     not null,
    source_row        bigint       not null,
    line              smallint     not null,
    kind              varchar(10)  not null check (kind in ('USAGE', 'COST_ONLY')),
    usage_type        varchar(24),
    quantity          double precision,
    unit              varchar(24),
    period_start      timestamptz  not null,
    period_end        timestamptz  not null,
    provider          varchar(40),
    account_id        varchar(200),
    region            varchar(64),
    service           varchar(200),
    service_category  varchar(80),
    charge_category   varchar(20)  not null,
    billed_cost       numeric(28, 10) not null,
    effective_cost    numeric(28, 10),
    currency          varchar(8),
    org_unit          varchar(100),
    tags              jsonb,
    cost_only_reason  varchar(200),
    it_kwh            double precision,
    facility_kwh      double precision,
    co2e_location_kg  double precision,
    co2e_market_kg    double precision,
    co2e_embodied_kg  double precision,
    water_onsite_l    double precision,
    water_offsite_l   double precision,
    scope             varchar(24),
    quality           smallint,
    lineage_id        bigint
) partition by range (period_start);

create table activity_line_default partition of activity_line default;
create index activity_line_job on activity_line (job_id);
-- Queries by period use partition pruning; no index on period_start to keep loading fast.
