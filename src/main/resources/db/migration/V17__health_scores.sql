-- health: the health models (data, versioned: every change is a new version), each account's
-- current score with its components, and the history of every computation.
create table health_model (
  version      int            primary key,
  definition   jsonb          not null,
  note         varchar(500),
  created_at   timestamptz    not null default now(),
  created_by   varchar(100)
);

create table account_health (
  account_id     bigint        primary key references account(id) on delete cascade,
  as_of          date          not null,
  computed_at    timestamptz   not null,
  model_version  int           not null references health_model(version),
  score          int           not null,
  band           varchar(10)   not null,
  -- points per component of the model, in the model's order; null where the input is missing
  points         int[]         not null,
  -- the components as shown: points, maximum, input, explanation (see HealthStore)
  components     jsonb         not null,
  -- a 64-bit hash of what is shown (day, model, points, inputs, explanations): a recompute that
  -- would write the same thing again is recognised without reading the components back
  fingerprint    bigint        not null,
  constraint account_health_score_check check (score between 0 and 100),
  constraint account_health_band_check check (band in ('GREEN','YELLOW','RED'))
);

create table account_health_history (
  account_id     bigint        not null references account(id) on delete cascade,
  as_of          date          not null,
  computed_at    timestamptz   not null,
  model_version  int           not null references health_model(version),
  score          int           not null,
  band           varchar(10)   not null,
  points         int[]         not null
);
create index account_health_history_idx on account_health_history (account_id, as_of, computed_at);

-- Scheduled work claimed through the database, so that each run happens once across nodes.
create table scheduled_claim (
  job          varchar(60)    primary key,
  last_run_on  date           not null,
  claimed_at   timestamptz    not null,
  claimed_by   varchar(200)   not null
);
