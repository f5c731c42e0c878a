-- The end-of-day summaries account managers sent to their manager (spec 02 step 18): what
-- was sent, to whom and when; the figures themselves are computed from the records.
create table daily_summary (
  id          bigserial primary key,
  user_id     bigint       not null references app_user(id) on delete cascade,
  day         date         not null,
  sent_to_id  bigint       not null references app_user(id),
  sent_at     timestamptz  not null,
  subject     varchar(300) not null,
  body        text         not null,
  note        text
);
create index daily_summary_user_day_idx on daily_summary (user_id, day, sent_at desc);
