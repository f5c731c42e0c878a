-- Credit memos (issue 17, the Billing Dispute template): what finance gives back on an
-- invoice after a dispute. CREDIT and ADJUSTMENT lower what the client still owes on the
-- invoice; a REFUND returns money the client paid. Numbered CM-YYYY-NNNN per calendar year.
create table credit_memo (
  id            bigserial     primary key,
  memo_number   varchar(20)   not null unique,
  -- purging an account purges its invoices and their memos; deleting one invoice that has
  -- memos is refused by the billing module
  invoice_id    bigint        not null references invoice(id) on delete cascade,
  account_id    bigint        not null references account(id) on delete cascade,
  kind          varchar(12)   not null,
  amount        numeric(14,2) not null,
  currency      varchar(3)    not null,
  reason        varchar(2000) not null,
  -- what issued it, when something did (e.g. workflow-run:42): a second issue from the same
  -- source returns the first memo, so a retried step never credits twice
  source        varchar(100)  unique,
  created_at    timestamptz   not null,
  created_by    varchar(100)  not null,
  version       bigint        not null default 0,
  constraint credit_memo_kind_check check (kind in ('CREDIT', 'REFUND', 'ADJUSTMENT')),
  constraint credit_memo_amount_check check (amount > 0)
);
create index credit_memo_invoice_idx on credit_memo (invoice_id);
create index credit_memo_account_idx on credit_memo (account_id, created_at desc);

-- the last number given in each year, taken with an upsert so that two nodes never give
-- the same one
create table credit_memo_number (
  year          int           primary key,
  last_number   int           not null
);
