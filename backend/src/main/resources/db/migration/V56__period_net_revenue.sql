-- Net revenue of a reporting period version (the denominator of the ESRS GHG intensity), entered
-- by an officer. It belongs to the version: an approved version's value never changes (the guard
-- below refuses it like a change of the dates); a restatement starts with the restated value.
alter table reporting_period
    add column net_revenue_amount   numeric(20, 2) check (net_revenue_amount > 0),
    add column net_revenue_currency char(3) check (net_revenue_currency ~ '^[A-Z]{3}$'),
    add constraint reporting_period_net_revenue_whole
        check ((net_revenue_amount is null) = (net_revenue_currency is null));

-- V6's guard, with the net revenue added to what an approved version keeps.
create or replace function reporting_period_guard() returns trigger language plpgsql as $$
begin
    if old.status = 'APPROVED' and (new.status <> 'APPROVED' or new.period_start <> old.period_start
            or new.period_end <> old.period_end or new.name <> old.name or new.version <> old.version
            or new.net_revenue_amount is distinct from old.net_revenue_amount
            or new.net_revenue_currency is distinct from old.net_revenue_currency
            or (old.superseded_by is not null and new.superseded_by is distinct from old.superseded_by)) then
        raise exception 'reporting period % version % is approved and cannot change', old.name, old.version;
    end if;
    return new;
end $$;
