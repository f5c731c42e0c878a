-- The calendar (spec 02 step 4): meetings with the firm's people and clients' contacts,
-- sent as iCalendar invitations (one UID per meeting, its SEQUENCE raised by each
-- reschedule), the attendees' answers, and personal calendar feeds.
create table meeting (
  id            bigserial primary key,
  uid           varchar(200) not null unique,
  sequence      int          not null default 0,
  account_id    bigint       not null references account(id) on delete cascade,
  -- the planned call or meeting on the account's timeline
  activity_id   bigint       references activity(id) on delete set null,
  meeting_type  varchar(20)  not null,
  title         varchar(300) not null,
  starts_at     timestamptz  not null,
  ends_at       timestamptz  not null,
  time_zone     varchar(60)  not null,
  location      varchar(300),
  video_link    varchar(500),
  agenda        text,
  organizer_id  bigint       not null references app_user(id),
  status        varchar(12)  not null default 'SCHEDULED',
  version       bigint       not null default 0,
  created_at    timestamptz  not null,
  updated_at    timestamptz  not null,
  constraint meeting_type_check check (meeting_type in ('CALL', 'QBR', 'CHECK_IN', 'INTERNAL_SYNC')),
  constraint meeting_status_check check (status in ('SCHEDULED', 'CANCELLED')),
  constraint meeting_times_check check (ends_at > starts_at)
);
create index meeting_starts_idx on meeting (starts_at);
create table meeting_attendee (
  id          bigserial primary key,
  meeting_id  bigint       not null references meeting(id) on delete cascade,
  user_id     bigint       references app_user(id) on delete cascade,
  contact_id  bigint       references contact(id) on delete cascade,
  name        varchar(200) not null,
  email       varchar(320) not null,
  partstat    varchar(15)  not null default 'NEEDS-ACTION',
  constraint meeting_attendee_partstat_check check (partstat in ('NEEDS-ACTION', 'ACCEPTED', 'DECLINED', 'TENTATIVE'))
);
create index meeting_attendee_meeting_idx on meeting_attendee (meeting_id);
create index meeting_attendee_user_idx on meeting_attendee (user_id) where user_id is not null;
create table calendar_feed (
  id          bigserial primary key,
  user_id     bigint       not null references app_user(id) on delete cascade,
  token_hash  varchar(64)  not null unique,
  created_at  timestamptz  not null,
  revoked_at  timestamptz
);
