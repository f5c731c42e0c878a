-- accounts: deleting an account archives it. An archived account keeps every record of every
-- module; it leaves lists, searches, exports and health scores until an executive or admin
-- restores it. Only a purge (admin, typed confirmation) removes the rows.
alter table account add column archived_at timestamptz;
alter table account add column archived_by varchar(100);
alter table account add constraint account_archived_check check ((archived_at is null) = (archived_by is null));
-- The "Archived" filter of the accounts list reads only these few rows.
create index account_archived_idx on account (lower(name), id) where archived_at is not null;
