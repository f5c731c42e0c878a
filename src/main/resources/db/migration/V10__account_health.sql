-- accounts: the latest health score of each account, as the health module hands it on, so that
-- the accounts list and API can filter and sort by it in the same statement as the other filters.
-- A derived mark: writing it changes neither the account's version nor its audit trail.
alter table account
  add column health_score       int,
  add column health_band        varchar(10),
  add column health_computed_at timestamptz,
  add constraint account_health_score_check check (health_score is null or health_score between 0 and 100),
  add constraint account_health_band_check check (health_band is null or health_band in ('GREEN','YELLOW','RED'));
create index account_health_idx on account (health_score, id);
create index account_health_band_idx on account (health_band, lower(name));
