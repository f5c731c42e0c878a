-- notifications: one row per recipient (the in-app bell and list), one delivery per outside
-- channel; both written in the transaction of the change that caused them.

create table notification (
  id            bigserial primary key,
  recipient_id  bigint       not null references app_user (id) on delete cascade,
  kind          varchar(80)  not null,
  severity      varchar(10)  not null,
  account_id    bigint       references account (id) on delete cascade,
  record_type   varchar(40)  not null,
  record_id     bigint       not null,
  occasion      varchar(120) not null,
  title         varchar(300) not null,
  body          text         not null,
  link          varchar(500),
  reply_to_id   bigint       references app_user (id) on delete set null,
  actor         varchar(100) not null,
  created_at    timestamptz  not null,
  read_at       timestamptz,
  constraint notification_severity_check check (severity in ('URGENT','HIGH','NORMAL','LOW'))
);
-- the deterministic key: a replay, a second node or a second call never notifies twice
create unique index notification_key_uq on notification (kind, record_type, record_id, recipient_id, occasion);
create index notification_inbox_idx on notification (recipient_id, created_at desc, id desc);
create index notification_unread_idx on notification (recipient_id) where read_at is null;
create index notification_account_idx on notification (account_id);

create table notification_delivery (
  id              bigserial primary key,
  notification_id bigint       not null references notification (id) on delete cascade,
  channel         varchar(10)  not null,
  -- QUEUED: to send at due_at; HELD: in quiet hours until due_at; DIGEST: goes out with
  -- the daily digest at due_at; SENT; FAILED: gave up (admins may retry); SKIPPED: nothing
  -- to send to (no phone number, no chat configured)
  status          varchar(10)  not null,
  due_at          timestamptz  not null,
  attempts        int          not null default 0,
  last_error      text,
  claimed_until   timestamptz,
  sent_at         timestamptz,
  created_at      timestamptz  not null,
  constraint notification_delivery_channel_check check (channel in ('EMAIL','CHAT','SMS')),
  constraint notification_delivery_status_check check (status in ('QUEUED','HELD','DIGEST','SENT','FAILED','SKIPPED'))
);
create unique index notification_delivery_key_uq on notification_delivery (notification_id, channel);
create index notification_delivery_due_idx on notification_delivery (due_at) where status in ('QUEUED','HELD','DIGEST');
create index notification_delivery_failed_idx on notification_delivery (status) where status = 'FAILED';

create table notification_attempt (
  id           bigserial primary key,
  delivery_id  bigint      not null references notification_delivery (id) on delete cascade,
  at           timestamptz not null,
  succeeded    boolean     not null,
  error        text
);
create index notification_attempt_delivery_idx on notification_attempt (delivery_id, at);

-- each user's choices: channels per kind (a missing row: the kind's default channels)
create table notification_preference (
  user_id   bigint      not null references app_user (id) on delete cascade,
  kind      varchar(80) not null,
  email     boolean     not null,
  chat      boolean     not null,
  sms       boolean     not null,
  primary key (user_id, kind)
);

-- quiet hours and the daily digest, in the user's time zone (app_user.time_zone); where
-- chat and SMS reach them
create table notification_settings (
  user_id           bigint      primary key references app_user (id) on delete cascade,
  quiet_start       time,
  quiet_end         time,
  digest            boolean     not null default false,
  digest_time       time        not null default '08:00',
  phone             varchar(20),
  chat_webhook_url  varchar(500),
  version           bigint      not null default 0
);
