-- revenue: expansion opportunities (the pipeline board, proposals and renewals come later).
create table opportunity (
  id               bigserial primary key,
  account_id       bigint         not null references account(id) on delete cascade,
  title            varchar(300)   not null,
  stage            varchar(20)    not null,
  amount           numeric(14,2)  not null,
  currency         varchar(3)     not null,
  source           varchar(200),
  next_step        varchar(500),
  identified_on    date           not null,
  -- set when the stage becomes WON or LOST
  closed_on        date,
  owner_id         bigint         references app_user(id),
  version          bigint         not null default 0,
  created_at       timestamptz    not null default now(),
  created_by       varchar(100),
  updated_at       timestamptz    not null default now(),
  updated_by       varchar(100),
  constraint opportunity_stage_check check (stage in ('IDENTIFIED','QUALIFIED','PROPOSAL','NEGOTIATION','WON','LOST')),
  constraint opportunity_amount_check check (amount >= 0),
  constraint opportunity_closed_check check ((stage in ('WON','LOST')) = (closed_on is not null))
);
create index opportunity_account_idx on opportunity (account_id, stage);
