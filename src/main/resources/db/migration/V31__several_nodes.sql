-- Several nodes on one PostgreSQL: what one node kept in its memory between requests lives here.

-- Spring Session JDBC (spring-session-jdbc 4.1, schema-postgresql.sql): the web sessions, so that
-- any node serves any signed-in user, and the principal name index that finds a user's sessions.
create table spring_session (
  primary_id            char(36) not null,
  session_id            char(36) not null,
  creation_time         bigint not null,
  last_access_time      bigint not null,
  max_inactive_interval int not null,
  expiry_time           bigint not null,
  principal_name        varchar(100),
  constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36) not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- Uploaded CSV files between their preview and the import (accounts.web.PendingImports). Taken
-- with delete … returning, so that one confirmation imports a file, whichever node it reaches.
create table pending_import (
  id         uuid primary key,
  user_id    bigint not null references app_user (id) on delete cascade,
  kind       varchar(20) not null,
  filename   text not null,
  content    bytea not null,
  created_at timestamp with time zone not null
);
create index pending_import_by_user on pending_import (user_id, created_at desc);
create index pending_import_by_age on pending_import (created_at);
