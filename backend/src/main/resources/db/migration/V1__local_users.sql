-- Local security mode: users with bcrypt password hashes and their roles.
create table app_user (
    id            uuid primary key,
    username      varchar(100) not null,
    password_hash varchar(255) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null,
    version       bigint       not null,
    constraint app_user_username_lower check (username = lower(username))
);

create unique index app_user_username_uk on app_user (username);

create table user_role (
    user_id uuid        not null references app_user (id) on delete cascade,
    role    varchar(40) not null,
    primary key (user_id, role),
    constraint user_role_known check (role in ('ADMIN', 'SUSTAINABILITY_OFFICER', 'AUDITOR', 'PROCUREMENT', 'API_CLIENT'))
);
