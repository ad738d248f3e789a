-- Generated disclosure documents, stored immutably: the document's figures (for comparisons
-- between versions) and each rendering with its SHA-256.
create table report (
    id           uuid primary key,
    type         varchar(20)  not null
        check (type in ('GHG_INVENTORY', 'ESRS', 'EED_DATACENTRE', 'AI_MODEL_CARD')),
    period_id    uuid references reporting_period (id),
    period_start date         not null,
    period_end   date         not null,
    org_unit     varchar(100),
    model_id     uuid,
    title        varchar(300) not null,
    figures      jsonb        not null,
    provenance   jsonb        not null,
    previous_id  uuid references report (id),
    created_at   timestamptz  not null,
    created_by   varchar(100) not null
);
create index report_period on report (period_id, type);

create table report_content (
    report_id  uuid        not null references report (id),
    format     varchar(8)  not null check (format in ('pdf', 'xlsx', 'html')),
    sha256     char(64)    not null,
    bytes      bigint      not null,
    content    bytea       not null,
    primary key (report_id, format)
);

create trigger report_no_change before update or delete or truncate on report
    for each statement execute function audit_event_append_only();
create trigger report_content_no_change before update or delete or truncate on report_content
    for each statement execute function audit_event_append_only();
