-- tasks: one row per thing to do, for one assignee, due on a date (and optionally a time) in
-- the assignee's time zone; recurring ones come from a series, one task per occurrence.

create table task_series (
  id                 bigserial primary key,
  title              varchar(200) not null,
  notes              text         not null default '',
  assignee_id        bigint       not null references app_user (id) on delete cascade,
  created_by_id      bigint       references app_user (id) on delete set null,
  account_id         bigint       references account (id) on delete cascade,
  -- one task per occurrence for every account of the assignee in this tier (e.g. GROWTH)
  account_tier       varchar(20),
  priority           varchar(10)  not null,
  -- RFC 5545 RRULE (without the "RRULE:" prefix), evaluated over local dates from starts_on
  rrule              varchar(500) not null,
  starts_on          date         not null,
  due_time           time,
  time_zone          varchar(64)  not null,
  remind_before_minutes int,
  -- NONE, NEXT or PREVIOUS: where an occurrence on a weekend or holiday moves
  business_days      varchar(10)  not null default 'NONE',
  except_dates       date[]       not null default '{}',
  -- occurrences are made up to this date (inclusive); later ones when they come near
  made_through       date,
  active             boolean      not null default true,
  version            bigint       not null default 0,
  created_at         timestamptz  not null,
  updated_at         timestamptz  not null,
  constraint task_series_business_days_check check (business_days in ('NONE','NEXT','PREVIOUS'))
);
create index task_series_due_idx on task_series (made_through) where active;

create table task (
  id                 bigserial primary key,
  title              varchar(200) not null,
  notes              text         not null default '',
  assignee_id        bigint       not null references app_user (id) on delete cascade,
  created_by_id      bigint       references app_user (id) on delete set null,
  account_id         bigint       references account (id) on delete cascade,
  -- what it is about besides the account: contact, escalation, opportunity, meeting, qbr …
  record_type        varchar(40),
  record_id          bigint,
  due_date           date         not null,
  due_time           time,
  -- the assignee's zone when it was due; due_at and remind_at are instants in it
  time_zone          varchar(64)  not null,
  due_at             timestamptz  not null,
  remind_before_minutes int,
  remind_at          timestamptz,
  reminded_at        timestamptz,
  priority           varchar(10)  not null,
  status             varchar(10)  not null default 'OPEN',
  completed_at       timestamptz,
  completed_by_id    bigint       references app_user (id) on delete set null,
  snoozes            int          not null default 0,
  series_id          bigint       references task_series (id) on delete set null,
  occurs_on          date,
  -- the place the assignee gave it in their plan for its due date (the tomorrow view)
  plan_rank          int,
  version            bigint       not null default 0,
  created_at         timestamptz  not null,
  updated_at         timestamptz  not null,
  updated_by         varchar(100),
  constraint task_status_check check (status in ('OPEN','DONE','CANCELLED')),
  constraint task_priority_check check (priority in ('HIGH','NORMAL','LOW')),
  constraint task_done_check check ((status = 'DONE') = (completed_at is not null))
);
-- My tasks: the open ones of one assignee by due date, and the done ones newest first
create index task_assignee_open_idx on task (assignee_id, due_date, due_time) where status = 'OPEN';
create index task_assignee_done_idx on task (assignee_id, completed_at desc) where status = 'DONE';
create index task_account_idx on task (account_id, due_date);
create index task_reminder_idx on task (remind_at) where status = 'OPEN' and reminded_at is null;
-- an occurrence of a series is made once (per account for a series over a tier)
create unique index task_occurrence_uq on task (series_id, occurs_on, coalesce(account_id, 0)) where series_id is not null;

-- the organization's holiday calendar: business days skip these
create table holiday (
  day   date         primary key,
  name  varchar(120) not null
);

-- each user's working week (ISO day numbers of their weekend; Saturday and Sunday by default)
create table task_work_week (
  user_id     bigint  primary key references app_user (id) on delete cascade,
  weekend     int[]   not null default '{6,7}',
  version     bigint  not null default 0
);

-- the tomorrow view: when the assignee confirmed their plan for a day
create table task_plan (
  user_id       bigint      not null references app_user (id) on delete cascade,
  day           date        not null,
  confirmed_at  timestamptz not null,
  primary key (user_id, day)
);
