-- Water withdrawals the providers allocate to the customer (module providercarbon): the AWS
-- Sustainability API's GetEstimatedWaterAllocation (TOTAL_WATER_WITHDRAWALS, m3, converted
-- once to litres), one line per result with lineage to the ingestion job and the record;
-- per period as the provider gives it (calendar years); never part of the ledger's sums.
create table provider_water_line (
    id bigint generated always as identity primary key,
    job_id uuid not null,
    row_number bigint not null,
    provider text not null,
    format text not null,
    account text,
    service text,
    region text,
    period_start date not null check (extract(day from period_start) = 1),
    period_end date not null check (extract(day from period_end) = 1 and period_end > period_start),
    withdrawal_litres numeric not null check (withdrawal_litres >= 0),
    model_version text,
    quality smallint not null default 2 check (quality = 2)
);

create index provider_water_line_period on provider_water_line (period_start, provider);
create index provider_water_line_job on provider_water_line (job_id);
