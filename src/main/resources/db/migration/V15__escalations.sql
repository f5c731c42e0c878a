-- escalations: the record (its workflow, SLA timers and owners come later).
create table escalation (
  id               bigserial primary key,
  escalation_key   varchar(20)    not null,
  account_id       bigint         not null references account(id) on delete cascade,
  title            varchar(300)   not null,
  description      text,
  severity         varchar(2)     not null,
  status           varchar(20)    not null,
  raised_at        timestamptz    not null,
  resolved_at      timestamptz,
  version          bigint         not null default 0,
  created_at       timestamptz    not null default now(),
  created_by       varchar(100),
  updated_at       timestamptz    not null default now(),
  updated_by       varchar(100),
  constraint escalation_severity_check check (severity in ('P0','P1','P2','P3')),
  constraint escalation_status_check check (status in ('OPEN','IN_PROGRESS','WAITING_ON_CLIENT','RESOLVED','CLOSED')),
  constraint escalation_resolved_check check ((status in ('RESOLVED','CLOSED')) = (resolved_at is not null)),
  constraint escalation_resolved_after_check check (resolved_at is null or resolved_at >= raised_at)
);
create unique index escalation_key_uq on escalation (escalation_key);
create index escalation_account_idx on escalation (account_id, raised_at);
-- ESC-YYYY-NNNN: the last number given out per year
create table escalation_key_sequence (
  year     int primary key,
  last     int not null
);
