-- Revenue: every change of recurring revenue as an ARR movement, derived from contracts
-- (never typed), the ledger it is derived against, and the exchange rates finance keeps.

create table arr_movement (
  id              bigserial primary key,
  account_id      bigint        not null references account(id) on delete cascade,
  -- the contract the change came from; kept when the contract is deleted (the movement stays)
  contract_id     bigint,
  contract_number varchar(40),
  kind            varchar(12)   not null,
  occurred_on     date          not null,
  -- the signed change of ARR; for a RENEWAL the ARR renewed (no change of ARR)
  amount          numeric(19,2) not null,
  currency        varchar(3)    not null,
  cause           varchar(500)  not null,
  churn_category  varchar(12),
  version         bigint        not null default 0,
  recorded_at     timestamptz   not null default now(),
  recorded_by     varchar(100),
  constraint arr_movement_kind_check check (kind in ('NEW','EXPANSION','CONTRACTION','CHURN','RENEWAL')),
  constraint arr_movement_sign_check check (
    (kind in ('NEW','EXPANSION','RENEWAL') and amount > 0) or (kind in ('CONTRACTION','CHURN') and amount < 0)),
  constraint arr_movement_category_check check (
    (kind = 'CHURN') = (churn_category is not null)
    and (churn_category is null or churn_category in ('VOLUNTARY','INVOLUNTARY','STRUCTURAL')))
);
-- KPIs read an account's movements up to a date: the covering index answers without the table
create index arr_movement_account_idx on arr_movement (account_id, occurred_on) include (kind, amount, currency, churn_category);
create index arr_movement_date_idx on arr_movement (occurred_on, account_id);

-- The ARR each contract contributes as last recorded: movements are the differences
-- between a contract's terms now and this ledger.
create table contract_arr (
  contract_id     bigint        primary key,
  account_id      bigint        not null references account(id) on delete cascade,
  contract_number varchar(40)   not null,
  currency        varchar(3)    not null,
  arr             numeric(19,2) not null,
  status          varchar(20)   not null
);
create index contract_arr_account_idx on contract_arr (account_id);

-- A churn's category, said before the contract ends (the renewal's outcome): read when
-- the churn is recorded.
create table churn_reason (
  contract_id     bigint        primary key,
  account_id      bigint        not null references account(id) on delete cascade,
  category        varchar(12)   not null,
  note            varchar(1000),
  constraint churn_reason_category_check check (category in ('VOLUNTARY','INVOLUNTARY','STRUCTURAL'))
);

-- Exchange rates kept by finance. Reported figures convert at the month's rate;
-- constant-currency figures at one fixed rate per year (spec 03, multi-currency).
create table fx_rate (
  kind            varchar(10)   not null,
  -- the first day of the month (MONTHLY) or of the year (CONSTANT)
  period_start    date          not null,
  currency        varchar(3)    not null,
  usd_rate        numeric(19,8) not null,
  version         bigint        not null default 0,
  updated_at      timestamptz   not null default now(),
  updated_by      varchar(100),
  primary key (kind, period_start, currency),
  constraint fx_rate_kind_check check (kind in ('MONTHLY','CONSTANT')),
  constraint fx_rate_positive_check check (usd_rate > 0),
  constraint fx_rate_period_check check (extract(day from period_start) = 1
    and (kind = 'MONTHLY' or extract(month from period_start) = 1))
);
