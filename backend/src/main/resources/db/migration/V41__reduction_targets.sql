-- Reduction targets (reduction module). A target keeps every version: a change is a new
-- version with the next number; earlier versions never change (ESRS E1-4 asks for the
-- target as set and each change to it).
create table reduction_target (
    id          uuid primary key,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null
);

create table reduction_target_version (
    target_id          uuid           not null references reduction_target (id),
    version            integer        not null check (version >= 1),
    name               varchar(200)   not null,
    scopes             varchar(100)   not null,
    basis              varchar(10)    not null check (basis in ('LOCATION', 'MARKET')),
    include_embodied   boolean        not null,
    base_year          integer        not null,
    -- the base year's emissions as recorded for this version, and where they came from:
    -- LEDGER (the ledger's figure when the version was saved) or GIVEN (by the user)
    base_year_kg       double precision not null check (base_year_kg >= 0),
    base_year_source   varchar(10)    not null check (base_year_source in ('LEDGER', 'GIVEN')),
    target_year        integer        not null check (target_year > base_year),
    reduction_percent  double precision not null check (reduction_percent > 0 and reduction_percent <= 100),
    org_unit           varchar(100),
    created_at         timestamptz    not null,
    created_by         varchar(100)   not null,
    primary key (target_id, version)
);

-- versions are history: never updated nor deleted
create function reduction_target_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'A target version never changes: save a new version instead';
end;
$$;

create trigger reduction_target_version_immutable before update or delete on reduction_target_version
    for each row execute function reduction_target_version_immutable();
