-- Onboarding automation (issue 17, spec 04 step 16): a duplicate contact is merged into the
-- contact kept, keeping all its history and links.
--
-- Other modules refer to a contact through a foreign key to contact(id) (activities' NPS
-- responses, escalations, meeting attendees, QBR items, opportunities' champions, workflow
-- roles, steps, links, signers and file views …), and without one through a
-- record_type = 'contact' / record_id pair (tasks, notifications) and an activity's
-- contact_ids. This function moves every such reference from the duplicate to the kept
-- contact. It finds the foreign keys in the catalog, the same list PostgreSQL follows when a
-- contact is deleted, so a table added later is moved too without a change here. Where a
-- unique constraint allows the kept contact one such row and it already has it (a file it
-- already opened, the same notification), the duplicate's row is dropped instead of moved.
-- A moved row's version (where it has one) goes up, so an edit made from before the merge
-- is refused as stale instead of writing the duplicate back. The contact rows themselves
-- (filling the kept one, deleting the duplicate) are the accounts module's, in the same
-- transaction.
create function merge_contact_references(duplicate_id bigint, kept_id bigint)
  returns table (reference text, moved int, dropped int)
  language plpgsql as $$
declare
  ref record;
  found_row record;
  n int;
  bump text;
begin
  if exists (select 1 from pg_constraint c
              where c.contype = 'f' and c.confrelid = 'contact'::regclass and cardinality(c.conkey) <> 1) then
    raise exception 'A foreign key of several columns refers to contact; merge_contact_references moves single columns only';
  end if;
  for ref in
    select c.conrelid::regclass::text as tbl, quote_ident(a.attname) as col, '' as condition, c.conrelid as rel
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     where c.contype = 'f' and c.confrelid = 'contact'::regclass
    union all
    select cl.oid::regclass::text, 'record_id', ' and record_type = ''contact''', cl.oid
      from pg_class cl
     where cl.relkind = 'r' and cl.relnamespace = current_schema()::regnamespace
       and exists (select 1 from pg_attribute t where t.attrelid = cl.oid and t.attname = 'record_type'
                     and not t.attisdropped)
       and exists (select 1 from pg_attribute i where i.attrelid = cl.oid and i.attname = 'record_id'
                     and not i.attisdropped)
    order by 1, 2
  loop
    moved := 0;
    dropped := 0;
    bump := case when exists (select 1 from pg_attribute v where v.attrelid = ref.rel and v.attname = 'version'
                                and not v.attisdropped)
                 then ', version = version + 1' else '' end;
    begin
      execute format('update %s set %s = $1%s where %s = $2%s', ref.tbl, ref.col, bump, ref.col, ref.condition)
        using kept_id, duplicate_id;
      get diagnostics n = row_count;
      moved := n;
    exception when unique_violation then
      -- the kept contact already has some of these rows: move the others one by one
      for found_row in execute format('select ctid as row_id from %s where %s = $1%s', ref.tbl, ref.col,
                                      ref.condition) using duplicate_id loop
        begin
          execute format('update %s set %s = $1%s where ctid = $2', ref.tbl, ref.col, bump)
            using kept_id, found_row.row_id;
          moved := moved + 1;
        exception when unique_violation then
          execute format('delete from %s where ctid = $1', ref.tbl) using found_row.row_id;
          dropped := dropped + 1;
        end;
      end loop;
    end;
    if moved > 0 or dropped > 0 then
      reference := ref.tbl || '.' || ref.col;
      return next;
    end if;
  end loop;
  -- an activity names the contacts who took part in an array: the kept contact takes the
  -- duplicate's place, once, in the same order
  for ref in
    select a.attrelid::regclass::text as tbl, a.attrelid as rel
      from pg_attribute a join pg_class cl on cl.oid = a.attrelid
     where a.attname = 'contact_ids' and a.atttypid = 'bigint[]'::regtype and not a.attisdropped
       and cl.relkind = 'r' and cl.relnamespace = current_schema()::regnamespace
  loop
    dropped := 0;
    bump := case when exists (select 1 from pg_attribute v where v.attrelid = ref.rel and v.attname = 'version'
                                and not v.attisdropped)
                 then ', version = version + 1' else '' end;
    execute format('update %s set contact_ids = array(select x from unnest(array_replace(contact_ids, $2, $1))'
                   ' with ordinality as u(x, i) group by x order by min(i))%s where $2 = any(contact_ids)',
                   ref.tbl, bump)
      using kept_id, duplicate_id;
    get diagnostics n = row_count;
    moved := n;
    if moved > 0 then
      reference := ref.tbl || '.contact_ids';
      return next;
    end if;
  end loop;
end $$;
