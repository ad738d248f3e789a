-- Two more meter roles for the EU data-centre report (Delegated Regulation (EU) 2024/1364, Annex II):
-- waste heat reused (kWh of heat, EREUSE) and on-site renewable generation (kWh, ERES-OS). A waste
-- heat meter carries the temperature of the heat it measures, as registered (TEMP-WASTE-HEAT is the
-- energy-weighted mean of its meters' temperatures).
alter table meter alter column role type varchar(32);
alter table meter drop constraint meter_role_check;
alter table meter add constraint meter_role_check
    check (role in ('FACILITY_TOTAL', 'IT_LOAD', 'COOLING', 'WATER_INTAKE', 'GENERATOR_FUEL', 'WASTE_HEAT_REUSED',
                    'ON_SITE_RENEWABLE'));
alter table meter add column temperature_c double precision
    check (temperature_c is null or (role = 'WASTE_HEAT_REUSED' and temperature_c between -50 and 200));
