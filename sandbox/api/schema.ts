/**
 * The sandbox database schema: mpath's data model (Prisma, PostgreSQL) reduced to what the
 * REST API reads. Table and column names are snake_case; queries alias them to the camelCase
 * field names of the API. `organization_member.role` stands in for the Clerk membership role.
 */
export const SCHEMA_SQL = `
create table if not exists organization (
  id text primary key,
  clerk_organization_id text not null unique,
  name text not null
);

create table if not exists job_role (
  id text primary key,
  title text not null,
  organization_id text not null references organization(id)
);

create table if not exists team (
  id text primary key,
  name text not null,
  description text,
  avatar text,
  organization_id text not null references organization(id),
  parent_id text references team(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists person (
  id text primary key,
  email text,
  name text not null,
  role text,
  status text not null default 'active',
  birthday timestamptz,
  avatar text,
  employee_type text,
  organization_id text not null references organization(id),
  team_id text references team(id) on delete set null,
  manager_id text references person(id) on delete set null,
  job_role_id text references job_role(id) on delete set null,
  started_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists app_user (
  id text primary key,
  email text not null unique,
  name text not null,
  clerk_user_id text unique,
  person_id text unique references person(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists organization_member (
  user_id text not null references app_user(id) on delete cascade,
  organization_id text not null references organization(id) on delete cascade,
  role text not null default 'org:member',
  primary key (user_id, organization_id)
);

create table if not exists initiative (
  id text primary key,
  title text not null,
  summary text,
  outcome text,
  start_date timestamptz,
  target_date timestamptz,
  status text not null default 'planned',
  rag text not null default 'green',
  confidence integer not null default 80,
  priority integer not null default 2,
  size text,
  slot integer,
  team_id text references team(id) on delete set null,
  organization_id text not null references organization(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, slot)
);

create table if not exists objective (
  id text primary key,
  initiative_id text not null references initiative(id) on delete cascade,
  title text not null,
  key_result text,
  sort_index integer not null default 0
);

create table if not exists initiative_owner (
  initiative_id text not null references initiative(id) on delete cascade,
  person_id text not null references person(id) on delete cascade,
  role text not null default 'owner',
  primary key (initiative_id, person_id)
);

create table if not exists task (
  id text primary key,
  title text not null,
  description text,
  status text not null default 'todo',
  priority integer not null default 2,
  estimate integer,
  due_date timestamptz,
  completed_at timestamptz,
  assignee_id text references person(id) on delete set null,
  created_by_id text not null references app_user(id),
  initiative_id text references initiative(id) on delete set null,
  objective_id text references objective(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists one_on_one (
  id text primary key,
  manager_id text not null references person(id) on delete cascade,
  report_id text not null references person(id) on delete cascade,
  scheduled_at timestamptz,
  notes text
);

create table if not exists task_reminder_preference (
  task_id text not null references task(id) on delete cascade,
  user_id text not null references app_user(id) on delete cascade,
  reminder_minutes_before_due integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (task_id, user_id)
);

create table if not exists task_reminder_delivery (
  id text primary key,
  task_id text not null references task(id) on delete cascade,
  user_id text not null references app_user(id) on delete cascade,
  task_due_date timestamptz not null,
  remind_at timestamptz not null,
  status text not null default 'PENDING',
  push_sent_at timestamptz,
  created_at timestamptz not null default now()
);

`

/** Indexes, created after the seed's bulk load (building them once is faster than updating). */
export const INDEX_SQL = `
create index if not exists task_initiative_idx on task (initiative_id);
create index if not exists task_objective_idx on task (objective_id);
create index if not exists task_assignee_idx on task (assignee_id);
create index if not exists task_creator_idx on task (created_by_id);
create index if not exists delivery_user_idx on task_reminder_delivery (user_id, status);
`
