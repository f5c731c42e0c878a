-- Email to clients' contacts sent from the product (an account manager's message, an
-- invitation): written in the sender's transaction, delivered after it commits by a
-- scheduler task, retried with back-off; the attachments beside it.
create table client_email (
  id               bigserial primary key,
  message_id       varchar(300) not null unique,
  from_name        varchar(200) not null,
  from_email       varchar(320) not null,
  to_name          varchar(200),
  to_email         varchar(320) not null,
  subject          varchar(1000) not null,
  text_body        text not null,
  in_reply_to      varchar(300),
  status           varchar(10)  not null default 'QUEUED',
  attempts         int          not null default 0,
  next_attempt_at  timestamptz  not null,
  sent_at          timestamptz,
  error            varchar(1000),
  created_at       timestamptz  not null,
  created_by       varchar(100),
  constraint client_email_status_check check (status in ('QUEUED', 'SENT', 'FAILED'))
);
create index client_email_due_idx on client_email (next_attempt_at) where status = 'QUEUED';
create table client_email_attachment (
  id            bigserial primary key,
  email_id      bigint       not null references client_email (id) on delete cascade,
  filename      varchar(200) not null,
  content_type  varchar(200) not null,
  content       bytea        not null
);
create index client_email_attachment_idx on client_email_attachment (email_id);
