import { jsonReply } from '../http/reply'
import {
  pageInfo,
  readDate,
  readFilterList,
  readList,
  readPage,
  readSort,
  type SortColumns,
} from '../query/listQuery'
import { SqlParams, whereClause } from '../query/sqlParams'
import { listRoute } from './listRoute'
import type { ApiRoute, RouteContext } from './routeContext'
import {
  TASK_ITEM_COLUMNS,
  TASK_ITEM_FROM,
  taskVisibility,
  toTaskItem,
  type TaskItemRow,
} from './taskAccess'

const STATUS_ORDER = `case t.status when 'todo' then 0 when 'doing' then 1 when 'blocked' then 2
  when 'done' then 3 when 'dropped' then 4 else 5 end`

const TASK_SORT: SortColumns = {
  status: (direction) => `${STATUS_ORDER} ${direction}`,
  duedate: (direction) => `t.due_date ${direction} nulls last`,
  due_date: (direction) => `t.due_date ${direction} nulls last`,
  priority: (direction) => `t.priority ${direction}`,
  assignee: (direction) => `a.name ${direction} nulls last`,
  title: (direction) => `t.title ${direction}`,
  createdat: (direction) => `t.created_at ${direction}`,
  created_at: (direction) => `t.created_at ${direction}`,
}

const DEFAULT_ORDER = `${STATUS_ORDER} asc, t.due_date asc nulls last, t.created_at asc`

/**
 * An id filter with a "none" sentinel (`unassigned`, `no-initiative`); a mix gives
 * "NULL OR IN (ids)". The row query has no `all` handling, so `all` is looked up as an id.
 */
function idFilter(params: SqlParams, column: string, ids: string[], sentinel: string): string {
  const hasSentinel = ids.includes(sentinel)
  const rest = ids.filter((id) => id !== sentinel)
  const terms = [
    ...(hasSentinel ? [`${column} is null`] : []),
    ...(rest.length > 0 ? [`${column} = any(${params.add(rest)}::text[])`] : []),
  ]

  return terms.length === 1 ? (terms[0] ?? 'true') : `(${terms.join(' or ')})`
}

function mixesSentinel(ids: string[] | null, sentinel: string): boolean {
  return !!ids && ids.includes(sentinel) && ids.some((id) => id !== sentinel)
}

/** `GET /api/tasks`: visibility, filters, sentinels, sorts and page envelope as mpath has them. */
export function createTaskRoutes(context: RouteContext): ApiRoute[] {
  const { db } = context

  return [
    listRoute({
      path: '/api/tasks',
      scope: 'read:tasks',
      things: 'tasks',
      async list(url, caller) {
        const page = readPage(url)
        const assignees = readList(url, 'assigneeId')
        const initiatives = readList(url, 'initiativeId')
        // The count query skips `all`, and its visibility OR is overwritten when exactly
        // one of the two id filters mixes a sentinel with ids (so totalCount can run high).
        const countSkipsVisibility =
          mixesSentinel(assignees, 'unassigned') !== mixesSentinel(initiatives, 'no-initiative')
        const build = (forCount: boolean) => {
          const params = new SqlParams()
          const conditions =
            forCount && countSkipsVisibility ? [] : [taskVisibility(params, caller)]
          const search = url.searchParams.get('search')

          if (search) {
            conditions.push(`t.title ilike ${params.add(`%${search}%`)}`)
          }

          const statuses = readFilterList(url, 'status')

          if (statuses) {
            conditions.push(`t.status = any(${params.add(statuses)}::text[])`)
          }

          for (const [ids, column, sentinel] of [
            [assignees, 't.assignee_id', 'unassigned'],
            [initiatives, 't.initiative_id', 'no-initiative'],
          ] as const) {
            if (ids && ids.length > 0 && !(forCount && ids.includes('all'))) {
              conditions.push(idFilter(params, column, ids, sentinel))
            }
          }

          const priorities = (readFilterList(url, 'priority') ?? [])
            .map((piece) => Number.parseInt(piece))
            .filter((value) => !Number.isNaN(value))

          if (priorities.length > 0) {
            conditions.push(`t.priority = any(${params.add(priorities)}::int[])`)
          }

          const dueFrom = readDate(url, 'dueDateFrom')
          const dueTo = readDate(url, 'dueDateTo')

          if (dueFrom) {
            conditions.push(`t.due_date >= ${params.add(dueFrom)}`)
          }

          if (dueTo) {
            conditions.push(`t.due_date <= ${params.add(dueTo)}`)
          }

          return { params, where: whereClause(conditions) }
        }

        const countQuery = build(true)
        const count = await db.query<{ count: number }>(
          `select count(*)::int as count from task t ${countQuery.where}`,
          countQuery.params.values,
        )
        const rowQuery = build(false)
        const { params } = rowQuery
        const rows = await db.query<TaskItemRow>(
          `select ${TASK_ITEM_COLUMNS} ${TASK_ITEM_FROM} ${rowQuery.where}
           ${readSort(url, TASK_SORT, DEFAULT_ORDER)}
           limit ${params.add(page.limit)} offset ${params.add(page.offset)}`,
          params.values,
        )

        return jsonReply(200, {
          tasks: rows.rows.map(toTaskItem),
          pagination: pageInfo(page, count.rows[0]?.count ?? 0),
        })
      },
    }),
  ]
}
