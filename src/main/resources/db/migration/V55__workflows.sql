-- Workflows (issue 17): templates are data (their roles and steps are a JSON definition,
-- one row per version: a change makes a new version and running runs keep theirs); a run
-- of a template belongs to an account and keeps one row per step with its state.
create table workflow_template (
  id                 bigserial primary key,
  -- stable name of the built-in templates (qbr, annual-renewal, health-check,
  -- billing-dispute, onboarding); null for templates admins made
  template_key       varchar(40)  unique,
  name               varchar(200) not null,
  description        text         not null default '',
  -- what starts it, in words ("90 days before contract expiration")
  trigger_text       varchar(300) not null default '',
  current_version_id bigint,
  archived           boolean      not null default false,
  version            bigint       not null default 0,
  created_at         timestamptz  not null,
  created_by         varchar(100),
  updated_at         timestamptz  not null,
  updated_by         varchar(100)
);

create table workflow_template_version (
  id                 bigserial primary key,
  template_id        bigint       not null references workflow_template(id) on delete cascade,
  number             int          not null,
  -- roles and steps (io.intime.workflows.TemplateDefinition as JSON)
  definition         jsonb        not null,
  note               varchar(500) not null default '',
  created_at         timestamptz  not null,
  created_by         varchar(100),
  unique (template_id, number)
);
-- current_version_id names one of the template's own versions; it has no foreign key, so that
-- the tables keep an order without cycles (backups copy them parent first) -- WorkflowTemplates
-- only ever sets it to a version it has just written for that template.

create table workflow_run (
  id                  bigserial primary key,
  template_version_id bigint       not null references workflow_template_version(id),
  account_id          bigint       not null references account(id) on delete cascade,
  -- the record it is about besides the account, when there is one
  contract_id         bigint       references contract(id) on delete set null,
  qbr_id              bigint       references qbr(id) on delete set null,
  renewal_id          bigint,
  invoice_id          bigint       references invoice(id) on delete set null,
  title               varchar(300) not null,
  status              varchar(12)  not null default 'ACTIVE',
  owner_id            bigint       references app_user(id) on delete set null,
  started_at          timestamptz  not null,
  started_by          varchar(100),
  completed_at        timestamptz,
  -- the outcome in words ("Renewed at USD 540,000", "Credit memo CM-12 for USD 2,400")
  outcome             varchar(500),
  version             bigint       not null default 0,
  updated_at          timestamptz  not null,
  constraint workflow_run_status_check check (status in ('ACTIVE', 'COMPLETED', 'CANCELLED', 'FAILED'))
);
create index workflow_run_account_idx on workflow_run (account_id, started_at desc);
create index workflow_run_active_idx on workflow_run (status) where status = 'ACTIVE';

-- who plays each of the template's roles in this run: a user of the firm, or a contact of
-- the client (for a client role)
create table workflow_run_role (
  run_id             bigint       not null references workflow_run(id) on delete cascade,
  role_key           varchar(40)  not null,
  user_id            bigint       references app_user(id) on delete set null,
  contact_id         bigint       references contact(id) on delete set null,
  primary key (run_id, role_key)
);

-- one row per step of the run, in the template's order. A step visited again (a rejection
-- that returns to it, a "negotiate" that goes back) is reset to ACTIVE; what happened
-- before stays in workflow_event.
create table workflow_step (
  id                 bigserial primary key,
  run_id             bigint       not null references workflow_run(id) on delete cascade,
  step_key           varchar(40)  not null,
  position           int          not null,
  status             varchar(10)  not null default 'PENDING',
  -- who must act: a user or a client contact (from the run's roles when it became active)
  assignee_user_id   bigint       references app_user(id) on delete set null,
  assignee_contact_id bigint      references contact(id) on delete set null,
  activated_at       timestamptz,
  due_at             timestamptz,
  completed_at       timestamptz,
  acted_by           varchar(200),
  -- what the actor gave: form values, the decision's option, the approval's comment …
  data               jsonb        not null default '{}'::jsonb,
  -- the To-Do task of an internal step in My tasks
  task_id            bigint       references task(id) on delete set null,
  attempts           int          not null default 0,
  error              varchar(2000),
  reminded_at        timestamptz,
  overdue_notified_at timestamptz,
  version            bigint       not null default 0,
  unique (run_id, step_key),
  constraint workflow_step_status_check check (status in
    ('PENDING', 'ACTIVE', 'DONE', 'SKIPPED', 'FAILED', 'DECLINED'))
);
create index workflow_step_active_idx on workflow_step (due_at) where status = 'ACTIVE';
create index workflow_step_user_idx on workflow_step (assignee_user_id) where status = 'ACTIVE';

-- the approvers of an Approval step: one row each; sequential ones decide in position order
create table workflow_approval (
  id                 bigserial primary key,
  step_id            bigint       not null references workflow_step(id) on delete cascade,
  position           int          not null,
  approver_id        bigint       references app_user(id) on delete set null,
  decision           varchar(10),
  comment            varchar(2000),
  decided_at         timestamptz,
  -- the approver's task in My tasks
  task_id            bigint       references task(id) on delete set null,
  version            bigint       not null default 0,
  constraint workflow_approval_decision_check check (decision is null or decision in ('APPROVED', 'REJECTED'))
);
create index workflow_approval_step_idx on workflow_approval (step_id, position);

-- what happened in a run, in order: its timeline (steps activated and done, rejections,
-- reminders, an automated step's log lines, failures and retries)
create table workflow_event (
  id                 bigserial primary key,
  run_id             bigint       not null references workflow_run(id) on delete cascade,
  step_key           varchar(40),
  kind               varchar(20)  not null,
  actor              varchar(200),
  at                 timestamptz  not null,
  detail             text         not null default ''
);
create index workflow_event_run_idx on workflow_event (run_id, id);

-- a client stakeholder's link: the token is random (only its SHA-256 is kept) and signed
-- (HMAC with the organization's key), single-purpose (one step of one run for one contact),
-- expiring and revocable
create table workflow_link (
  id                 bigserial primary key,
  step_id            bigint       not null references workflow_step(id) on delete cascade,
  contact_id         bigint       not null references contact(id) on delete cascade,
  token_hash         varchar(64)  not null unique,
  expires_at         timestamptz  not null,
  revoked_at         timestamptz,
  revoked_by         varchar(100),
  used_at            timestamptz,
  created_at         timestamptz  not null,
  created_by         varchar(100)
);
create index workflow_link_step_idx on workflow_link (step_id);

-- files given to a File Request (and the documents of an E-Sign step): the content lives
-- outside the database (a folder, or S3-compatible storage), found by its storage key
create table workflow_file (
  id                 bigserial primary key,
  run_id             bigint       not null references workflow_run(id) on delete cascade,
  step_id            bigint       references workflow_step(id) on delete set null,
  purpose            varchar(12)  not null default 'UPLOAD',
  filename           varchar(255) not null,
  content_type       varchar(120) not null,
  size_bytes         bigint       not null,
  sha256             varchar(64)  not null,
  storage_key        varchar(300) not null,
  uploaded_by        varchar(200),
  uploaded_at        timestamptz  not null,
  constraint workflow_file_purpose_check check (purpose in ('UPLOAD', 'DOCUMENT', 'SIGNED'))
);
create index workflow_file_run_idx on workflow_file (run_id, step_id);

-- who opened which file (an Acknowledgement may require that its attachments were opened)
create table workflow_file_view (
  file_id            bigint       not null references workflow_file(id) on delete cascade,
  contact_id         bigint       references contact(id) on delete cascade,
  user_id            bigint       references app_user(id) on delete cascade,
  first_opened_at    timestamptz  not null
);
create unique index workflow_file_view_uq on workflow_file_view (file_id, coalesce(contact_id, 0), coalesce(user_id, 0));

-- the signers of an E-Sign step, in signing order
create table workflow_signer (
  id                 bigserial primary key,
  step_id            bigint       not null references workflow_step(id) on delete cascade,
  position           int          not null,
  contact_id         bigint       not null references contact(id) on delete cascade,
  status             varchar(10)  not null default 'WAITING',
  consent_at         timestamptz,
  typed_name         varchar(200),
  signed_at          timestamptz,
  ip                 varchar(64),
  user_agent         varchar(500),
  document_sha256    varchar(64),
  decline_reason     varchar(2000),
  version            bigint       not null default 0,
  constraint workflow_signer_status_check check (status in ('WAITING', 'SIGNED', 'DECLINED'))
);
create index workflow_signer_step_idx on workflow_signer (step_id, position);

-- every action a person outside the firm takes through a link, append-only and
-- hash-chained: each row's hash covers its content and the previous row's hash, so an
-- edited or removed row breaks the chain
create table workflow_external_action (
  id                 bigserial primary key,
  run_id             bigint       not null,
  step_id            bigint,
  contact_id         bigint,
  person             varchar(200) not null,
  action             varchar(40)  not null,
  at                 timestamptz  not null,
  ip                 varchar(64),
  user_agent         varchar(500),
  detail             jsonb        not null default '{}'::jsonb,
  prev_hash          varchar(64)  not null,
  hash               varchar(64)  not null unique
);
create index workflow_external_action_run_idx on workflow_external_action (run_id, id);

create function workflow_external_action_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'workflow_external_action is append-only';
end $$;
create trigger workflow_external_action_no_update before update or delete on workflow_external_action
  for each row execute function workflow_external_action_append_only();

-- the organization's signing key and certificate (PKCS#12, its password from configuration
-- or generated on first use and kept beside it), made once and shared by every node
create table workflow_signing_key (
  id                 int          primary key default 1,
  pkcs12             bytea        not null,
  password           varchar(100) not null,
  subject            varchar(300) not null,
  created_at         timestamptz  not null,
  constraint workflow_signing_key_one check (id = 1)
);

-- the secret that signs client links (HMAC-SHA256), made once and shared by every node
create table workflow_link_secret (
  id                 int          primary key default 1,
  secret             bytea        not null,
  created_at         timestamptz  not null,
  constraint workflow_link_secret_one check (id = 1)
);
