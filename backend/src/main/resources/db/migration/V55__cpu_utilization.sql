-- CPU utilization of cloud instances (CloudWatch CPUUtilization datapoints), with the file row
-- each came from. It is telemetry about billed instances, not energy: the footprint never sums
-- it; the right-sizing opportunities read it (docs/methodology.md). A later upload of the same
-- instance and time replaces the earlier datapoints.
create table cpu_utilization_sample (
    job_id         uuid             not null,
    source_row     bigint           not null,
    provider       text             not null,
    account_id     text,
    region         text             not null,
    instance_id    text             not null,
    instance_type  text             not null,
    sample_start   timestamptz      not null,
    period_seconds bigint           not null,
    percent        double precision not null check (percent >= 0 and percent <= 100),
    statistic      text             not null,
    maximum_percent double precision check (maximum_percent >= percent and maximum_percent <= 100)
);
create index cpu_utilization_sample_instance on cpu_utilization_sample (instance_id, sample_start);
create index cpu_utilization_sample_job on cpu_utilization_sample (job_id);
