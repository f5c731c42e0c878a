-- Log call (spec 02 step 5): what kind of call it was and how it ended, from lists, beside
-- the activity's free-text outcome.
alter table activity add column call_type varchar(30);
alter table activity add column call_outcome varchar(20);
alter table activity add constraint activity_call_outcome_check
  check (call_outcome is null or call_outcome in ('RESOLVED', 'FOLLOW_UP', 'ESCALATE'));
