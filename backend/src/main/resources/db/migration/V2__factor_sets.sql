-- Organisation factor sets: named, versioned collections of factor values that override the
-- shipped library for a scope (the organisation, a supplier/provider, a region, zone or country)
-- and a period. Versions are append-only: a change adds a version, nothing is updated or deleted.
create table factor_set (
    id          uuid primary key,
    name        varchar(100) not null unique,
    description varchar(1000) not null default '',
    created_at  timestamptz  not null,
    created_by  varchar(100) not null
);

create table factor_set_version (
    set_id     uuid         not null references factor_set (id),
    version    integer      not null check (version >= 1),
    created_at timestamptz  not null,
    created_by varchar(100) not null,
    note       varchar(1000) not null default '',
    primary key (set_id, version)
);

create table factor_set_value (
    set_id     uuid          not null,
    version    integer       not null,
    position   integer       not null,
    kind       varchar(40)   not null,
    scope      varchar(120)  not null,
    value      numeric(20, 10) not null check (value >= 0),
    unit       varchar(20)   not null,
    valid_from date,
    valid_to   date,
    source     varchar(1000) not null,
    notes      varchar(1000),
    primary key (set_id, version, position),
    foreign key (set_id, version) references factor_set_version (set_id, version),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);

-- Append-only: versions and their values can be added, never changed or removed.
create function factor_set_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'factor set versions are append-only (% on %)', tg_op, tg_table_name;
end;
$$;

create trigger factor_set_version_append_only before update or delete on factor_set_version
    for each row execute function factor_set_append_only();
create trigger factor_set_value_append_only before update or delete on factor_set_value
    for each row execute function factor_set_append_only();
