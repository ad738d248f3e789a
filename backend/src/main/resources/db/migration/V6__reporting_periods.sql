-- Reporting periods: DRAFT -> IN_REVIEW -> APPROVED (locked). A restatement opens a new version
-- of an approved period (DRAFT again) with a reason; the approved version stays as it was.
create table reporting_period (
    id             uuid primary key,
    name           varchar(100) not null,
    period_start   date         not null,
    period_end     date         not null check (period_end >= period_start),
    version        integer      not null check (version >= 1),
    status         varchar(10)  not null check (status in ('DRAFT', 'IN_REVIEW', 'APPROVED')),
    restates       uuid references reporting_period (id),
    reason         varchar(2000),
    superseded_by  uuid references reporting_period (id),
    created_at     timestamptz  not null,
    created_by     varchar(100) not null,
    approved_at    timestamptz,
    approved_by    varchar(100),
    unique (name, version)
);

create table reporting_period_transition (
    period_id  uuid         not null references reporting_period (id),
    at         timestamptz  not null,
    actor      varchar(100) not null,
    from_status varchar(10),
    to_status  varchar(10)  not null,
    note       varchar(2000)
);
create index reporting_period_transition_period on reporting_period_transition (period_id, at);

-- An approved version never changes: only its superseded_by may be set once, by a restatement.
create function reporting_period_guard() returns trigger language plpgsql as $$
begin
    if old.status = 'APPROVED' and (new.status <> 'APPROVED' or new.period_start <> old.period_start
            or new.period_end <> old.period_end or new.name <> old.name or new.version <> old.version
            or (old.superseded_by is not null and new.superseded_by is distinct from old.superseded_by)) then
        raise exception 'reporting period % version % is approved and cannot change', old.name, old.version;
    end if;
    return new;
end $$;
create trigger reporting_period_approved_guard before update on reporting_period
    for each row execute function reporting_period_guard();
create trigger reporting_period_no_delete before delete on reporting_period
    for each statement execute function audit_event_append_only();
