import { jsonReply } from '../http/reply'
import {
  pageInfo,
  pageInfoWithHasMore,
  readFilterList,
  readPage,
  readSingle,
  readSort,
  type SortColumns,
} from '../query/listQuery'
import { selectPage } from '../query/selectPage'
import { SqlParams, whereClause } from '../query/sqlParams'
import { listRoute } from './listRoute'
import type { ApiRoute, RouteContext } from './routeContext'

const PEOPLE_SORT: SortColumns = {
  name: (direction) => `p.name ${direction}`,
  email: (direction) => `p.email ${direction} nulls last`,
  role: (direction) => `p.role ${direction} nulls last`,
  team: (direction) => `t.name ${direction} nulls last`,
  manager: (direction) => `m.name ${direction} nulls last`,
  status: (direction) =>
    `case p.status when 'active' then 0 when 'inactive' then 1 when 'on_leave' then 2
       when 'terminated' then 3 else 4 end ${direction}`,
  createdat: (direction) => `p.created_at ${direction}`,
  created_at: (direction) => `p.created_at ${direction}`,
}

const TEAM_SORT: SortColumns = {
  name: (direction) => `t.name ${direction}`,
  createdat: (direction) => `t.created_at ${direction}`,
  created_at: (direction) => `t.created_at ${direction}`,
  updatedat: (direction) => `t.updated_at ${direction}`,
  updated_at: (direction) => `t.updated_at ${direction}`,
}

/** A single-id filter with a sentinel that means "none" (`no-team`, `no-manager`, …). */
function sentinelCondition(
  params: SqlParams,
  column: string,
  value: string | null,
  sentinel: string,
) {
  if (value === null) {
    return []
  }

  return [value === sentinel ? `${column} is null` : `${column} = ${params.add(value)}`]
}

/** `GET /api/people` and `GET /api/teams`. */
export function createPeopleRoutes(context: RouteContext): ApiRoute[] {
  const { db } = context

  return [
    listRoute({
      path: '/api/people',
      scope: 'read:people',
      things: 'people',
      async list(url, caller) {
        const page = readPage(url)
        const params = new SqlParams()
        const conditions = [`p.organization_id = ${params.add(caller.organizationId)}`]
        const search = url.searchParams.get('search')

        if (search) {
          const term = params.add(`%${search}%`)
          conditions.push(`(p.name ilike ${term} or p.email ilike ${term} or p.role ilike ${term})`)
        }

        conditions.push(
          ...sentinelCondition(params, 'p.team_id', readSingle(url, 'teamId'), 'no-team'),
        )
        conditions.push(
          ...sentinelCondition(params, 'p.manager_id', readSingle(url, 'managerId'), 'no-manager'),
        )
        conditions.push(
          ...sentinelCondition(params, 'p.job_role_id', readSingle(url, 'jobRoleId'), 'no-role'),
        )
        const statuses = readFilterList(url, 'status')

        if (statuses) {
          conditions.push(`p.status = any(${params.add(statuses)}::text[])`)
        }

        const from = `from person p
          left join team t on t.id = p.team_id
          left join person m on m.id = p.manager_id
          left join job_role j on j.id = p.job_role_id
          ${whereClause(conditions)}`
        const { rows, totalCount } = await selectPage<Record<string, unknown>>(db, {
          params,
          columns: `p.id, p.name, p.email, p.role, p.status, p.avatar as "avatarUrl",
                  p.started_at as "startDate", null as "endDate", p.team_id as "teamId",
                  p.manager_id as "managerId", p.job_role_id as "jobRoleId",
                  p.organization_id as "organizationId", null as "userId",
                  p.created_at as "createdAt", p.updated_at as "updatedAt",
                  t.name as "teamName", m.name as "managerName", j.title as "jobRoleTitle",
                  (select count(*)::int from person r where r.manager_id = p.id) as "reportCount"`,
          from,
          order: readSort(url, PEOPLE_SORT, 'p.name asc'),
          page,
        })

        return jsonReply(200, {
          people: rows,
          pagination: pageInfoWithHasMore(page, totalCount),
        })
      },
    }),
    listRoute({
      path: '/api/teams',
      scope: 'read:people',
      things: 'teams',
      async list(url, caller) {
        const page = readPage(url)
        const params = new SqlParams()
        const conditions = [`t.organization_id = ${params.add(caller.organizationId)}`]
        const search = url.searchParams.get('search')

        if (search) {
          conditions.push(`t.name ilike ${params.add(`%${search}%`)}`)
        }

        conditions.push(
          ...sentinelCondition(params, 't.parent_id', readSingle(url, 'parentId'), 'no-parent'),
        )
        const from = `from team t left join team parent on parent.id = t.parent_id
          ${whereClause(conditions)}`
        const { rows, totalCount } = await selectPage<Record<string, unknown>>(db, {
          params,
          columns: `t.id, t.name, t.description, t.avatar, t.parent_id as "parentId",
                  t.organization_id as "organizationId", t.created_at as "createdAt",
                  t.updated_at as "updatedAt", parent.name as "parentName",
                  (select count(*)::int from person p where p.team_id = t.id) as "peopleCount",
                  (select count(*)::int from initiative i
                    where i.team_id = t.id) as "initiativeCount"`,
          from,
          order: readSort(url, TEAM_SORT, 't.name asc'),
          page,
        })
        const teams = rows.map(({ peopleCount, initiativeCount, ...team }) => ({
          ...team,
          parent: team.parentId ? { id: team.parentId, name: team.parentName ?? null } : null,
          _count: { people: peopleCount, initiatives: initiativeCount },
        }))

        return jsonReply(200, { teams, pagination: pageInfo(page, totalCount) })
      },
    }),
  ]
}
