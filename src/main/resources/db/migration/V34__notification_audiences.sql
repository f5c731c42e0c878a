-- "reports to": the sales director of an account manager, who receives the notices of
-- kinds addressed to the owner's sales director
alter table app_user add column manager_id bigint references app_user (id) on delete set null;
create index app_user_manager_idx on app_user (manager_id);
