-- A job's lifecycle beyond its status: how often it was started (attempts), how often a crash
-- interrupted it while it ran (interruptions), when it was last seen running before the latest
-- interruption and when it was resumed, and whether it may run again. A job interrupted twice, or
-- failing twice with the same reason, is FAILED for good (retryable = false): a file that takes
-- the worker down is not run forever.
alter table ingestion_job add column attempts integer not null default 0;
alter table ingestion_job add column interruptions integer not null default 0;
alter table ingestion_job add column interrupted_at timestamptz;
alter table ingestion_job add column resumed_at timestamptz;
alter table ingestion_job add column heartbeat_at timestamptz;
alter table ingestion_job add column retryable boolean not null default true;
alter table ingestion_job add column last_failure varchar(2000);
-- Jobs that ran before this version count as started once.
update ingestion_job set attempts = 1 where started_at is not null;
