-- the in-process SMTP server's store (embedded default only): each message as received,
-- seen by every node and after a restart
create table sent_mail (
  id             bigserial primary key,
  envelope_from  varchar(320) not null,
  envelope_to    varchar(320) not null,
  subject        varchar(1000),
  message_id     varchar(500),
  raw            bytea        not null,
  received_at    timestamptz  not null
);
create index sent_mail_received_idx on sent_mail (received_at desc, id desc);
create index sent_mail_to_idx on sent_mail (lower(envelope_to));
