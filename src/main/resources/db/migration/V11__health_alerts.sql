-- health: alerts raised by the alert rules for an account's owner and, for strategic accounts,
-- its executive sponsor. At most one alert per account and rule is not yet resolved.
create table health_alert (
  id               bigserial primary key,
  account_id       bigint        not null references account(id) on delete cascade,
  rule             varchar(40)   not null,
  severity         varchar(10)   not null,
  reason           varchar(500)  not null,
  evidence_href    varchar(300)  not null,
  -- for a band drop: the band the account fell from (the alert clears when it is back there)
  from_band        varchar(10),
  recipient_ids    bigint[]      not null,
  status           varchar(20)   not null default 'OPEN',
  raised_at        timestamptz   not null default now(),
  updated_at       timestamptz   not null default now(),
  acknowledged_at  timestamptz,
  acknowledged_by  bigint,
  resolved_at      timestamptz,
  resolved_by      bigint,
  -- USER: someone resolved it; CLEARED: the condition no longer holds
  resolution       varchar(20),
  version          bigint        not null default 0,
  constraint health_alert_status_check check (status in ('OPEN','ACKNOWLEDGED','RESOLVED')),
  constraint health_alert_severity_check check (severity in ('HIGH','MEDIUM','LOW')),
  constraint health_alert_rule_check check (rule in ('BAND_DROP','NPS_DROP','EXECUTIVE_TOUCHPOINT_OVERDUE','NO_HIRING','INVOICE_OVERDUE','ESCALATION_SURGE'))
);
create unique index health_alert_one_open_idx on health_alert (account_id, rule) where status <> 'RESOLVED';
create index health_alert_recipients_idx on health_alert using gin (recipient_ids) where status <> 'RESOLVED';
create index health_alert_account_idx on health_alert (account_id, raised_at desc);

-- The thresholds of the alert rules; one row, edited by admins.
create table health_alert_settings (
  id                          int primary key default 1,
  nps_drop_points             int not null default 20,
  touchpoint_days_strategic   int not null default 30,
  touchpoint_days_other       int not null default 90,
  no_hiring_days              int not null default 60,
  invoice_overdue_days        int not null default 45,
  escalations_per_month       int not null default 3,
  version                     bigint not null default 0,
  updated_at                  timestamptz not null default now(),
  updated_by                  varchar(100),
  constraint health_alert_settings_single check (id = 1)
);
insert into health_alert_settings (id) values (1);
