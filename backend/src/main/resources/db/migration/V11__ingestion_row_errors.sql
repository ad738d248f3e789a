-- Every row error of an ingestion job, however many (ingestion_job.errors keeps the first
-- 1,000 for the job's validation report): each rejected row keeps its reason, and the
-- rejected-rows download lists them all. ordinal is the order in which they were found.
create table ingestion_row_error (
    job_id      uuid   not null references ingestion_job (id),
    ordinal     bigint not null,
    row_number  bigint not null,
    column_name text   not null,
    reason      text   not null,
    primary key (job_id, ordinal)
);

create index ingestion_row_error_row on ingestion_row_error (job_id, row_number);

insert into ingestion_row_error (job_id, ordinal, row_number, column_name, reason)
select j.id, e.ordinal, (e.value ->> 'row')::bigint, coalesce(e.value ->> 'column', '*'),
       coalesce(e.value ->> 'message', '')
from ingestion_job j
cross join lateral jsonb_array_elements(j.errors) with ordinality as e (value, ordinal);
