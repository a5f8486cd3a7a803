import type { Caller } from '../auth/caller'
import type { SandboxDatabase } from '../database'
import type { SqlParams } from '../query/sqlParams'

/**
 * The task visibility rule of `/api/tasks`: a task is listed when (a) its initiative is in
 * the caller's organization, (b) its objective belongs to such an initiative, or (c) the
 * caller created it, it has neither initiative nor objective, and the caller is a member of
 * the organization. A standalone task someone else created is invisible even to its assignee.
 */
export function taskVisibility(params: SqlParams, caller: Caller, alias = 't'): string {
  const organization = params.add(caller.organizationId)
  const user = params.add(caller.userId)

  return `(${inOrganization(alias, organization)}
    or (${alias}.created_by_id = ${user}
        and ${alias}.initiative_id is null and ${alias}.objective_id is null
        and exists (select 1 from organization_member m
                    where m.user_id = ${user} and m.organization_id = ${organization})))`
}

/** Search's looser rule: created by the caller (in any organization) or attached to the org. */
export function taskSearchVisibility(params: SqlParams, caller: Caller, alias = 't'): string {
  const organization = params.add(caller.organizationId)

  return `(${alias}.created_by_id = ${params.add(caller.userId)}
    or ${inOrganization(alias, organization)})`
}

/** Rules (a) and (b): attached to an initiative, or an objective, of the organization. */
function inOrganization(alias: string, organization: string): string {
  return `${alias}.initiative_id in (select id from initiative
                                      where organization_id = ${organization})
    or ${alias}.objective_id in (select o.id from objective o
                                   join initiative i on i.id = o.initiative_id
                                  where i.organization_id = ${organization})`
}

/** The columns and joins of a task list item. */
export const TASK_ITEM_FROM = `from task t
  left join person a on a.id = t.assignee_id
  left join initiative i on i.id = t.initiative_id
  left join app_user u on u.id = t.created_by_id`

export const TASK_ITEM_COLUMNS = `t.id, t.title, t.description, t.status, t.priority, t.due_date,
  t.created_at, t.updated_at, t.assignee_id, t.initiative_id, t.objective_id, t.created_by_id,
  a.name as assignee_name, i.title as initiative_title, u.name as creator_name`

export interface TaskItemRow {
  id: string
  title: string
  description: string | null
  status: string
  priority: number
  due_date: Date | null
  created_at: Date
  updated_at: Date
  assignee_id: string | null
  initiative_id: string | null
  objective_id: string | null
  created_by_id: string
  assignee_name: string | null
  initiative_title: string | null
  creator_name: string | null
}

/** A task as `/api/tasks` lists it: `estimate` and `objective` are always null there. */
export function toTaskItem(row: TaskItemRow) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    estimate: null,
    dueDate: row.due_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    assigneeId: row.assignee_id,
    initiativeId: row.initiative_id,
    objectiveId: row.objective_id,
    createdById: row.created_by_id,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    initiative: row.initiative_id
      ? { id: row.initiative_id, title: row.initiative_title ?? '' }
      : null,
    objective: null,
    createdBy: { id: row.created_by_id, name: row.creator_name || 'Unknown' },
  }
}

/** One task in list-item shape, if the caller may see it. */
export async function findVisibleTask(
  db: SandboxDatabase,
  caller: Caller,
  taskId: string,
  params: SqlParams,
): Promise<TaskItemRow | undefined> {
  const id = params.add(taskId)
  const result = await db.query<TaskItemRow>(
    `select ${TASK_ITEM_COLUMNS} ${TASK_ITEM_FROM}
      where t.id = ${id} and ${taskVisibility(params, caller)}`,
    params.values,
  )

  return result.rows[0]
}
