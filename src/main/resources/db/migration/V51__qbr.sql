-- Quarterly business reviews (issue 16): one row per account and quarter reviewed. Its
-- time, place and attendees are the calendar meeting's (engagement); what is QBR-specific
-- is here: the agenda, notes, action items and decisions, the decks, the quality criteria.
create table qbr (
  id                 bigserial primary key,
  account_id         bigint       not null references account(id) on delete cascade,
  -- the quarter reviewed, e.g. 2026-Q4
  quarter            varchar(7)   not null,
  -- when the tier's cadence wants it held by (the last day of the quarter after the one reviewed at the latest)
  due_date           date         not null,
  status             varchar(12)  not null default 'PLANNED',
  meeting_id         bigint       references meeting(id) on delete set null,
  owner_id           bigint       references app_user(id) on delete set null,
  agenda             text         not null default '',
  notes              text         not null default '',
  -- quality criteria of spec 03
  deck_ready_at      timestamptz,
  executive_attended boolean,
  follow_up_sent_at  timestamptz,
  completed_at       timestamptz,
  completed_by       varchar(100),
  metrics_presented  text,
  version            bigint       not null default 0,
  created_at         timestamptz  not null,
  created_by         varchar(100),
  updated_at         timestamptz  not null,
  updated_by         varchar(100),
  constraint qbr_status_check check (status in ('PLANNED', 'SCHEDULED', 'COMPLETED', 'CANCELLED')),
  constraint qbr_quarter_check check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  constraint qbr_completed_check check ((status = 'COMPLETED') = (completed_at is not null))
);
-- one live QBR per account and quarter (a cancelled one may be planned again)
create unique index qbr_account_quarter_uq on qbr (account_id, quarter) where status <> 'CANCELLED';
create index qbr_due_idx on qbr (due_date);
create index qbr_meeting_idx on qbr (meeting_id);

-- what was agreed in the meeting: an action item has an owner on either side and a due date;
-- a decision has neither
create table qbr_item (
  id                 bigserial primary key,
  qbr_id             bigint       not null references qbr(id) on delete cascade,
  kind               varchar(10)  not null,
  text               varchar(1000) not null,
  owner_side         varchar(8),
  owner_user_id      bigint       references app_user(id) on delete set null,
  owner_contact_id   bigint       references contact(id) on delete set null,
  owner_name         varchar(200),
  due_date           date,
  status             varchar(8)   not null default 'OPEN',
  -- the task made for an internal owner when the QBR is finalized
  task_id            bigint       references task(id) on delete set null,
  reminded_at        timestamptz,
  done_at            timestamptz,
  position           int          not null default 0,
  version            bigint       not null default 0,
  created_at         timestamptz  not null,
  updated_at         timestamptz  not null,
  constraint qbr_item_kind_check check (kind in ('ACTION', 'DECISION')),
  constraint qbr_item_side_check check (owner_side is null or owner_side in ('INTERNAL', 'CLIENT')),
  constraint qbr_item_owner_check check (kind = 'DECISION' or owner_side is not null),
  constraint qbr_item_status_check check (status in ('OPEN', 'DONE'))
);
create index qbr_item_qbr_idx on qbr_item (qbr_id);
create index qbr_item_open_client_idx on qbr_item (due_date) where status = 'OPEN' and owner_side = 'CLIENT';

-- the decks generated for a QBR, each a version (PPTX and its PDF), and the background run
-- that makes them
create table qbr_document (
  id                 bigserial primary key,
  qbr_id             bigint       not null references qbr(id) on delete cascade,
  version_no         int          not null,
  status             varchar(10)  not null default 'QUEUED',
  -- 0..100 while it runs
  progress           int          not null default 0,
  step               varchar(200),
  -- slides left out and why, e.g. "Placement breakdown: no placements this quarter"
  omitted            text,
  failure            varchar(1000),
  pptx               bytea,
  pdf                bytea,
  pptx_sha256        char(64),
  template_id        bigint,
  requested_by       varchar(100) not null,
  requested_by_id    bigint       references app_user(id) on delete set null,
  created_at         timestamptz  not null,
  finished_at        timestamptz,
  constraint qbr_document_status_check check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  constraint qbr_document_version_uq unique (qbr_id, version_no)
);

-- the organization's PowerPoint template (master, layouts, colours, logo); the newest active
-- one is used
create table qbr_template (
  id                 bigserial primary key,
  file_name          varchar(200) not null,
  content            bytea        not null,
  sha256             char(64)     not null,
  active             boolean      not null default true,
  uploaded_by        varchar(100) not null,
  uploaded_at        timestamptz  not null
);

-- the agenda a QBR starts from, which admins edit and the AM changes per QBR
create table qbr_agenda_template (
  id                 bigserial primary key,
  body               text         not null,
  version            bigint       not null default 0,
  updated_at         timestamptz  not null,
  updated_by         varchar(100)
);
insert into qbr_agenda_template (body, updated_at, updated_by) values (
'1. Welcome & Introductions (5 min)
2. Partnership Overview (10 min)
   - Relationship timeline
   - Strategic value delivered
3. {{quarter}} Performance Review (30 min)
   - Placements & hiring metrics
   - Time-to-fill performance
   - Quality & retention metrics
4. Success Stories (15 min)
   - Notable placements
5. {{nextQuarter}} Planning & Roadmap (20 min)
   - Anticipated hiring needs
   - Strategic initiatives
6. Feedback & Improvement Areas (5 min)
   - Client satisfaction survey results
7. Contract Renewal Discussion (10 min)
   - Renewal terms and expansion opportunities
8. Q&A & Next Steps (5 min)', now(), 'system');
