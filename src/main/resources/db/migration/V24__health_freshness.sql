-- Health: when each account's score was last checked against its facts, and when its facts last
-- changed. A recompute that finds the score unchanged leaves computed_at as it was (the score's
-- story stays the story of its changes), so checked_at says when it was last confirmed; a page
-- compares the two times to tell a score that still waits for its recompute ("recomputing…")
-- from one that is current ("checked just now, unchanged").
alter table account_health add column checked_at timestamptz;
update account_health set checked_at = computed_at;
comment on column account_health.checked_at is
  'when a recompute of this account last read its facts (changed or not); a full run confirms every score by its health_run row instead';

-- Written in the transaction of the change (one statement per transaction, just before it commits).
create table health_fact_change (
  account_id  bigint       primary key references account(id) on delete cascade,
  changed_at  timestamptz  not null
);
