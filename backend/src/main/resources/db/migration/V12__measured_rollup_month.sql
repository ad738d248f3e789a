-- Monthly sums of the measured lines per series and upload (UTC calendar months; a line that
-- spans a month boundary is shared by time), so that a site's months are read from a few rows
-- per meter rather than from every hourly line. Maintained with the lines: recomputed for the
-- series of each new upload (whose REPLACE removes earlier lines of the same series only).
create table measured_rollup_month (
    series_id     bigint      not null,
    month         timestamptz not null,
    job_id        uuid        not null references ingestion_job (id),
    lines         integer     not null,
    amount        double precision not null,
    seconds       double precision not null,
    location_kg   double precision not null,
    hourly_amount double precision not null,
    primary key (series_id, month, job_id)
);

insert into measured_rollup_month (series_id, month, job_id, lines, amount, seconds, location_kg, hourly_amount)
select l.series_id, g.m, l.job_id, count(*), sum(l.amount * x.share), sum(x.seconds),
       sum(coalesce(l.co2e_location_kg, 0) * x.share),
       sum(case when l.intensity_basis = 'HOURLY' then l.amount * x.share else 0 end)
from measured_line l
cross join lateral generate_series(date_trunc('month', l.period_start, 'UTC'),
                                   date_trunc('month', l.period_end - interval '1 microsecond', 'UTC'),
                                   interval '1 month') g (m)
cross join lateral (
    select date_part('epoch', least(l.period_end, g.m + interval '1 month') - greatest(l.period_start, g.m)) as seconds,
           date_part('epoch', least(l.period_end, g.m + interval '1 month') - greatest(l.period_start, g.m))
               / date_part('epoch', l.period_end - l.period_start) as share) x
where l.period_end > l.period_start
group by l.series_id, g.m, l.job_id;
