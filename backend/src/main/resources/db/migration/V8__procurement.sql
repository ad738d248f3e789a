-- Suppliers, their disclosures (versioned, append-only), scoring methodologies (versioned data)
-- and stored evaluations.
create table supplier (
    id          uuid primary key,
    name        varchar(200) not null unique,
    type        varchar(24)  not null
        check (type in ('CLOUD_PROVIDER', 'COLOCATION_OPERATOR', 'HARDWARE_VENDOR', 'AI_API_PROVIDER')),
    website     varchar(500),
    description varchar(2000) not null default '',
    contacts    jsonb        not null default '[]',
    created_at  timestamptz  not null,
    created_by  varchar(100) not null
);

-- A disclosure version: the values a supplier disclosed (by criterion key), with evidence, validity
-- and who entered it. Never changed: a correction is a new version.
create table supplier_disclosure (
    id           uuid primary key,
    supplier_id  uuid          not null references supplier (id),
    version      integer       not null,
    source       varchar(16)   not null check (source in ('QUESTIONNAIRE', 'PACT', 'MANUAL')),
    values       jsonb         not null,
    evidence     varchar(1000) not null,
    evidence_sha256 char(64),
    valid_from   date          not null,
    valid_to     date          not null check (valid_to >= valid_from),
    entered_at   timestamptz   not null,
    entered_by   varchar(100)  not null,
    unique (supplier_id, version)
);

create table scoring_methodology (
    name        varchar(100) not null,
    version     integer      not null,
    definition  jsonb        not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    primary key (name, version)
);

create table procurement_evaluation (
    id          uuid primary key,
    name        varchar(200) not null,
    request     jsonb        not null,
    result      jsonb        not null,
    methodology varchar(100) not null,
    methodology_version integer not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null
);

create trigger supplier_disclosure_no_change before update or delete or truncate on supplier_disclosure
    for each statement execute function audit_event_append_only();
create trigger scoring_methodology_no_change before update or delete or truncate on scoring_methodology
    for each statement execute function audit_event_append_only();
create trigger procurement_evaluation_no_change before update or delete or truncate on procurement_evaluation
    for each statement execute function audit_event_append_only();

-- Product carbon footprints (WBCSD PACT) a supplier provided: hardware footprints for embodied
-- emissions, IT service footprints (per hour and the like) as supplier-specific factors.
create table supplier_product_footprint (
    supplier_id      uuid          not null references supplier (id),
    footprint_id     uuid          not null,
    disclosure_id    uuid          not null references supplier_disclosure (id),
    spec_version     varchar(20)   not null,
    kind             varchar(12)   not null check (kind in ('HARDWARE', 'IT_SERVICE')),
    product_name     varchar(500)  not null,
    product_ids      jsonb         not null,
    declared_unit    varchar(20)   not null,
    kg_co2e_per_unit double precision not null,
    kg_co2e_per_product double precision not null,
    primary_data_share double precision,
    reference_start  timestamptz   not null,
    reference_end    timestamptz   not null,
    document         jsonb         not null,
    primary key (supplier_id, footprint_id, disclosure_id)
);
create trigger supplier_product_footprint_no_change before update or delete or truncate on supplier_product_footprint
    for each statement execute function audit_event_append_only();
