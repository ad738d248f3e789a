-- Sites (own and colocated data centres, or a cloud region where own telemetry is recorded),
-- their meters and contractual electricity instruments; measured data (meters, GPU telemetry,
-- CodeCarbon) summed per series and hour; hourly grid intensity; AI workloads.

create table site (
    id              uuid primary key,
    code            varchar(64)  not null unique,
    name            varchar(200) not null,
    kind            varchar(12)  not null check (kind in ('OWN', 'COLOCATED', 'CLOUD')),
    grid_zone       varchar(64),
    country         char(2),
    provider        varchar(20),
    cloud_region    varchar(64),
    org_unit        varchar(100),
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    check (kind = 'CLOUD' and provider is not null and cloud_region is not null
        or kind <> 'CLOUD' and grid_zone is not null)
);

create table meter (
    id          uuid primary key,
    site_id     uuid         not null references site (id),
    code        varchar(200) not null,
    role        varchar(16)  not null
        check (role in ('FACILITY_TOTAL', 'IT_LOAD', 'COOLING', 'WATER_INTAKE', 'GENERATOR_FUEL')),
    description varchar(500) not null default '',
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    unique (site_id, code)
);

-- Contractual instruments for market-based Scope 2 (GHG Protocol Scope 2 Guidance): energy
-- attribute certificates, PPAs, green tariffs or a supplier-specific factor, for a site and
-- period. Append-only: a correction is a new row that supersedes the old one.
create table site_instrument (
    id                uuid primary key,
    site_id           uuid          not null references site (id),
    kind              varchar(20)   not null
        check (kind in ('EAC', 'PPA', 'GREEN_TARIFF', 'SUPPLIER_SPECIFIC', 'RESIDUAL_MIX')),
    period_start      date          not null,
    period_end        date          not null check (period_end >= period_start),
    energy_mwh        double precision check (energy_mwh >= 0),
    kg_co2e_per_kwh   double precision not null check (kg_co2e_per_kwh >= 0),
    evidence          varchar(1000) not null,
    superseded_by     uuid references site_instrument (id),
    created_at        timestamptz   not null,
    created_by        varchar(100)  not null
);
create index site_instrument_site on site_instrument (site_id, period_start);

-- The distinct measured series (a meter, a GPU, a pod's energy counter, a CodeCarbon run),
-- identified by the SHA-256 of source, metric, quantity and labels (id = first 8 bytes).
create table measured_series (
    id       bigint primary key,
    hash     char(64)    not null unique,
    source   varchar(20) not null,
    metric   text        not null,
    quantity varchar(10) not null check (quantity in ('ENERGY', 'WATER', 'FUEL')),
    labels   jsonb       not null,
    site_id  uuid references site (id),
    meter_id uuid references meter (id)
);
create index measured_series_labels on measured_series using gin (labels jsonb_path_ops);

-- One line per series and clock hour (samples and short intervals summed), or per longer
-- meter interval or CodeCarbon row. Amount in the series quantity's unit (kWh or L).
-- Energy lines carry their impacts; water and fuel lines carry the amount only (sites
-- evaluate them per month). intensity_basis says whether hourly or yearly grid intensity was
-- used. Source rows: the lines' first and last contributing rows and their count.
create table measured_line (
    job_id            uuid        not null references ingestion_job (id),
    series_id         bigint      not null,
    period_start      timestamptz not null,
    period_end        timestamptz not null,
    amount            double precision not null,
    samples           integer     not null,
    first_row         bigint      not null,
    last_row          bigint      not null,
    it_kwh            double precision,
    facility_kwh      double precision,
    co2e_location_kg  double precision,
    co2e_market_kg    double precision,
    co2e_embodied_kg  double precision,
    water_onsite_l    double precision,
    water_offsite_l   double precision,
    intensity_basis   varchar(8) check (intensity_basis in ('HOURLY', 'YEARLY')),
    quality           smallint,
    lineage_id        bigint,
    accelerator_hours double precision,
    cpu_kwh           double precision,
    gpu_kwh           double precision,
    ram_kwh           double precision,
    reported_co2e_kg  double precision,
    reported_water_l  double precision,
    duration_s        double precision,
    run               jsonb
);
create index measured_line_series on measured_line (series_id, period_start);
create index measured_line_job on measured_line (job_id);

-- Hourly grid carbon intensity per zone (Electricity Maps export layout); the latest import
-- of an hour wins, and the job that supplied it is kept.
create table grid_intensity_hour (
    zone                 varchar(64) not null,
    hour                 timestamptz not null,
    lifecycle_g_per_kwh  double precision not null,
    direct_g_per_kwh     double precision,
    carbon_free_percent  double precision,
    renewable_percent    double precision,
    data_source          text,
    estimated            boolean     not null,
    estimation_method    text,
    job_id               uuid        not null references ingestion_job (id),
    source_row           bigint      not null,
    primary key (zone, hour)
);

-- AI models and services, with the rules that attribute measured and billed activity to
-- their phases, and the outputs (requests, tokens) they served.
create table workload (
    id          uuid primary key,
    name        varchar(200) not null unique,
    kind        varchar(10)  not null check (kind in ('MODEL', 'SERVICE')),
    model       varchar(200),
    org_unit    varchar(100),
    description varchar(1000) not null default '',
    created_at  timestamptz  not null,
    created_by  varchar(100) not null
);

create table workload_rule (
    id          uuid primary key,
    workload_id uuid         not null references workload (id),
    phase       varchar(16)  not null
        check (phase in ('EXPERIMENTATION', 'TRAINING', 'FINE_TUNING', 'INFERENCE')),
    source      varchar(10)  not null check (source in ('MEASURED', 'CLOUD_TAG')),
    match       jsonb        not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null
);
create index workload_rule_workload on workload_rule (workload_id);

create table workload_output (
    id           uuid primary key,
    workload_id  uuid             not null references workload (id),
    period_start date             not null,
    period_end   date             not null check (period_end >= period_start),
    unit         varchar(20)      not null check (unit in ('REQUESTS', 'INFERENCES', 'TOKENS')),
    quantity     double precision not null check (quantity > 0),
    created_at   timestamptz      not null,
    created_by   varchar(100)     not null
);
create index workload_output_workload on workload_output (workload_id, period_start);

-- Measured-data jobs: what the file held in total (energy, water, fuel, the tool's own
-- figures) and notes that are not errors (counter resets, gaps not integrated).
alter table ingestion_job add column measured jsonb;
alter table ingestion_job add column notes jsonb not null default '[]';
-- What the upload said about a measured file that the file may not say: site, host, meter role,
-- time zone of local timestamps.
alter table ingestion_job add column reading jsonb;
