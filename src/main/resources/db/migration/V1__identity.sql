-- identity: users, API tokens, audit trail, domain event log

create table app_user (
  id              bigserial primary key,
  username        varchar(100) not null,
  full_name       varchar(200) not null,
  email           varchar(320) not null,
  title           varchar(200),
  role            varchar(40)  not null,
  password_hash   varchar(200) not null,
  time_zone       varchar(64)  not null default 'America/Los_Angeles',
  enabled         boolean      not null default true,
  failed_logins   int          not null default 0,
  locked_until    timestamptz,
  version         bigint       not null default 0,
  created_at      timestamptz  not null default now(),
  created_by      varchar(100),
  updated_at      timestamptz  not null default now(),
  updated_by      varchar(100),
  constraint app_user_role_check check (role in ('EXECUTIVE','SALES_DIRECTOR','ACCOUNT_MANAGER','RECRUITING_MANAGER','RECRUITER','FINANCE','LEGAL','ADMIN'))
);
create unique index app_user_username_uq on app_user (lower(username));

create table api_token (
  id            bigserial primary key,
  user_id       bigint       not null references app_user(id),
  name          varchar(100) not null,
  token_hash    varchar(64)     not null unique,
  token_prefix  varchar(16)  not null,
  created_at    timestamptz  not null default now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
create index api_token_user_idx on api_token (user_id);

-- Field-level audit trail: one row per changed field (or one row for a create, delete or denied request).
create table audit_entry (
  id           bigserial primary key,
  occurred_at  timestamptz  not null default now(),
  actor_id     bigint,
  actor_name   varchar(100),
  entity_type  varchar(40)  not null,
  entity_id    bigint,
  action       varchar(20)  not null,
  field        varchar(80),
  old_value    text,
  new_value    text,
  detail       text
);
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id, occurred_at desc);
create index audit_entry_action_idx on audit_entry (action, occurred_at desc);

-- The domain event log: the events of the spec's "Events Logged" tables with their payloads.
create table domain_event (
  id           bigserial primary key,
  type         varchar(80)  not null,
  account_id   bigint,
  occurred_at  timestamptz  not null default now(),
  actor_id     bigint,
  payload      jsonb        not null
);
create index domain_event_type_idx on domain_event (type, occurred_at desc);
create index domain_event_account_idx on domain_event (account_id, occurred_at desc);
create index domain_event_time_idx on domain_event (occurred_at desc);
