-- A connector's runs: queued, running (renewing its heartbeat), then completed or failed,
-- with what it saw, what was new, what it skipped, the ingestion jobs it created and why
-- it failed. At most one queued or running run per connector (also across nodes).
create table connector_run (
    id uuid primary key,
    connector_id uuid not null references connector (id) on delete cascade,
    status text not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    trigger text not null check (trigger in ('SCHEDULE', 'MANUAL')),
    requested_by text not null,
    queued_at timestamptz not null,
    started_at timestamptz,
    heartbeat_at timestamptz,
    finished_at timestamptz,
    objects_seen integer not null default 0,
    objects_new integer not null default 0,
    objects_skipped integer not null default 0,
    job_ids uuid[] not null default '{}',
    errors text[] not null default '{}'
);

create index connector_run_newest on connector_run (connector_id, queued_at desc);
create unique index connector_run_one_active on connector_run (connector_id) where status in ('QUEUED', 'RUNNING');

-- The objects a connector handed to ingestion: key and version tag (ETag or checksum) with
-- the job that took it. The same key and tag is never submitted again; a new tag is.
create table connector_object (
    connector_id uuid not null references connector (id) on delete cascade,
    object_key text not null,
    etag text not null,
    job_id uuid not null,
    run_id uuid not null,
    ingested_at timestamptz not null,
    primary key (connector_id, object_key, etag)
);
