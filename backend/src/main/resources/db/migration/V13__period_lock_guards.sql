-- Locks are absolute: the database itself refuses a statement that inserts, deletes or updates
-- a row dated inside an approved (locked) reporting period, on every table that holds a figure
-- of a period or what figures are calculated from. The application checks first and answers in
-- the user's words; these triggers make sure that no code path (nor a hand-written statement)
-- can forget.
--
-- Statement-level triggers with transition tables: one check per statement, whatever the
-- number of rows. When no period is locked the check ends at once (one index-free probe of the
-- small reporting_period table). The error carries the SQLSTATE GL423 and the locked period's
-- id, which the application turns into its own message naming the period.

-- The approved versions that have not been restated: the dates they lock.
create index reporting_period_locked on reporting_period (period_start, period_end)
    where status = 'APPROVED' and superseded_by is null;

create function period_lock_refuse(period uuid, tbl text, op text) returns void language plpgsql as $$
begin
    raise exception using errcode = 'GL423',
        message = format('period-locked %s: %s on %s', period, op, tbl),
        hint = 'The rows are dated inside an approved reporting period; open a restatement of the period to change them.';
end $$;

-- Arguments: the SQL expression of the first and of the last date (UTC) a row touches, and
-- 'touches' (refused when a locked period holds any of those dates) or 'covers' (refused when
-- one locked period holds all of them: month sums, which also change with the unlocked days of
-- a month a period ends in; their days are guarded by the day tables).
create function period_lock_guard() returns trigger language plpgsql as $$
declare
    period uuid;
    condition text;
    tbl text;
begin
    if not exists (select 1 from reporting_period where status = 'APPROVED' and superseded_by is null) then
        return null;
    end if;
    if tg_argv[2] = 'covers' then
        condition := format('p.period_start <= (%s) and p.period_end >= (%s)', tg_argv[0], tg_argv[1]);
    else
        condition := format('p.period_start <= (%s) and p.period_end >= (%s)', tg_argv[1], tg_argv[0]);
    end if;
    foreach tbl in array case tg_op when 'INSERT' then array['new_rows'] when 'DELETE' then array['old_rows']
                                    else array['old_rows', 'new_rows'] end loop
        execute format('select p.id from %I r join reporting_period p on p.status = ''APPROVED'''
                       ' and p.superseded_by is null and %s limit 1', tbl, condition) into period;
        if period is not null then
            perform period_lock_refuse(period, tg_table_name, tg_op);
        end if;
    end loop;
    return null;
end $$;

-- TRUNCATE removes every row: refused while any period is locked.
create function period_lock_truncate_guard() returns trigger language plpgsql as $$
declare
    period uuid;
begin
    select id into period from reporting_period where status = 'APPROVED' and superseded_by is null
    order by period_start limit 1;
    if period is not null then
        perform period_lock_refuse(period, tg_table_name, tg_op);
    end if;
    return null;
end $$;

-- Installs the four triggers (insert, update, delete, truncate) of one table.
create function period_lock_install(tbl text, first_day text, last_day text, mode text) returns void
language plpgsql as $$
begin
    execute format('create trigger %I after insert on %I referencing new table as new_rows'
                   ' for each statement execute function period_lock_guard(%L, %L, %L)',
                   tbl || '_lock_insert', tbl, first_day, last_day, mode);
    execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows'
                   ' for each statement execute function period_lock_guard(%L, %L, %L)',
                   tbl || '_lock_update', tbl, first_day, last_day, mode);
    execute format('create trigger %I after delete on %I referencing old table as old_rows'
                   ' for each statement execute function period_lock_guard(%L, %L, %L)',
                   tbl || '_lock_delete', tbl, first_day, last_day, mode);
    execute format('create trigger %I before truncate on %I for each statement execute function period_lock_truncate_guard()',
                   tbl || '_lock_truncate', tbl);
end $$;

-- Billing: lines by the UTC day of their charge period start (as the day sums), day sums by
-- day, month sums and replacement records by month.
select period_lock_install('activity_line', '(r.period_start at time zone ''UTC'')::date',
                           '(r.period_start at time zone ''UTC'')::date', 'touches');
select period_lock_install('footprint_rollup_day', 'r.day', 'r.day', 'touches');
select period_lock_install('footprint_rollup_attribute_day', 'r.day', 'r.day', 'touches');
select period_lock_install('footprint_rollup_month', 'r.month', '(r.month + interval ''1 month'' - interval ''1 day'')::date', 'covers');
select period_lock_install('footprint_rollup_attribute_month', 'r.month',
                           '(r.month + interval ''1 month'' - interval ''1 day'')::date', 'covers');
select period_lock_install('billing_replacement', 'r.month', '(r.month + interval ''1 month'' - interval ''1 day'')::date', 'covers');
-- Measured data: a line by every UTC day it spans; month sums by month.
select period_lock_install('measured_line', '(r.period_start at time zone ''UTC'')::date',
                           '((greatest(r.period_end, r.period_start + interval ''1 microsecond'') - interval ''1 microsecond'') at time zone ''UTC'')::date',
                           'touches');
select period_lock_install('measured_rollup_month', '(r.month at time zone ''UTC'')::date',
                           '((r.month at time zone ''UTC'') + interval ''1 month'' - interval ''1 day'')::date', 'covers');
-- Site instruments (market-based Scope 2; superseding one is an update) and workload outputs
-- (SCI per functional unit) by the period they are for.
select period_lock_install('site_instrument', 'r.period_start', 'r.period_end', 'touches');
select period_lock_install('workload_output', 'r.period_start', 'r.period_end', 'touches');

-- Factor set values are append-only (V2); a new version may repeat a dated value of the version
-- before it, but not add, change or drop one valid in a locked period (an undated value is
-- used by the calculations of unlocked dates only: see FactorSets.activeAt). A version's values
-- are inserted one statement at a time, so both checks run at commit (deferred, once per value
-- and once per version).
create function factor_set_value_lock_guard() returns trigger language plpgsql as $$
declare
    period uuid;
begin
    if not exists (select 1 from reporting_period where status = 'APPROVED' and superseded_by is null) then
        return null;
    end if;
    if tg_table_name = 'factor_set_value' then
        -- a value added, or changed, by its version
        select p.id into period from reporting_period p
        where p.status = 'APPROVED' and p.superseded_by is null
          and (new.valid_from is not null or new.valid_to is not null)
          and p.period_start <= coalesce(new.valid_to, date '9999-12-31')
          and p.period_end >= coalesce(new.valid_from, date '0001-01-01')
          and not exists (select 1 from factor_set_value o
                          where o.set_id = new.set_id and o.version = new.version - 1 and o.kind = new.kind
                            and o.scope = new.scope and o.value = new.value and o.unit = new.unit
                            and o.valid_from is not distinct from new.valid_from
                            and o.valid_to is not distinct from new.valid_to)
        limit 1;
    else
        -- a dated value of the version before that the new version drops or changes
        select p.id into period
        from factor_set_value o
        join reporting_period p on p.status = 'APPROVED' and p.superseded_by is null
             and p.period_start <= coalesce(o.valid_to, date '9999-12-31')
             and p.period_end >= coalesce(o.valid_from, date '0001-01-01')
        where o.set_id = new.set_id and o.version = new.version - 1
          and (o.valid_from is not null or o.valid_to is not null)
          and not exists (select 1 from factor_set_value n
                          where n.set_id = o.set_id and n.version = new.version and n.kind = o.kind
                            and n.scope = o.scope and n.value = o.value and n.unit = o.unit
                            and n.valid_from is not distinct from o.valid_from
                            and n.valid_to is not distinct from o.valid_to)
        limit 1;
    end if;
    if period is not null then
        perform period_lock_refuse(period, tg_table_name, tg_op);
    end if;
    return null;
end $$;
create constraint trigger factor_set_value_lock after insert on factor_set_value
    deferrable initially deferred for each row execute function factor_set_value_lock_guard();
create constraint trigger factor_set_version_lock after insert on factor_set_version
    deferrable initially deferred for each row execute function factor_set_value_lock_guard();
