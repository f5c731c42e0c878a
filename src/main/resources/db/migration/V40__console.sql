-- The account manager's console reads a person's calls and meetings of the day, and the
-- status of their preparation tasks, without reading every activity or task.
create index activity_planned_idx on activity (occurred_at) where type in ('CALL', 'MEETING');
create index task_record_idx on task (record_type, record_id) where record_id is not null;
