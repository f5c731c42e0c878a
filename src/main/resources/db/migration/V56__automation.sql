-- Automation (issue 17): rules are data an admin edits (a condition, what it starts, who
-- owns what it starts); each fires once per occasion (the unique key below), even with two
-- nodes scanning the same database, and its firings are listed with what they started.
create table automation_rule (
  id                 bigserial primary key,
  name               varchar(200) not null,
  -- CONTRACT_ENDING, HEALTH_BELOW, KEY_CONTACT_LEFT, QUARTERLY, BILLING_DISPUTE, FIRST_CONTRACT_SIGNED
  condition_kind     varchar(30)  not null,
  -- the condition's parameters, e.g. {"days": 90} or {"threshold": 60}
  parameters         jsonb        not null default '{}'::jsonb,
  -- START_WORKFLOW (template_id) or SMS_ALERT
  action_kind        varchar(20)  not null,
  template_id        bigint       references workflow_template(id) on delete restrict,
  -- ACCOUNT_MANAGER (the account's owner), EXECUTIVE_SPONSOR, or USER (owner_user_id)
  owner_kind         varchar(20)  not null default 'ACCOUNT_MANAGER',
  owner_user_id      bigint       references app_user(id) on delete set null,
  enabled            boolean      not null default true,
  version            bigint       not null default 0,
  created_at         timestamptz  not null,
  created_by         varchar(100),
  updated_at         timestamptz  not null,
  updated_by         varchar(100),
  constraint automation_rule_action_check check (action_kind in ('START_WORKFLOW', 'SMS_ALERT')),
  constraint automation_rule_template_check check (action_kind <> 'START_WORKFLOW' or template_id is not null)
);

create table automation_firing (
  id                 bigserial primary key,
  rule_id            bigint       not null references automation_rule(id) on delete cascade,
  -- what makes this occasion distinct, e.g. "contract:42:2027-03-01", "account:7:2026-Q4"
  occasion           varchar(200) not null,
  account_id         bigint       references account(id) on delete cascade,
  fired_at           timestamptz  not null,
  run_id             bigint       references workflow_run(id) on delete set null,
  -- what it did, in words ("Started Annual Renewal #12", "SMS to Jordan Reyes")
  result             varchar(500) not null,
  unique (rule_id, occasion)
);
create index automation_firing_rule_idx on automation_firing (rule_id, fired_at desc);
create index automation_firing_account_idx on automation_firing (account_id);
