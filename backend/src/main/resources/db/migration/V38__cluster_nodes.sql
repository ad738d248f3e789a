-- A cluster of nodes against one database.
--
-- Jobs are claimed with FOR UPDATE SKIP LOCKED and held with a lease: the node working on a job
-- (lease_owner) renews lease_until on a timer; once it has passed (the node died or stalled), any
-- node takes the job over and runs it again from the start (its one transaction left nothing).
-- node_id is the node that last worked on the job, shown with the job.
alter table ingestion_job add column lease_owner varchar(255);
alter table ingestion_job add column lease_until timestamptz;
alter table ingestion_job add column node_id varchar(255);
-- the jobs a node looks for: queued ones, and running ones whose lease may have expired
create index ingestion_job_open on ingestion_job (created_at) where status in ('QUEUED', 'RUNNING');

-- Scheduled work that runs once per cluster (ShedLock's JDBC lock provider, its documented table).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
