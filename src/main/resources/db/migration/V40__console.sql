-- The account manager's console reads a person's calls and meetings of the day without
-- reading every activity.
create index activity_planned_idx on activity (occurred_at) where type in ('CALL', 'MEETING');
