-- The providers' own carbon figures (module providercarbon): one line per figure of a
-- provider's row (scope and basis), in kg CO2e, with lineage to the ingestion job and the
-- row; never part of the ledger's sums.
create table provider_carbon_line (
    id bigint generated always as identity primary key,
    job_id uuid not null,
    row_number bigint not null,
    provider text not null,
    format text not null,
    billing_account text,
    account text,
    service text,
    region text,
    month date not null check (extract(day from month) = 1),
    scope text not null check (scope in ('1', '2', '3', '1+2', '1+3', '2+3', '1+2+3')),
    basis text not null check (basis in ('LOCATION', 'MARKET', 'SINGLE')),
    kg_co2e numeric not null check (kg_co2e >= 0),
    model_version text,
    market_given boolean not null,
    quality smallint not null default 2 check (quality = 2)
);

create index provider_carbon_line_month on provider_carbon_line (month, provider);
create index provider_carbon_line_key on provider_carbon_line (provider, account, month);
create index provider_carbon_line_job on provider_carbon_line (job_id);

-- Lines of an earlier upload (or of an older model version in the same file) replaced by
-- a later one for the same provider, account and month.
create table provider_carbon_replacement (
    id bigint generated always as identity primary key,
    job_id uuid not null,
    replaced_job_id uuid not null,
    provider text not null,
    account text,
    month date not null,
    replaced_version text,
    version text,
    lines integer not null,
    replaced_at timestamptz not null
);

create index provider_carbon_replacement_job on provider_carbon_replacement (job_id);
