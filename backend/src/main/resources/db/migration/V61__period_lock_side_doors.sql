-- Period locks through the side doors. V13 guards every statement on activity_line and the
-- other tables of figures; these close what it left open (docs/security.md, "The database
-- refuses it too"):
-- 1. a statement that names a job's partition of activity_line instead of activity_line: each
--    partition carries the same guards (they fire only for statements on the partition
--    itself; a statement on activity_line fires the parent's);
-- 2. DDL that would remove figures of a locked period or their guards: DROP or DETACH of such a
--    partition (also CONCURRENTLY), DROP of a guard trigger (so of a guarded table), a guard
--    trigger disabled or renamed. Event triggers, which only a superuser can create: with a
--    role that is not one, this part is skipped with a notice (the application's removal of
--    an upload deletes its day sums in the same transaction, which V13 still refuses for a
--    locked day).

-- The guards of one job's partition: those of activity_line (lines by the UTC day of their
-- charge period start). The ledger calls it when it attaches a partition.
create function period_lock_install_partition(tbl text) returns void language plpgsql as $$
begin
    perform period_lock_install(tbl, '(r.period_start at time zone ''UTC'')::date',
                                '(r.period_start at time zone ''UTC'')::date', 'touches');
end $$;

do $$
declare
    partition_name text;
begin
    for partition_name in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                          where i.inhparent = 'activity_line'::regclass loop
        perform period_lock_install_partition(partition_name);
    end loop;
end $$;

-- The locked period holding a day of a job's billing lines (by its day sums, which every
-- line has), or null.
create function period_lock_of_job(job uuid) returns uuid language sql stable as $$
    select p.id from footprint_rollup_day r
    join reporting_period p on p.status = 'APPROVED' and p.superseded_by is null
        and p.period_start <= r.day and p.period_end >= r.day
    where r.job_id = job
    order by p.period_start
    limit 1
$$;

-- The locked period a table's guard protects: for a job's partition, one holding a day of
-- its lines; for any other guarded table, any locked period (as for TRUNCATE in V13).
create function period_lock_of_table(tbl text) returns uuid language plpgsql stable as $$
begin
    if tbl ~ '^activity_line_[0-9a-f]{32}$' then
        return period_lock_of_job(substr(tbl, 15)::uuid);
    end if;
    return (select id from reporting_period where status = 'APPROVED' and superseded_by is null
            order by period_start limit 1);
end $$;

-- Whether any period is locked (the event triggers read the catalog only when one is: a
-- one-time condition of their queries).
create function period_lock_any() returns boolean language sql stable as $$
    select exists (select 1 from reporting_period where status = 'APPROVED' and superseded_by is null)
$$;

-- Refuses a change to the table when its guard protects a locked period.
create function period_lock_refuse_table(tbl text, op text) returns void language plpgsql as $$
declare
    period uuid := period_lock_of_table(tbl);
begin
    if period is not null then
        perform period_lock_refuse(period, tbl, op);
    end if;
end $$;

-- Guard triggers are recognised by their functions (a renamed one too).
create function period_lock_is_guard(function_oid oid) returns boolean language sql stable as $$
    select function_oid in ('period_lock_guard'::regproc, 'period_lock_truncate_guard'::regproc)
$$;

-- After a DROP: refused when it dropped a job's partition, or a guard trigger (with its table,
-- or alone), whose table's guard protects a locked period. Dropped objects are only known by
-- name here (their catalog rows are gone): partitions by their names, guards by the names
-- period_lock_install gives them (a guard renamed first is refused by period_lock_ddl_end).
create function period_lock_ddl_drop() returns event_trigger language plpgsql set search_path from current as $$
begin
    perform period_lock_refuse_table(dropped.tbl, 'DROP')
    from (select object_name as tbl from pg_event_trigger_dropped_objects()
          where object_type = 'table' and schema_name = current_schema()
            and object_name ~ '^activity_line_[0-9a-f]{32}$'
          union
          select address_names[2] from pg_event_trigger_dropped_objects()
          where object_type = 'trigger' and address_names[1] = current_schema()
            and address_names[3] in (address_names[2] || '_lock_insert', address_names[2] || '_lock_update',
                                     address_names[2] || '_lock_delete', address_names[2] || '_lock_truncate')) dropped
    where period_lock_any();
end $$;

-- After ALTER TABLE or ALTER TRIGGER: refused when a job's table is no longer a partition of
-- activity_line (DETACH PARTITION), or a guard no longer fires (disabled, or left to
-- replication sessions) or no longer has the name it was given (renamed, or its table
-- renamed), and the table's guard protects a locked period. A job's table that is not yet
-- attached is seen only by the job's own transaction, which attaches it before it ends.
create function period_lock_ddl_end() returns event_trigger language plpgsql set search_path from current as $$
begin
    perform period_lock_refuse_table(found.tbl, 'ALTER')
    from (select c.relname::text as tbl from pg_class c
          where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
            and c.relname ~ '^activity_line_[0-9a-f]{32}$' and not c.relispartition
          union
          select c.relname::text from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where c.relnamespace = current_schema()::regnamespace and period_lock_is_guard(t.tgfoid)
            and (t.tgenabled not in ('O', 'A')
                 or t.tgname::text not in (c.relname || '_lock_insert', c.relname || '_lock_update',
                                           c.relname || '_lock_delete', c.relname || '_lock_truncate'))) found
    where period_lock_any();
end $$;

-- Before ALTER TABLE: DETACH PARTITION ... CONCURRENTLY commits its first step (the partition
-- is then left out of activity_line's scans) before the command ends, so it is refused before
-- it starts, by its text: the job's partition named in it, or any partition, while a period
-- holds a day of its lines (any period when the name is not a job's partition).
create function period_lock_ddl_start() returns event_trigger language plpgsql set search_path from current as $$
declare
    named text;
begin
    if current_query() !~* 'detach\s+partition.*concurrently' or not period_lock_any() then
        return;
    end if;
    named := substring(lower(current_query()) from 'detach\s+partition\s+(?:[a-z_0-9]+\.)?"?([a-z_0-9]+)');
    perform period_lock_refuse_table(coalesce(named, 'a partition'), 'DETACH CONCURRENTLY');
end $$;

-- Event triggers belong to the database, not to a schema: their functions keep the schema they
-- were created in (search_path from current) and look only at its tables, and a database whose
-- event triggers exist already (another GreenLedger schema) keeps those.
do $$
begin
    if exists (select 1 from pg_event_trigger where evtname like 'period\_lock\_ddl\_%') then
        raise notice 'GreenLedger: the database has period-lock event triggers already; they are kept';
    elsif (select rolsuper from pg_roles where rolname = current_user) then
        create event trigger period_lock_ddl_start on ddl_command_start when tag in ('ALTER TABLE')
            execute function period_lock_ddl_start();
        create event trigger period_lock_ddl_drop on sql_drop execute function period_lock_ddl_drop();
        create event trigger period_lock_ddl_end on ddl_command_end when tag in ('ALTER TABLE', 'ALTER TRIGGER')
            execute function period_lock_ddl_end();
    else
        raise notice 'GreenLedger: the role % is not a superuser, so the database does not refuse a hand-written DROP or DETACH of locked figures (docs/security.md)', current_user;
    end if;
end $$;
