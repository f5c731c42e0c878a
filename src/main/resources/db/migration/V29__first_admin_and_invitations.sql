-- The firm that runs this installation: one row, written by the first administrator's setup.
create table firm (
  id          int          primary key default 1 check (id = 1),
  name        varchar(200) not null,
  created_at  timestamptz  not null
);

-- The one-time setup link of a start with no users: only a SHA-256 hash of its token, one
-- at a time (a new start replaces an unspent one).
create table setup_token (
  id          int          primary key default 1 check (id = 1),
  token_hash  varchar(64)  not null,
  created_at  timestamptz  not null
);

-- One-use links that let a user set their password: an invitation (7 days) or a reset by an
-- admin (24 hours). Only a SHA-256 hash of the token is kept.
create table user_link (
  id          bigserial    primary key,
  user_id     bigint       not null references app_user(id),
  purpose     varchar(20)  not null check (purpose in ('INVITATION', 'RESET')),
  token_hash  varchar(64)  not null unique,
  created_at  timestamptz  not null,
  created_by  varchar(100) not null,
  expires_at  timestamptz  not null,
  used_at     timestamptz,
  revoked_at  timestamptz
);
create index user_link_user_idx on user_link (user_id, created_at desc);

-- Invited users cannot sign in until they accept; they are not "deactivated".
alter table app_user add column invited boolean not null default false;
