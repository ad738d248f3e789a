-- Adopted reduction opportunities (reduction module, ESRS E1-3 actions). An adoption keeps
-- the opportunity as it was found (figures, assumptions, evidence) and the subject's
-- emissions over the period it was found in (the baseline the realized saving is measured
-- against); it never changes afterwards.
create table reduction_adoption (
    id               uuid primary key,
    kind             varchar(30)      not null,
    subject_name     varchar(300)     not null,
    org_unit         varchar(100),
    -- the period the opportunity was found in: the baseline
    baseline_from    date             not null,
    baseline_to      date             not null check (baseline_to >= baseline_from),
    baseline_kg      double precision not null check (baseline_kg >= 0),
    -- the first day the change is in effect
    adopted_on       date             not null check (adopted_on > baseline_to),
    saving_kg        double precision not null,
    opportunity      jsonb            not null,
    note             varchar(1000)    not null default '',
    created_at       timestamptz      not null,
    created_by       varchar(100)     not null
);
create index reduction_adoption_adopted on reduction_adoption (adopted_on);

create function reduction_adoption_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'An adoption never changes: it records the figures as they were when adopted';
end;
$$;

create trigger reduction_adoption_immutable before update or delete on reduction_adoption
    for each row execute function reduction_adoption_immutable();
