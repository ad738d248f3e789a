-- What a data centre's operator enters per reporting year for the EU data-centre report
-- (Delegated Regulation (EU) 2024/1364, Annexes I and II) besides what its meters measure:
-- installed IT power, floor areas, redundancy, grid support, water sources, waste heat
-- reused, renewable energy by instrument, data traffic and data stored and processed.
-- One row per site and calendar year; every change is in the audit log (module sites).
create table site_eu_indicators (
    site_id uuid not null references site (id),
    year integer not null check (year between 2000 and 2999),
    installed_it_power_kw numeric check (installed_it_power_kw >= 0),
    total_floor_area_m2 numeric check (total_floor_area_m2 >= 0),
    computer_room_floor_area_m2 numeric check (computer_room_floor_area_m2 >= 0),
    redundancy_level text,
    grid_support text,
    water_input_m3 numeric check (water_input_m3 >= 0),
    potable_water_m3 numeric check (potable_water_m3 >= 0),
    water_sources text,
    waste_heat_reused_kwh numeric check (waste_heat_reused_kwh >= 0),
    waste_heat_temperature_c numeric,
    intake_setpoint_c numeric,
    renewable_goo_kwh numeric check (renewable_goo_kwh >= 0),
    renewable_ppa_kwh numeric check (renewable_ppa_kwh >= 0),
    renewable_onsite_kwh numeric check (renewable_onsite_kwh >= 0),
    traffic_in_tb numeric check (traffic_in_tb >= 0),
    traffic_out_tb numeric check (traffic_out_tb >= 0),
    data_stored_tb numeric check (data_stored_tb >= 0),
    data_processed_tb numeric check (data_processed_tb >= 0),
    evidence text not null,
    updated_at timestamptz not null,
    updated_by text not null,
    primary key (site_id, year)
);
