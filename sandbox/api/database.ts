import { PGlite } from '@electric-sql/pglite'

import { INDEX_SQL, SCHEMA_SQL } from './schema'

/** The sandbox's embedded PostgreSQL (PGlite), in memory or in a folder that outlives the run. */
export type SandboxDatabase = PGlite

/**
 * Opens the database and makes sure the schema exists.
 *
 * With `dataDir` the data (the seed and every write) survives restarts; without it the
 * database lives in memory for one run.
 */
export async function openDatabase(input: { dataDir?: string }): Promise<SandboxDatabase> {
  const db = input.dataDir ? await PGlite.create(input.dataDir) : await PGlite.create()
  await db.exec(SCHEMA_SQL)

  return db
}

/** Whether the organization has been seeded already (a persisted database from an earlier run). */
export async function isSeeded(db: SandboxDatabase): Promise<boolean> {
  const result = await db.query<{ count: number }>(
    'select count(*)::int as count from organization',
  )

  return (result.rows[0]?.count ?? 0) > 0
}

/** Builds the indexes the API's queries rely on; safe to run on every start. */
export async function createIndexes(db: SandboxDatabase): Promise<void> {
  await db.exec(INDEX_SQL)
}
