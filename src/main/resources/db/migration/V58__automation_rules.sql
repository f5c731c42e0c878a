-- Automation rules (issue 17): the rules every organization starts with are created on the first
-- start by whichever node gets there first; their stable key makes that insert idempotent across
-- nodes and restarts (rules admins add have none).
alter table automation_rule add column rule_key varchar(40);
alter table automation_rule add constraint automation_rule_key_uq unique (rule_key);
alter table automation_rule add constraint automation_rule_condition_check check (condition_kind in
  ('CONTRACT_ENDING', 'HEALTH_BELOW', 'KEY_CONTACT_LEFT', 'QUARTERLY', 'BILLING_DISPUTE', 'FIRST_CONTRACT_SIGNED'));
alter table automation_rule add constraint automation_rule_owner_check check (owner_kind in
  ('ACCOUNT_MANAGER', 'EXECUTIVE_SPONSOR', 'USER'));

-- The firings of an account, newest first (the account's firing list).
drop index automation_firing_account_idx;
create index automation_firing_account_idx on automation_firing (account_id, fired_at desc);
