-- The executive's strategic accounts (issue 14, spec 01): reviews once a day, executive notes,
-- recovery plans with goals, dedicated recruiter assignments with their success bonus, and
-- service credits awaiting finance's approval.

-- An executive's review of an account (strategic_account.reviewed) is recorded once a day
-- per person when it comes from opening the account; an explicit Acknowledge always is.
create table account_review (
  account_id   bigint       not null references account(id) on delete cascade,
  user_id      bigint       not null,
  reviewed_on  date         not null,
  reviewed_at  timestamptz  not null,
  primary key (account_id, user_id, reviewed_on)
);

-- Flagged critical by an executive (flow A1), until someone clears it.
alter table account add column critical_since timestamptz;
alter table account add column critical_reason varchar(500);

-- The executive notes of an account: one text per account, every save a new version (the
-- old ones stay readable), private to executives and the account's manager.
create table executive_note (
  id          bigserial     primary key,
  account_id  bigint        not null references account(id) on delete cascade,
  version     bigint        not null,
  body        varchar(10000) not null,
  written_by  bigint        not null,
  written_at  timestamptz   not null,
  constraint executive_note_version_uq unique (account_id, version)
);

-- A recovery plan: goals tracked from the live facts, its actions as tasks.
create table recovery_plan (
  id           bigserial     primary key,
  account_id   bigint        not null references account(id) on delete cascade,
  title        varchar(200)  not null,
  status       varchar(20)   not null,
  starts_on    date          not null,
  ends_on      date          not null,
  owner_id     bigint        not null,
  version      bigint        not null default 0,
  created_at   timestamptz   not null,
  created_by   varchar(100),
  updated_at   timestamptz   not null,
  updated_by   varchar(100),
  constraint recovery_plan_status_check check (status in ('ACTIVE','ACHIEVED','CLOSED')),
  constraint recovery_plan_dates_check check (ends_on >= starts_on)
);
create unique index recovery_plan_active_uq on recovery_plan (account_id) where status = 'ACTIVE';

create table recovery_goal (
  plan_id    bigint        not null references recovery_plan(id) on delete cascade,
  position   int           not null,
  measure    varchar(30)   not null,
  baseline   numeric(12,2),
  target     numeric(12,2) not null,
  due_on     date          not null,
  primary key (plan_id, position),
  constraint recovery_goal_measure_check
    check (measure in ('HEALTH','NPS','TIME_TO_FILL','FALLOFFS','RENEWAL'))
);

-- A recruiter dedicated to an account for a while (spec 01 step 4), with its terms and the
-- success bonus that is settled when its condition is met or the period ends.
create table recruiter_assignment (
  id                  bigserial     primary key,
  account_id          bigint        not null references account(id) on delete cascade,
  recruiter_id        bigint        not null references recruiter(id),
  assignment_type     varchar(20)   not null,
  starts_on           date          not null,
  ends_on             date          not null,
  ttf_sla_days        int,
  daily_updates       boolean       not null default false,
  weekly_briefings    boolean       not null default false,
  bonus_amount        numeric(12,2),
  bonus_currency      varchar(3),
  bonus_health_target int,
  bonus_status        varchar(20),
  bonus_settled_on    date,
  assigned_by         varchar(100)  not null,
  assigned_at         timestamptz   not null,
  constraint recruiter_assignment_type_check check (assignment_type in ('DEDICATED','PRIMARY','SUPPORT')),
  constraint recruiter_assignment_dates_check check (ends_on >= starts_on),
  constraint recruiter_assignment_bonus_check
    check (bonus_status is null or bonus_status in ('PENDING','EARNED','NOT_EARNED'))
);
create index recruiter_assignment_account_idx on recruiter_assignment (account_id, ends_on);
create index recruiter_assignment_bonus_idx on recruiter_assignment (ends_on) where bonus_status = 'PENDING';

-- A service credit offered to a client: finance approves it, then it is on the account's
-- billing.
create table service_credit (
  id            bigserial     primary key,
  account_id    bigint        not null references account(id) on delete cascade,
  amount        numeric(14,2) not null,
  currency      varchar(3)    not null,
  reason        varchar(1000) not null,
  status        varchar(20)   not null,
  offered_by    bigint        not null,
  offered_at    timestamptz   not null,
  decided_by    bigint,
  decided_at    timestamptz,
  decision_note varchar(1000),
  version       bigint        not null default 0,
  constraint service_credit_amount_check check (amount > 0),
  constraint service_credit_status_check check (status in ('PENDING','APPROVED','REJECTED'))
);
create index service_credit_account_idx on service_credit (account_id, offered_at);
create index service_credit_pending_idx on service_credit (offered_at) where status = 'PENDING';
