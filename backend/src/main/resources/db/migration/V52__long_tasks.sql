-- Long tasks (report generation, evaluations) run in the background on the node that
-- received the request; their progress lives here so that any node answers a progress
-- request. A running task is held by its node with a lease it renews; a task whose lease
-- passed ends FAILED (module tasks).
create table long_task (
    id          uuid primary key,
    kind        text        not null,
    status      text        not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    step        text        not null default '',
    detail      text        not null default '',
    percent     integer     not null default 0 check (percent between 0 and 100),
    steps       text[]      not null default '{}',
    message     text,
    result      text,
    started_by  text        not null,
    org_unit    text,
    node_id     text        not null,
    lease_until timestamptz,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    finished_at timestamptz
);

create index long_task_running on long_task (lease_until) where status = 'RUNNING';
create index long_task_finished on long_task (finished_at) where finished_at is not null;
