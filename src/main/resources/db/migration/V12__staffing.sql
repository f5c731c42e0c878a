-- staffing: recruiters, jobs (requisitions) and placements. The health score reads open jobs,
-- hires (placements started) and falloffs per account, as of any date: a job is open at a date
-- when it was opened by then and not yet filled or cancelled.
create table recruiter (
  id               bigserial primary key,
  user_id          bigint        not null references app_user(id),
  specialties      text[]        not null default '{}',
  industries       text[]        not null default '{}',
  -- capacity: the most jobs this recruiter works at a time
  max_active_jobs  int           not null,
  active           boolean       not null default true,
  version          bigint        not null default 0,
  created_at       timestamptz   not null default now(),
  created_by       varchar(100),
  updated_at       timestamptz   not null default now(),
  updated_by       varchar(100),
  constraint recruiter_capacity_check check (max_active_jobs between 1 and 200)
);
create unique index recruiter_user_uq on recruiter (user_id);

create table job (
  id                   bigserial primary key,
  account_id           bigint         not null references account(id) on delete cascade,
  title                varchar(200)   not null,
  department           varchar(200),
  status               varchar(20)    not null,
  priority             varchar(10)    not null default 'MEDIUM',
  opened_on            date           not null,
  -- set when the job is FILLED, the day the last position was filled
  filled_on            date,
  -- set when the job is CANCELLED
  cancelled_on         date,
  bill_rate_amount     numeric(12,2),
  bill_rate_currency   char(3),
  recruiter_id         bigint         references recruiter(id),
  -- candidates submitted to the client so far
  submissions          int            not null default 0,
  version              bigint         not null default 0,
  created_at           timestamptz    not null default now(),
  created_by           varchar(100),
  updated_at           timestamptz    not null default now(),
  updated_by           varchar(100),
  constraint job_status_check check (status in ('OPEN','ON_HOLD','FILLED','CANCELLED')),
  constraint job_priority_check check (priority in ('LOW','MEDIUM','HIGH','URGENT')),
  constraint job_submissions_check check (submissions >= 0),
  constraint job_filled_check check ((status = 'FILLED') = (filled_on is not null)),
  constraint job_cancelled_check check ((status = 'CANCELLED') = (cancelled_on is not null))
);
create index job_account_idx on job (account_id, status, opened_on);
create index job_recruiter_idx on job (recruiter_id) where status in ('OPEN','ON_HOLD');

create table placement (
  id               bigserial primary key,
  job_id           bigint         not null references job(id) on delete cascade,
  -- the job's account, kept here so that per-account facts need no join
  account_id       bigint         not null references account(id) on delete cascade,
  candidate_name   varchar(200)   not null,
  recruiter_id     bigint         references recruiter(id),
  type             varchar(20)    not null,
  start_date       date           not null,
  end_date         date,
  status           varchar(20)    not null,
  falloff_date     date,
  version          bigint         not null default 0,
  created_at       timestamptz    not null default now(),
  created_by       varchar(100),
  updated_at       timestamptz    not null default now(),
  updated_by       varchar(100),
  constraint placement_type_check check (type in ('CONTRACT','CONTRACT_TO_HIRE','PERMANENT')),
  constraint placement_status_check check (status in ('ACTIVE','COMPLETED','FALLOFF')),
  constraint placement_falloff_check check ((status = 'FALLOFF') = (falloff_date is not null)),
  constraint placement_dates_check check (end_date is null or end_date >= start_date)
);
create index placement_account_idx on placement (account_id, start_date);
create index placement_job_idx on placement (job_id);
