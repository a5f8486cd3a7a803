import type { Caller } from '../auth/caller'
import { jsonReply } from '../http/reply'
import { SqlParams } from '../query/sqlParams'
import type { ApiRoute, RouteContext } from './routeContext'
import { taskSearchVisibility } from './taskAccess'

interface SearchResult {
  id: string
  title: string
  subtitle?: string
  type: 'task' | 'initiative' | 'person' | 'feedback' | 'oneOnOne'
}

/**
 * `GET /api/search?q=`: tasks (8), initiatives (6), people (6) and one-on-ones (6), in that
 * order, by case-insensitive substring. In the default mode each kind needs its `read:`
 * scope. The sandbox has no feedback, so that kind never appears.
 */
export function createSearchRoutes(context: RouteContext): ApiRoute[] {
  const { db } = context

  const search = async (caller: Caller, term: string): Promise<SearchResult[]> => {
    const results: SearchResult[] = []
    const like = `%${term}%`

    if (caller.canRead('tasks')) {
      const params = new SqlParams()
      const rows = await db.query<{ id: string; title: string; description: string | null }>(
        `select t.id, t.title, t.description from task t
          where t.title ilike ${params.add(like)} and ${taskSearchVisibility(params, caller)}
          order by t.updated_at desc, t.id limit 8`,
        params.values,
      )
      results.push(
        ...rows.rows.map((row) => ({
          id: row.id,
          title: row.title,
          ...(row.description ? { subtitle: row.description } : {}),
          type: 'task' as const,
        })),
      )
    }

    if (caller.canRead('initiatives')) {
      const rows = await db.query<{ id: string; title: string; summary: string | null }>(
        `select id, title, summary from initiative where organization_id = $1 and title ilike $2
          order by updated_at desc, id limit 6`,
        [caller.organizationId, like],
      )
      results.push(
        ...rows.rows.map((row) => ({
          id: row.id,
          title: row.title,
          ...(row.summary ? { subtitle: row.summary } : {}),
          type: 'initiative' as const,
        })),
      )
    }

    if (caller.canRead('people')) {
      const rows = await db.query<{ id: string; name: string }>(
        `select id, name from person where organization_id = $1 and name ilike $2
          order by name, id limit 6`,
        [caller.organizationId, like],
      )
      results.push(
        ...rows.rows.map((row) => ({ id: row.id, title: row.name, type: 'person' as const })),
      )
    }

    if (caller.canRead('meetings') && caller.personId) {
      const rows = await db.query<{
        id: string
        scheduled_at: Date | null
        manager: string
        report: string
      }>(
        `select o.id, o.scheduled_at, m.name as manager, r.name as report
           from one_on_one o
           join person m on m.id = o.manager_id
           join person r on r.id = o.report_id
          where (o.manager_id = $1 or o.report_id = $1)
            and (o.notes ilike $2 or m.name ilike $2 or r.name ilike $2)
          order by o.scheduled_at desc nulls last, o.id limit 6`,
        [caller.personId, like],
      )
      results.push(
        ...rows.rows.map((row) => ({
          id: row.id,
          title: `1:1 - ${row.manager} & ${row.report}`,
          subtitle: row.scheduled_at
            ? `Scheduled for ${row.scheduled_at.toLocaleDateString()}`
            : 'Not scheduled',
          type: 'oneOnOne' as const,
        })),
      )
    }

    return results
  }

  return [
    {
      method: 'GET',
      path: '/api/search',
      scope: 'anyRead',
      realAuthFailure: 'bare500',
      async handle(request, caller) {
        const term = (request.url.searchParams.get('q') ?? '').trim()

        if (term.length < 2 || !caller.organizationId) {
          return jsonReply(200, { results: [] })
        }

        try {
          return jsonReply(200, { results: await search(caller, term) })
        } catch (_error) {
          // mpath swallows search errors into an empty result.
          return jsonReply(200, { results: [] })
        }
      },
    },
  ]
}
