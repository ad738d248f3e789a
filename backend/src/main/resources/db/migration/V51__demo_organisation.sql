-- The demo organisation (module demo): what one load created, so that one action removes
-- exactly that and nothing else, and the state of the load the portal polls.
create table demo_holding (
    kind       text        not null check (kind in ('JOB', 'SITE', 'WORKLOAD', 'SUPPLIER', 'EVALUATION', 'PERIOD')),
    ref        text        not null,
    label      text        not null,
    created_at timestamptz not null,
    primary key (kind, ref)
);

create table demo_state (
    id          smallint    primary key check (id = 1),
    status      text        not null check (status in ('LOADING', 'LOADED', 'REMOVING', 'FAILED')),
    step        text        not null,
    done        integer     not null,
    total       integer     not null,
    message     text,
    started_by  text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz
);

-- Records that are append-only by design (reporting periods, supplier disclosures and product
-- footprints, evaluations) may be deleted by the demo's removal only: the removing
-- transaction says so with "set local greenledger.demo_removal = 'on'" and deletes only the
-- rows the demo created (demo_holding). Every other delete is still refused.
create function append_only_unless_demo_removal() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('greenledger.demo_removal', true), '') = 'on' then
        return old;
    end if;
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op;
end $$;

drop trigger reporting_period_no_delete on reporting_period;
create trigger reporting_period_no_delete before delete on reporting_period
    for each row execute function append_only_unless_demo_removal();

drop trigger supplier_disclosure_no_change on supplier_disclosure;
create trigger supplier_disclosure_no_change before update or delete on supplier_disclosure
    for each row execute function append_only_unless_demo_removal();
create trigger supplier_disclosure_no_truncate before truncate on supplier_disclosure
    for each statement execute function audit_event_append_only();

drop trigger supplier_product_footprint_no_change on supplier_product_footprint;
create trigger supplier_product_footprint_no_change before update or delete on supplier_product_footprint
    for each row execute function append_only_unless_demo_removal();
create trigger supplier_product_footprint_no_truncate before truncate on supplier_product_footprint
    for each statement execute function audit_event_append_only();

drop trigger procurement_evaluation_no_change on procurement_evaluation;
create trigger procurement_evaluation_no_change before update or delete on procurement_evaluation
    for each row execute function append_only_unless_demo_removal();
create trigger procurement_evaluation_no_truncate before truncate on procurement_evaluation
    for each statement execute function audit_event_append_only();
