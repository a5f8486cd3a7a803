import { errorReply, jsonReply } from '../http/reply'
import { pageInfo, readDate, readPage, readSort, type SortColumns } from '../query/listQuery'
import { selectPage } from '../query/selectPage'
import { SqlParams, whereClause } from '../query/sqlParams'
import { listRoute } from './listRoute'
import type { ApiRoute, RouteContext } from './routeContext'

const ONE_ON_ONE_SORT: SortColumns = {
  scheduledat: (direction) => `o.scheduled_at ${direction} nulls last`,
  scheduled_at: (direction) => `o.scheduled_at ${direction} nulls last`,
  manager: (direction) => `m.name ${direction} nulls last`,
  report: (direction) => `r.name ${direction} nulls last`,
}

interface OneOnOneRow {
  id: string
  managerId: string
  reportId: string
  scheduledAt: Date | null
  notes: string | null
  managerName: string
  managerEmail: string | null
  managerUserId: string | null
  reportName: string
  reportEmail: string | null
  reportUserId: string | null
}

/** `GET /api/oneonones`: only the caller's own one-on-ones, admins included. */
export function createOneOnOneRoutes(context: RouteContext): ApiRoute[] {
  const { db } = context

  return [
    listRoute({
      path: '/api/oneonones',
      scope: 'read:meetings',
      things: 'one-on-ones',
      refuseCaller: (caller) =>
        caller.personId ? null : errorReply(403, 'No person record found for current user'),
      async list(url, caller) {
        const page = readPage(url)
        const params = new SqlParams()
        const organization = params.add(caller.organizationId)
        const me = params.add(caller.personId)
        const conditions = [
          `(o.manager_id = ${me} or o.report_id = ${me})`,
          `m.organization_id = ${organization}`,
          `r.organization_id = ${organization}`,
        ]
        const search = url.searchParams.get('search')

        if (search) {
          const term = params.add(`%${search}%`)
          conditions.push(`(m.name ilike ${term} or r.name ilike ${term} or o.notes ilike ${term})`)
        }

        const from = readDate(url, 'scheduledFrom')
        const to = readDate(url, 'scheduledTo')

        if (from) {
          conditions.push(`o.scheduled_at >= ${params.add(from)}`)
        }

        if (to) {
          conditions.push(`o.scheduled_at <= ${params.add(to)}`)
        }

        const source = `from one_on_one o
          join person m on m.id = o.manager_id
          join person r on r.id = o.report_id
          ${whereClause(conditions)}`
        const { rows, totalCount } = await selectPage<OneOnOneRow>(db, {
          params,
          columns: `o.id, o.manager_id as "managerId", o.report_id as "reportId",
                    o.scheduled_at as "scheduledAt", o.notes,
                    m.name as "managerName", m.email as "managerEmail",
                    (select id from app_user where person_id = m.id) as "managerUserId",
                    r.name as "reportName", r.email as "reportEmail",
                    (select id from app_user where person_id = r.id) as "reportUserId"`,
          from: source,
          order: readSort(url, ONE_ON_ONE_SORT, 'o.scheduled_at desc nulls last'),
          page,
        })
        const now = context.now()
        const oneonones = rows.map((row) => ({
          id: row.id,
          managerId: row.managerId,
          reportId: row.reportId,
          scheduledAt: row.scheduledAt,
          notes: row.notes,
          // The table has no timestamps; mpath fills both from scheduledAt, or "now".
          createdAt: row.scheduledAt ?? now,
          updatedAt: row.scheduledAt ?? now,
          manager: {
            id: row.managerId,
            name: row.managerName,
            email: row.managerEmail,
            user: row.managerUserId ? { id: row.managerUserId } : null,
          },
          report: {
            id: row.reportId,
            name: row.reportName,
            email: row.reportEmail,
            user: row.reportUserId ? { id: row.reportUserId } : null,
          },
        }))

        return jsonReply(200, {
          oneonones,
          pagination: pageInfo(page, totalCount),
        })
      },
    }),
  ]
}
