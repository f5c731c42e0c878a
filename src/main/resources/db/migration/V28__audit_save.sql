-- A save (one form posted, one API call) writes one audit row per field; the history pages
-- by save, so each row names its save. Rows written before this migration are grouped as the
-- history page grouped them: rows of one record, action and actor less than 5 seconds apart.
create sequence audit_save_seq;
alter table audit_entry add column save_no bigint;

update audit_entry a set save_no = g.save_no
from (
  select id, dense_rank() over (order by entity_type, entity_id, action, actor_name, grp, single) as save_no
  from (
    select id, entity_type, entity_id, action, actor_name,
           case when field is null then id end as single,
           sum(starts) over (partition by entity_type, entity_id, action, actor_name order by occurred_at, id) as grp
    from (
      select *, case when field is null
                       or lag(occurred_at) over p is null
                       or occurred_at - lag(occurred_at) over p > interval '5 seconds'
                  then 1 else 0 end as starts
      from audit_entry
      window p as (partition by entity_type, entity_id, action, actor_name order by occurred_at, id)
    ) marked
  ) grouped
) g
where a.id = g.id;

select setval('audit_save_seq', coalesce((select max(save_no) from audit_entry), 0) + 1, false);
alter table audit_entry alter column save_no set default nextval('audit_save_seq');
alter table audit_entry alter column save_no set not null;
alter sequence audit_save_seq owned by audit_entry.save_no;
create index audit_entry_save_idx on audit_entry (save_no);
