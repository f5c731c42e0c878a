-- billing: invoices. Days to pay and days overdue are derived from the dates, never stored.
-- A dispute and a write-off keep their own day (disputed_on, written_off_on), so that facts as
-- of a past day and the account timeline date them correctly.
create table invoice (
  id               bigserial primary key,
  account_id       bigint         not null references account(id) on delete cascade,
  invoice_number   varchar(40)    not null,
  issue_date       date           not null,
  due_date         date           not null,
  amount           numeric(14,2)  not null,
  currency         varchar(3)     not null,
  status           varchar(20)    not null,
  paid_on          date,
  dispute_reason   varchar(1000),
  disputed_on      date,
  written_off_on   date,
  version          bigint         not null default 0,
  created_at       timestamptz    not null default now(),
  created_by       varchar(100),
  updated_at       timestamptz    not null default now(),
  updated_by       varchar(100),
  constraint invoice_status_check check (status in ('OPEN','PAID','OVERDUE','DISPUTED','WRITTEN_OFF')),
  constraint invoice_amount_check check (amount > 0),
  constraint invoice_dates_check check (due_date >= issue_date),
  constraint invoice_paid_check check ((status = 'PAID') = (paid_on is not null)),
  constraint invoice_paid_date_check check (paid_on is null or paid_on >= issue_date),
  constraint invoice_written_off_check check ((status = 'WRITTEN_OFF') = (written_off_on is not null))
);
create unique index invoice_number_uq on invoice (lower(invoice_number));
create index invoice_account_idx on invoice (account_id, issue_date);
create index invoice_unpaid_idx on invoice (account_id, due_date) where status in ('OPEN','OVERDUE','DISPUTED');
