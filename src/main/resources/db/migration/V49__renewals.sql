-- Renewals: the record of each contract's renewal, the probabilities recorded 90, 60 and
-- 30 days before it and scored against its outcome, and the models fitted on them.

create table renewal (
  id                   bigserial primary key,
  account_id           bigint        not null references account(id) on delete cascade,
  -- the contract that ends; null for renewals imported as history
  contract_id          bigint        unique,
  contract_number      varchar(40),
  renewal_date         date          not null,
  current_arr          numeric(19,2) not null,
  currency             varchar(3)    not null,
  stage                varchar(20)   not null,
  owner_id             bigint,
  target_date          date,
  proposed_terms       varchar(2000),
  proposed_arr         numeric(19,2),
  probability_override int,
  override_reason      varchar(500),
  override_by          varchar(100),
  outcome              varchar(24),
  outcome_arr          numeric(19,2),
  outcome_note         varchar(1000),
  closed_on            date,
  opened_automatically boolean       not null default false,
  initiated_probability int,
  version              bigint        not null default 0,
  created_at           timestamptz   not null default now(),
  created_by           varchar(100),
  updated_at           timestamptz   not null default now(),
  updated_by           varchar(100),
  constraint renewal_stage_check check (stage in ('OPEN','PROPOSAL','NEGOTIATION','CLOSED')),
  constraint renewal_outcome_check check (outcome is null or outcome in ('RENEWED','RENEWED_WITH_CHANGE','DOWNGRADED','CHURNED')),
  constraint renewal_closed_check check ((stage = 'CLOSED') = (outcome is not null)),
  constraint renewal_override_check check (probability_override is null or probability_override between 0 and 100)
);
create index renewal_account_idx on renewal (account_id, renewal_date);
create index renewal_open_idx on renewal (renewal_date) where stage <> 'CLOSED';

-- The probability as it stood 90, 60 and 30 days before the renewal date, with the
-- factor values it came from; renewed is set when the outcome is known.
create table renewal_forecast (
  id                   bigserial primary key,
  account_id           bigint        not null references account(id) on delete cascade,
  renewal_id           bigint        references renewal(id) on delete cascade,
  contract_id          bigint,
  renewal_date         date          not null,
  horizon              int           not null,
  recorded_on          date          not null,
  explicit_probability numeric(6,4)  not null,
  fitted_probability   numeric(6,4),
  factors              numeric[]     not null,
  renewed              boolean,
  constraint renewal_forecast_horizon_check check (horizon in (90, 60, 30)),
  constraint renewal_forecast_once unique (contract_id, horizon)
);
create index renewal_forecast_closed_idx on renewal_forecast (horizon, renewal_date) where renewed is not null;
create index renewal_forecast_renewal_idx on renewal_forecast (renewal_id);

-- Each fit of the renewal model on the closed renewals of the time.
create table renewal_model (
  id                   bigserial primary key,
  fitted_at            timestamptz   not null,
  trained_on           int           not null,
  -- the Tribuo model, serialized
  model                bytea         not null
);
