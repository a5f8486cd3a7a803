/**
 * Row shapes of the seed, keyed by column name so they can be bulk-inserted as JSON with
 * `json_populate_recordset`. Dates are ISO strings.
 */
export interface OrganizationRow {
  id: string
  clerk_organization_id: string
  name: string
}

export interface JobRoleRow {
  id: string
  title: string
  organization_id: string
}

export interface TeamRow {
  id: string
  name: string
  description: string | null
  avatar: string | null
  organization_id: string
  parent_id: string | null
  created_at: string
  updated_at: string
}

export interface PersonRow {
  id: string
  email: string | null
  name: string
  role: string | null
  status: string
  birthday: string | null
  avatar: string | null
  employee_type: string | null
  organization_id: string
  team_id: string | null
  manager_id: string | null
  job_role_id: string | null
  started_at: string | null
  created_at: string
  updated_at: string
}

export interface UserRow {
  id: string
  email: string
  name: string
  clerk_user_id: string | null
  person_id: string | null
  created_at: string
  updated_at: string
}

export interface MemberRow {
  user_id: string
  organization_id: string
  role: string
}

export interface InitiativeRow {
  id: string
  title: string
  summary: string | null
  outcome: string | null
  start_date: string | null
  target_date: string | null
  status: string
  rag: string
  confidence: number
  priority: number
  size: string | null
  slot: number | null
  team_id: string | null
  organization_id: string
  created_at: string
  updated_at: string
}

export interface ObjectiveRow {
  id: string
  initiative_id: string
  title: string
  key_result: string | null
  sort_index: number
}

export interface OwnerRow {
  initiative_id: string
  person_id: string
  role: string
}

export interface TaskRow {
  id: string
  title: string
  description: string | null
  status: string
  priority: number
  estimate: number | null
  due_date: string | null
  completed_at: string | null
  assignee_id: string | null
  created_by_id: string
  initiative_id: string | null
  objective_id: string | null
  created_at: string
  updated_at: string
}

export interface OneOnOneRow {
  id: string
  manager_id: string
  report_id: string
  scheduled_at: string | null
  notes: string | null
}

export interface PreferenceRow {
  task_id: string
  user_id: string
  reminder_minutes_before_due: number | null
  created_at: string
  updated_at: string
}
