-- Every entry of the domain event log names who caused it: a user's username, or 'system'
-- (the nightly recompute, start-up, work done after a commit that no user asked for).
alter table domain_event add column actor_name varchar(100);
update domain_event e set actor_name = coalesce((select u.username from app_user u where u.id = e.actor_id), 'system');
alter table domain_event alter column actor_name set not null;
