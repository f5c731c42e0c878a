-- engagement: NPS responses and activities (calls, emails, meetings, notes).
create table nps_response (
  id               bigserial primary key,
  account_id       bigint         not null references account(id) on delete cascade,
  contact_id       bigint         references contact(id) on delete set null,
  score            int            not null,
  comment          varchar(2000),
  responded_on     date           not null,
  survey_type      varchar(20)    not null,
  version          bigint         not null default 0,
  created_at       timestamptz    not null default now(),
  created_by       varchar(100),
  updated_at       timestamptz    not null default now(),
  updated_by       varchar(100),
  constraint nps_score_check check (score between 0 and 10),
  constraint nps_type_check check (survey_type in ('TRANSACTIONAL','RELATIONSHIP'))
);
create index nps_account_idx on nps_response (account_id, responded_on);

create table activity (
  id                     bigserial primary key,
  account_id             bigint         not null references account(id) on delete cascade,
  type                   varchar(10)    not null,
  -- INBOUND (the client reached us), OUTBOUND (we reached them) or INTERNAL (a note)
  direction              varchar(10)    not null,
  subject                varchar(300)   not null,
  notes                  text,
  occurred_at            timestamptz    not null,
  duration_minutes       int,
  outcome                varchar(500),
  sentiment              varchar(10),
  tags                   text[]         not null default '{}',
  -- the account's contacts who took part and the firm's people who took part
  contact_ids            bigint[]       not null default '{}',
  participant_ids        bigint[]       not null default '{}',
  -- a call or meeting with an EXECUTIVE contact or with the account's executive sponsor,
  -- decided when the activity is saved (who the sponsor was then)
  executive_touchpoint   boolean        not null default false,
  version                bigint         not null default 0,
  created_at             timestamptz    not null default now(),
  created_by             varchar(100),
  updated_at             timestamptz    not null default now(),
  updated_by             varchar(100),
  constraint activity_type_check check (type in ('CALL','EMAIL','MEETING','NOTE')),
  constraint activity_direction_check check (direction in ('INBOUND','OUTBOUND','INTERNAL')),
  constraint activity_sentiment_check check (sentiment is null or sentiment in ('POSITIVE','NEUTRAL','NEGATIVE')),
  constraint activity_duration_check check (duration_minutes is null or duration_minutes between 0 and 1440)
);
create index activity_account_idx on activity (account_id, occurred_at desc);
create index activity_contacts_idx on activity using gin (contact_ids);
