-- V51 let the demo's removal delete append-only records when its transaction says
-- "set local greenledger.demo_removal = 'on'". That setting alone was enough: any session able to
-- set it could delete any reporting period, supplier disclosure, product footprint or evaluation.
-- From here on the setting only opens the rows the demo itself created and still holds
-- (demo_holding: PERIOD and EVALUATION by their id, SUPPLIER by the supplier's id); every other
-- delete is refused as before.
create or replace function append_only_unless_demo_removal() returns trigger language plpgsql as $$
declare
    holding_kind text;
    holding_ref  text;
begin
    if tg_op = 'DELETE' and coalesce(current_setting('greenledger.demo_removal', true), '') = 'on' then
        if tg_table_name = 'reporting_period' then
            holding_kind := 'PERIOD';
            holding_ref := old.id::text;
        elsif tg_table_name = 'procurement_evaluation' then
            holding_kind := 'EVALUATION';
            holding_ref := old.id::text;
        elsif tg_table_name in ('supplier_disclosure', 'supplier_product_footprint') then
            holding_kind := 'SUPPLIER';
            holding_ref := old.supplier_id::text;
        end if;
        if holding_kind is not null
                and exists (select 1 from demo_holding where kind = holding_kind and ref = holding_ref) then
            return old;
        end if;
        raise exception '% is append-only: only the demo organisation''s own records can be removed', tg_table_name;
    end if;
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op;
end $$;
