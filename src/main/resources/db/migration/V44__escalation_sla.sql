-- Escalations on SLA clocks (issue 13 section 3): the organization's SLA policy in versions,
-- who owns an escalation and what it is about, its incident log (which is also the history
-- the clocks are computed from), and the clocks' results kept for the queue and the scan.

-- The policy in force at an instant is the version with the latest effective_from at or
-- before it; a change of policy is a new version, so earlier escalations keep theirs.
create table sla_policy (
  id              bigserial    primary key,
  effective_from  timestamptz  not null,
  time_zone       varchar(60)  not null,
  day_start       time         not null,
  day_end         time         not null,
  working_days    int[]        not null,                  -- ISO day numbers, Monday = 1
  warn_percent    int          not null,
  note            varchar(300),
  created_at      timestamptz  not null default now(),
  created_by      varchar(100),
  constraint sla_policy_day_check check (day_start < day_end),
  constraint sla_policy_warn_check check (warn_percent between 1 and 99)
);
create unique index sla_policy_effective_uq on sla_policy (effective_from);

create table sla_target (
  policy_id           bigint      not null references sla_policy (id) on delete cascade,
  severity            varchar(2)  not null,
  response_minutes    int         not null check (response_minutes > 0),
  resolution_minutes  int         not null check (resolution_minutes > 0),
  business_hours      boolean     not null,
  primary key (policy_id, severity)
);

-- spec 03 Appendix B (DESIGN decision 2), round the clock
insert into sla_policy (effective_from, time_zone, day_start, day_end, working_days, warn_percent, note, created_by)
values ('2000-01-01T00:00:00Z', 'America/Chicago', '09:00', '17:00', '{1,2,3,4,5}', 75,
        'Default: spec 03 Appendix B', 'system');
insert into sla_target (policy_id, severity, response_minutes, resolution_minutes, business_hours)
select id, s.severity, s.response, s.resolution, false from sla_policy,
  (values ('P0', 60, 240), ('P1', 240, 1440), ('P2', 1440, 10080), ('P3', 2880, 20160)) as s(severity, response, resolution);

alter table escalation
  add column owner_id            bigint references app_user (id) on delete set null,
  add column reporter_id         bigint references app_user (id) on delete set null,
  add column contact_id          bigint references contact (id) on delete set null,
  add column job_id              bigint references job (id) on delete set null,
  add column placement_id        bigint references placement (id) on delete set null,
  add column category            varchar(30),
  add column impact              text,
  add column resolution_category varchar(30),
  add column root_cause          text,
  add column post_mortem         text,
  -- the clocks, as last computed from the incident log (never typed)
  add column sla_policy_id       bigint references sla_policy (id),
  add column first_response_at   timestamptz,
  add column response_due_at     timestamptz,
  add column response_met        boolean,
  add column resolution_due_at   timestamptz,            -- null while paused or ended
  add column resolution_used_min int,
  add column resolution_met      boolean,                -- null until resolved
  add column sla_check_at        timestamptz;            -- when the scan must look next

update escalation e set reporter_id = u.id from app_user u where u.username = e.created_by;

-- the scan reads only what falls due
create index escalation_sla_check_idx on escalation (sla_check_at) where sla_check_at is not null;
create index escalation_owner_idx on escalation (owner_id) where owner_id is not null;

-- The incident log: every update of an escalation. Entries with a status or severity are
-- the history its clocks are computed from.
create table escalation_log (
  id             bigserial    primary key,
  escalation_id  bigint       not null references escalation (id) on delete cascade,
  at             timestamptz  not null,
  entry          varchar(20)  not null,
  status         varchar(20),
  severity       varchar(2),
  text           text,
  actor_id       bigint,
  actor_name     varchar(200),
  constraint escalation_log_entry_check check (entry in ('RAISED','STATUS','SEVERITY','OWNER','NOTE','RESPONSE','POST_MORTEM'))
);
create index escalation_log_idx on escalation_log (escalation_id, at, id);

-- the history of escalations raised before the log existed: raised, and where they stand
insert into escalation_log (escalation_id, at, entry, status, severity, actor_name)
select id, raised_at, 'RAISED', 'OPEN', severity, created_by from escalation;
insert into escalation_log (escalation_id, at, entry, status, actor_name)
select id, coalesce(resolved_at, updated_at), 'STATUS', status, updated_by from escalation where status <> 'OPEN';
-- their clocks are computed by the next scan
update escalation set sla_check_at = raised_at where status not in ('RESOLVED', 'CLOSED');
update escalation e set
  sla_policy_id = p.id,
  first_response_at = e.resolved_at,
  response_met = e.resolved_at <= e.raised_at + make_interval(mins => t.response_minutes),
  resolution_used_min = (extract(epoch from e.resolved_at - e.raised_at) / 60)::int,
  resolution_met = e.resolved_at <= e.raised_at + make_interval(mins => t.resolution_minutes)
from sla_policy p join sla_target t on t.policy_id = p.id
where e.resolved_at is not null and t.severity = e.severity;

-- DESIGN decision 4: "> $100K" is strictly above $100,000 (the bands are inclusive)
update health_model set definition = regexp_replace(definition::text, '"min": 100000([,}])', '"min": 100000.01\1', 'g')::jsonb
 where version = 1 and created_by = 'system';
