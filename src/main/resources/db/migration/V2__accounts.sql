-- accounts: accounts, contacts, contracts with service lines, account team
create extension if not exists pg_trgm;

create sequence account_key_seq;

create table account (
  id                    bigserial primary key,
  account_key           varchar(20)   not null unique,
  name                  varchar(200)  not null,
  industry              varchar(120),
  employee_count        int,
  hq_location           varchar(200),
  time_zone             varchar(64)   not null,
  status                varchar(20)   not null,
  tier                  varchar(20)   not null,
  tier_override         varchar(20),
  strategic             boolean       not null default false,
  relationship_start    date,
  owner_id              bigint,
  executive_sponsor_id  bigint,
  billing_currency      varchar(3)       not null,
  region                varchar(40),
  -- ARR in the billing currency: the sum over ACTIVE contracts, kept current when contracts change.
  arr_amount            numeric(19,2) not null default 0,
  version               bigint        not null default 0,
  created_at            timestamptz   not null default now(),
  created_by            varchar(100),
  updated_at            timestamptz   not null default now(),
  updated_by            varchar(100),
  constraint account_status_check check (status in ('PROSPECT','ACTIVE','PAUSED','CHURNED')),
  constraint account_tier_check check (tier in ('STRATEGIC','GROWTH','STANDARD')),
  constraint account_tier_override_check check (tier_override is null or tier_override in ('STRATEGIC','GROWTH','STANDARD')),
  constraint account_employee_count_check check (employee_count is null or employee_count >= 0)
);
create index account_name_trgm_idx on account using gin (lower(name) gin_trgm_ops);
create index account_name_idx on account (lower(name), id);
create index account_owner_idx on account (owner_id, lower(name));
create index account_tier_idx on account (tier, lower(name));
create index account_status_idx on account (status, lower(name));
create index account_arr_idx on account (arr_amount desc, id);
create index account_strategic_idx on account (lower(name)) where strategic;

-- Internal people who work on an account besides its owner (recruiters see only these accounts).
create table account_team_member (
  account_id  bigint      not null references account(id) on delete cascade,
  user_id     bigint      not null,
  team_role   varchar(40) not null,
  added_at    timestamptz not null default now(),
  primary key (account_id, user_id)
);
create index account_team_member_user_idx on account_team_member (user_id);

create table contact (
  id                bigserial primary key,
  account_id        bigint        not null references account(id) on delete cascade,
  name              varchar(200)  not null,
  title             varchar(200),
  email             varchar(320),
  phone             varchar(50),
  time_zone         varchar(64),
  stakeholder_role  varchar(20)   not null,
  influence         varchar(10)   not null,
  active            boolean       not null default true,
  version           bigint        not null default 0,
  created_at        timestamptz   not null default now(),
  created_by        varchar(100),
  updated_at        timestamptz   not null default now(),
  updated_by        varchar(100),
  constraint contact_role_check check (stakeholder_role in ('EXECUTIVE','ECONOMIC_BUYER','CHAMPION','HIRING_MANAGER','FINANCE','OTHER')),
  constraint contact_influence_check check (influence in ('HIGH','MEDIUM','LOW'))
);
create index contact_account_idx on contact (account_id, lower(name));
-- A second contact with the same email at the same account is refused.
create unique index contact_account_email_uq on contact (account_id, lower(email)) where email is not null;

create table contract (
  id               bigserial primary key,
  account_id       bigint        not null references account(id) on delete cascade,
  type             varchar(10)   not null,
  contract_number  varchar(40)   not null unique,
  start_date       date          not null,
  end_date         date          not null,
  status           varchar(20)   not null,
  payment_terms    varchar(40)   not null,
  currency         varchar(3)       not null,
  version          bigint        not null default 0,
  created_at       timestamptz   not null default now(),
  created_by       varchar(100),
  updated_at       timestamptz   not null default now(),
  updated_by       varchar(100),
  constraint contract_type_check check (type in ('MSA','SOW')),
  constraint contract_status_check check (status in ('DRAFT','ACTIVE','EXPIRED','RENEWED','TERMINATED')),
  constraint contract_dates_check check (end_date >= start_date)
);
create index contract_account_idx on contract (account_id, status);
create index contract_end_idx on contract (end_date) where status = 'ACTIVE';

create table service_line (
  id            bigserial primary key,
  contract_id   bigint        not null references contract(id) on delete cascade,
  position      int           not null,
  name          varchar(200)  not null,
  annual_value  numeric(19,2) not null,
  constraint service_line_value_check check (annual_value >= 0)
);
create index service_line_contract_idx on service_line (contract_id, position);
