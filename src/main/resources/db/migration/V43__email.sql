-- Email from the product (spec 02 steps 6, 7 and 10): the templates account managers send
-- from, the thread an email belongs to, and the review of inbound mail.
create table email_template (
  id          bigserial primary key,
  template_key varchar(40)  not null unique,
  name        varchar(200) not null,
  subject     varchar(300) not null,
  body        text         not null,
  version     bigint       not null default 0,
  updated_at  timestamptz  not null default now(),
  updated_by  varchar(100)
);
insert into email_template (template_key, name, subject, body) values
('check-in', 'Check-in: How are we doing?', 'How are we doing, {{contact.firstName}}?',
'Hi {{contact.firstName}},

I wanted to check in and see how things are going with the team we''ve placed at {{account.name}}. How are we doing? Is there anything we could do better, or any hiring coming up that we should start preparing for?

If it helps, I''m happy to set up a quick call this week.

Best regards,
{{am.name}}
{{am.title}}, InTime'),
('escalation-update', 'Escalation update', 'Update on your escalation, {{account.name}}',
'Hi {{contact.firstName}},

Thank you for your patience. Here is where we are on the issue you raised:

- What happened:
- What we have done:
- Next step and when:

I will keep you posted until it is fully resolved. Reply to this email or call me any time.

Best regards,
{{am.name}}
{{am.title}}, InTime'),
('qbr-follow-up', 'QBR follow-up', '{{account.name}} QBR: summary and next steps',
'Hi {{contact.firstName}},

Thank you for your time at our quarterly business review. As promised, here is a short summary:

- Highlights:
- Action items (owner, date):
- Decisions:

Let me know if I missed anything.

Best regards,
{{am.name}}
{{am.title}}, InTime'),
('payment-reminder', 'Payment reminder', 'Friendly reminder: open invoices for {{account.name}}',
'Hi {{contact.firstName}},

I hope all is well. Our records show open invoices for {{account.name}} that are past their due date. Could you check on their status, or let me know if anything is holding them up? If it helps, I can arrange a payment plan.

Best regards,
{{am.name}}
{{am.title}}, InTime');

alter table activity add column message_id varchar(300);
alter table activity add column in_reply_to varchar(300);
-- inbound email matched automatically waits for the account manager: PENDING, then
-- CONFIRMED (with sentiment and outcome) or DISMISSED; null for what people logged
alter table activity add column review_status varchar(10);
alter table activity add column from_address varchar(320);
alter table activity add constraint activity_review_status_check
  check (review_status is null or review_status in ('PENDING', 'CONFIRMED', 'DISMISSED'));
create index activity_message_idx on activity (message_id) where message_id is not null;
create index activity_review_idx on activity (account_id) where review_status = 'PENDING';
