-- A score's components are stored as arrays in the model's order instead of one JSON document
-- per account, and apart from the score itself: key, label, measure, maximum and band label
-- belong to the model version the score cites, so they are not copied into every row, and what
-- the facts say (inputs, bands reached, sentences) changes far less often than the points (a
-- model change moves the points and keeps the sentences). A recompute then rewrites a row of
-- about 100 bytes where it rewrote about 1.9 KB, and touches the details only where facts moved.
create table account_health_detail (
  account_id    bigint      primary key references account_health(account_id) on delete cascade,
  inputs_x      numeric[]   not null,
  inputs_y      numeric[]   not null,
  -- the band reached per component: its index in the model's bands, -1 none of them,
  -- -2 collections involvement (payment, an invoice written off); null where the input is missing
  bands         smallint[]  not null,
  -- the sentence per component; day counts are {days:YYYY-MM-DD} tokens, rendered when read
  -- (so that a day passing does not change what is stored)
  explanations  text[]      not null,
  -- a 64-bit hash of the above (and of the components' keys)
  fingerprint   bigint      not null
);

insert into account_health_detail (account_id, inputs_x, inputs_y, bands, explanations, fingerprint)
select h.account_id,
       array(select (c.value ->> 'x')::numeric
             from jsonb_array_elements(h.components) with ordinality c order by c.ordinality),
       array(select (c.value ->> 'y')::numeric
             from jsonb_array_elements(h.components) with ordinality c order by c.ordinality),
       array(select case
               when c.value ->> 'points' is null then null
               when c.value ->> 'reached' like 'Collections%' then -2
               else coalesce((select (b.ordinality - 1)::smallint
                              from jsonb_array_elements(m.definition -> 'components' -> (c.ordinality::int - 1) -> 'bands')
                                   with ordinality b
                              where b.value ->> 'label' = c.value ->> 'reached'
                              order by b.ordinality limit 1), -1) end
             from jsonb_array_elements(h.components) with ordinality c order by c.ordinality),
       array(select c.value ->> 'explanation'
             from jsonb_array_elements(h.components) with ordinality c order by c.ordinality),
       0
from account_health h
join health_model m on m.version = h.model_version;

-- The fingerprint no longer covers the day: every migrated score is rewritten by the next run.
update account_health set fingerprint = 0;
alter table account_health drop column components;

comment on column account_health.as_of is
  'the day this score was last computed with a different result; a full run (health_run) confirms it for later days';
comment on column account_health.fingerprint is
  'a 64-bit hash of what is shown apart from the day (model version, points, and the details'' fingerprint)';

-- A recompute rewrites current scores in place: room on each page lets PostgreSQL keep the new
-- version of a row beside the old one (a HOT update) instead of also writing the primary key index.
alter table account_health set (fillfactor = 70);

-- The history is an append-only log of derived data, written only by the recompute for accounts it
-- has just read and with the model version it has just scored with; accounts are archived, never
-- deleted, and a saved model version is never deleted either. The two foreign keys cost two
-- lookups per history row: most of the time of writing the history of a full recompute.
alter table account_health_history drop constraint account_health_history_model_version_fkey;
alter table account_health_history drop constraint account_health_history_account_id_fkey;

-- The full recomputes (nightly, after a model change, by an admin): the last one's day is the day
-- every score is known to be current as of, also for the scores it found unchanged.
create table health_run (
  id            bigserial     primary key,
  as_of         date          not null,
  model_version int           not null,
  started_at    timestamptz   not null,
  finished_at   timestamptz   not null,
  accounts      int           not null,
  changed       int           not null,
  millis        bigint        not null
);
create index health_run_as_of_idx on health_run (as_of desc);
