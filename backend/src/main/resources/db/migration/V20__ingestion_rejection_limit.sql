-- The limit on rejected rows a job was held to (kind of data, share, the setting that
-- decided it), shown on its validation report.
alter table ingestion_job add column rejection_limit jsonb;
