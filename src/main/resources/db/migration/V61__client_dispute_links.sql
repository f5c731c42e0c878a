-- Issue 17, section 6: a client raises a billing dispute through a link of their own.
-- A link is for one contact of one account; only the token's SHA-256 is kept. What the
-- client raised through it is kept with their address and browser (the audit of an
-- external action), and names the contact who then plays the dispute's client role.
create table client_dispute_link (
  id            bigserial primary key,
  account_id    bigint not null references account (id) on delete cascade,
  contact_id    bigint not null references contact (id) on delete cascade,
  token_sha256  varchar(64) not null unique, -- hex, as workflow_link keeps its tokens
  expires_at    timestamptz not null,
  revoked_at    timestamptz,
  created_by    text not null,
  created_at    timestamptz not null
);
create index client_dispute_link_account on client_dispute_link (account_id);

create table client_dispute (
  id            bigserial primary key,
  link_id       bigint not null references client_dispute_link (id) on delete cascade,
  invoice_id    bigint not null references invoice (id) on delete cascade,
  contact_id    bigint not null references contact (id) on delete cascade,
  reason        text not null,
  ip            text,
  user_agent    text,
  at            timestamptz not null
);
create index client_dispute_invoice on client_dispute (invoice_id, at desc);
