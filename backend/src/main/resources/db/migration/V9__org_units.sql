-- Organisation units: a registry of the units data belongs to (until now free text on jobs,
-- activity, sites, workloads and reports), and the units a user is assigned to (their scope).
create table org_unit (
    id          uuid primary key,
    code        varchar(100) not null unique,
    name        varchar(200) not null,
    active      boolean      not null default true,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null
);

-- Every org unit already named by data becomes a registered unit (named after its code), so
-- that nothing is orphaned and the references below can be enforced.
insert into org_unit (id, code, name, active, created_at, created_by)
select gen_random_uuid(), unit, unit, true, now(), 'migration'
from (select org_unit as unit from ingestion_job
      union select org_unit from activity_dimension
      union select org_unit from site
      union select org_unit from workload
      union select org_unit from report) named
where unit is not null;

create table user_org_unit (
    user_id  uuid         not null references app_user (id) on delete cascade,
    org_unit varchar(100) not null references org_unit (code),
    primary key (user_id, org_unit)
);
create index user_org_unit_unit on user_org_unit (org_unit);

-- Evaluations belong to an org unit as well (set at creation from the request or the user's
-- single unit); earlier ones belong to none.
alter table procurement_evaluation add column org_unit varchar(100) references org_unit (code);

alter table ingestion_job add constraint ingestion_job_org_unit_fk foreign key (org_unit) references org_unit (code);
alter table site add constraint site_org_unit_fk foreign key (org_unit) references org_unit (code);
alter table workload add constraint workload_org_unit_fk foreign key (org_unit) references org_unit (code);
alter table report add constraint report_org_unit_fk foreign key (org_unit) references org_unit (code);

create index ingestion_job_org_unit on ingestion_job (org_unit, created_at desc);
create index report_org_unit on report (org_unit);
create index procurement_evaluation_org_unit on procurement_evaluation (org_unit);
