-- Parts of one export: a job loaded with overlap=REPLACE leaves the rows of these jobs in place
-- (the other parts of the same delivery; see docs/connectors.md).
alter table ingestion_job add column keep_jobs uuid[] not null default '{}';

-- Content whose earlier job lost rows to a later replacement can be loaded again; the earlier
-- job then names the job that took its content over, and no longer holds the content.
alter table ingestion_job add column superseded_by uuid references ingestion_job (id);

drop index ingestion_job_completed_sha;
create unique index ingestion_job_completed_sha on ingestion_job (sha256)
    where status = 'COMPLETED' and duplicate_of is null and superseded_by is null;
