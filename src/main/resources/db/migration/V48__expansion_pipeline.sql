-- issue 15 §3: the expansion pipeline board, proposals and their approval, rate cards.

-- revenue: an opportunity's champion (a contact of its account) and when its next step is due
alter table opportunity add column champion_contact_id bigint references contact(id) on delete set null;
alter table opportunity add column next_step_due date;

-- revenue: every move of an opportunity from one stage to another
create table opportunity_stage_change (
  id               bigserial primary key,
  opportunity_id   bigint        not null references opportunity(id) on delete cascade,
  from_stage       varchar(20),
  to_stage         varchar(20)   not null,
  changed_by       varchar(100)  not null,
  changed_at       timestamptz   not null
);
create index opportunity_stage_change_idx on opportunity_stage_change (opportunity_id, changed_at);

-- revenue: discovery notes on an opportunity
create table opportunity_note (
  id               bigserial primary key,
  opportunity_id   bigint         not null references opportunity(id) on delete cascade,
  body             varchar(4000)  not null,
  author           varchar(100)   not null,
  author_name      varchar(200)   not null,
  created_at       timestamptz    not null
);
create index opportunity_note_idx on opportunity_note (opportunity_id, created_at);

-- revenue: the quarterly expansion goal of an account manager (spec 03: pipeline coverage 3x)
create table expansion_goal (
  owner_id         bigint         not null references app_user(id) on delete cascade,
  quarter          varchar(7)     not null,
  amount           numeric(14,2)  not null check (amount > 0),
  currency         varchar(3)     not null,
  version          bigint         not null default 0,
  set_by           varchar(100)   not null,
  set_at           timestamptz    not null,
  primary key (owner_id, quarter),
  constraint expansion_goal_quarter_check check (quarter ~ '^[0-9]{4}-Q[1-4]$')
);

-- accounts: a contract's rate card (hourly bill rates per role)
create table contract_rate (
  id               bigserial primary key,
  contract_id      bigint         not null references contract(id) on delete cascade,
  position         int            not null,
  role             varchar(200)   not null,
  min_rate         numeric(10,2)  not null check (min_rate >= 0),
  max_rate         numeric(10,2)  not null,
  unit             varchar(10)    not null default 'HOUR' check (unit = 'HOUR'),
  constraint contract_rate_range_check check (max_rate >= min_rate)
);
create index contract_rate_contract_idx on contract_rate (contract_id, position);

-- revenue: an expansion proposal of an opportunity, saved as immutable versions
create table proposal (
  id               bigserial primary key,
  opportunity_id   bigint         not null unique references opportunity(id) on delete cascade,
  account_id       bigint         not null references account(id) on delete cascade,
  currency         varchar(3)     not null,
  status           varchar(20)    not null,
  current_version  int            not null,
  approved_version int,
  reviewer_id      bigint         references app_user(id),
  review_task_id   bigint,
  review_comment   varchar(2000),
  reviewed_by      varchar(100),
  reviewed_at      timestamptz,
  sent_version     int,
  sent_at          timestamptz,
  sent_by          varchar(100),
  sent_pdf         bytea,
  version          bigint         not null default 0,
  created_at       timestamptz    not null,
  created_by       varchar(100),
  updated_at       timestamptz    not null,
  updated_by       varchar(100),
  constraint proposal_status_check check (status in ('DRAFT','IN_REVIEW','RETURNED','APPROVED','SENT'))
);

create table proposal_version (
  proposal_id      bigint         not null references proposal(id) on delete cascade,
  number           int            not null,
  title            varchar(300)   not null,
  discount_percent numeric(5,2)   not null default 0,
  low_roles        int            not null,
  low_months       int            not null,
  high_roles       int            not null,
  high_months      int            not null,
  hours_per_month  int            not null,
  author           varchar(100)   not null,
  author_name      varchar(200)   not null,
  created_at       timestamptz    not null,
  primary key (proposal_id, number)
);

create table proposal_section (
  proposal_id      bigint         not null,
  version_number   int            not null,
  section          varchar(20)    not null,
  body             text           not null,
  primary key (proposal_id, version_number, section),
  foreign key (proposal_id, version_number) references proposal_version(proposal_id, number) on delete cascade
);

create table proposal_rate_line (
  proposal_id      bigint         not null,
  version_number   int            not null,
  position         int            not null,
  role             varchar(200)   not null,
  rate             numeric(10,2)  not null check (rate >= 0),
  card_min         numeric(10,2),
  card_max         numeric(10,2),
  primary key (proposal_id, version_number, position),
  foreign key (proposal_id, version_number) references proposal_version(proposal_id, number) on delete cascade
);
