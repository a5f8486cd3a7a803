import type { SandboxDatabase } from '../database'
import type { PageRequest } from './listQuery'
import type { SqlParams } from './sqlParams'

/** The parts of a list query; `from` carries the joins and the where clause. */
export interface PageQuery {
  params: SqlParams
  /** The select list, without `select`. */
  columns: string
  from: string
  /** The ORDER BY clause, as `readSort` builds it. */
  order: string
  page: PageRequest
}

/**
 * Counts every row of `from` and selects one page of them, as mpath's list routes do: the
 * count first with the filter parameters only, then the page with limit and offset added.
 */
export async function selectPage<Row>(
  db: SandboxDatabase,
  query: PageQuery,
): Promise<{ rows: Row[]; totalCount: number }> {
  const { params, page } = query
  const count = await db.query<{ count: number }>(
    `select count(*)::int as count ${query.from}`,
    params.values,
  )
  const rows = await db.query<Row>(
    `select ${query.columns} ${query.from} ${query.order}
     limit ${params.add(page.limit)} offset ${params.add(page.offset)}`,
    params.values,
  )

  return { rows: rows.rows, totalCount: count.rows[0]?.count ?? 0 }
}
