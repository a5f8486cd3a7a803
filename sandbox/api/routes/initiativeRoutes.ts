import { jsonReply } from '../http/reply'
import {
  pageInfo,
  readDate,
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

const INITIATIVE_SORT: SortColumns = {
  title: (direction) => `lower(i.title) ${direction}`,
  status: (direction) => `i.status ${direction}`,
  rag: (direction) =>
    `case i.rag when 'red' then 0 when 'amber' then 1 when 'green' then 2 else 3 end ${direction}`,
  team: (direction) => `tm.name ${direction} nulls last`,
  targetdate: (direction) => `i.target_date ${direction} nulls last`,
  target_date: (direction) => `i.target_date ${direction} nulls last`,
  createdat: (direction) => `i.created_at ${direction}`,
  created_at: (direction) => `i.created_at ${direction}`,
  updatedat: (direction) => `i.updated_at ${direction}`,
  updated_at: (direction) => `i.updated_at ${direction}`,
  priority: (direction) => `i.priority ${direction}`,
}

interface InitiativeRow extends Record<string, unknown> {
  id: string
  teamId: string | null
  teamName: string | null
  taskCount: number
  doneCount: number
}

/** `GET /api/initiatives`, objectives and owners embedded, with the synthetic `tasks` array. */
export function createInitiativeRoutes(context: RouteContext): ApiRoute[] {
  const { db } = context

  return [
    listRoute({
      path: '/api/initiatives',
      scope: 'read:initiatives',
      things: 'initiatives',
      async list(url, caller) {
        const page = readPage(url)
        const params = new SqlParams()
        const conditions = [`i.organization_id = ${params.add(caller.organizationId)}`]
        const search = url.searchParams.get('search')
        const teamId = readSingle(url, 'teamId')
        const ownerId = url.searchParams.get('ownerId')

        if (search) {
          conditions.push(`i.title ilike ${params.add(`%${search}%`)}`)
        }

        if (teamId) {
          conditions.push(
            teamId === 'no-team' ? 'i.team_id is null' : `i.team_id = ${params.add(teamId)}`,
          )
        }

        if (ownerId) {
          conditions.push(
            `exists (select 1 from initiative_owner o
                      where o.initiative_id = i.id and o.person_id = ${params.add(ownerId)})`,
          )
        }

        for (const [name, column] of [
          ['rag', 'i.rag'],
          ['status', 'i.status'],
        ] as const) {
          const values = readFilterList(url, name)

          if (values) {
            conditions.push(`${column} = any(${params.add(values)}::text[])`)
          }
        }

        const dateFrom = readDate(url, 'dateFrom')
        const dateTo = readDate(url, 'dateTo')

        if (dateFrom) {
          conditions.push(`i.target_date >= ${params.add(dateFrom)}`)
        }

        if (dateTo) {
          conditions.push(`i.target_date <= ${params.add(dateTo)}`)
        }

        const from = `from initiative i left join team tm on tm.id = i.team_id
          ${whereClause(conditions)}`
        const { rows, totalCount } = await selectPage<InitiativeRow>(db, {
          params,
          columns: `i.id, i.title, i.summary, i.outcome, i.status, i.rag, i.confidence, i.priority,
                    i.start_date as "startDate", i.target_date as "targetDate",
                    i.created_at as "createdAt", i.updated_at as "updatedAt",
                    i.team_id as "teamId", tm.name as "teamName",
                    i.organization_id as "organizationId",
                    (select count(*)::int from task t where t.initiative_id = i.id) as "taskCount",
                    (select count(*)::int from task t
                      where t.initiative_id = i.id and t.status = 'done') as "doneCount"`,
          from,
          order: readSort(url, INITIATIVE_SORT, 'i.updated_at desc'),
          page,
        })
        const ids = rows.map((row) => row.id)
        const objectives = await db.query<{ initiativeId: string }>(
          `select id, initiative_id as "initiativeId", title, key_result as "keyResult",
                  sort_index as "sortIndex"
             from objective where initiative_id = any($1::text[])
            order by sort_index asc, id asc`,
          [ids],
        )
        const owners = await db.query<
          Record<string, unknown> & { initiativeId: string; personId: string }
        >(
          `select o.initiative_id as "initiativeId", o.person_id as "personId", o.role,
                  p.id, p.email, p.name, p.role as "personRole", p.status, p.birthday,
                  p.avatar, p.employee_type as "employeeType",
                  p.organization_id as "organizationId", p.team_id as "teamId",
                  p.manager_id as "managerId", p.job_role_id as "jobRoleId",
                  p.started_at as "startedAt", p.created_at as "createdAt",
                  p.updated_at as "updatedAt"
             from initiative_owner o join person p on p.id = o.person_id
            where o.initiative_id = any($1::text[]) order by o.initiative_id, p.name`,
          [ids],
        )
        const initiatives = rows.map(({ taskCount, doneCount, ...initiative }) => ({
          ...initiative,
          objectives: objectives.rows.filter(
            (objective) => objective.initiativeId === initiative.id,
          ),
          owners: owners.rows
            .filter((owner) => owner.initiativeId === initiative.id)
            .map(({ initiativeId, personId, role, personRole, ...person }) => ({
              initiativeId,
              personId,
              role,
              person: { ...person, role: personRole },
            })),
          team: initiative.teamId ? { id: initiative.teamId, name: initiative.teamName } : null,
          _count: { tasks: taskCount, checkIns: 0 },
          // A progress indicator only: the first `done` entries stand for completed tasks.
          tasks: Array.from({ length: taskCount }, (_, index) => ({
            status: index < doneCount ? 'done' : 'todo',
          })),
        }))

        return jsonReply(200, {
          initiatives,
          pagination: pageInfo(page, totalCount),
        })
      },
    }),
  ]
}
