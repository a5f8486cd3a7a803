import type { SandboxDatabase } from '../api/database'
import type { SandboxAccount } from '../types'
import { createSeedClock } from './clock'
import { seedInitiatives, seedOneOnOnes } from './initiatives'
import { seedPeople } from './people'
import { SeededRandom } from './random'
import { seedTasks } from './tasks'

/** The same seed gives the same organization, ids and names on every machine. */
const SEED = 20_260_226

/** The Clerk organization id the sandbox's organization is linked to. */
export const SANDBOX_CLERK_ORGANIZATION_ID = 'org_2sandbox00000000000000001'

/** Rows per table, in insertion order. */
export type SeedTables = Array<[table: string, rows: object[]]>

/**
 * Builds the sandbox organization in memory: teams, people, accounts, initiatives, tasks
 * (`taskCount` of them), one-on-ones and reminder preferences. Dates are relative to `now`,
 * so "overdue" and "due today" hold whenever it runs; everything else is the same every time.
 */
export function buildSeed(input: {
  accounts: readonly SandboxAccount[]
  taskCount: number
  now: Date
}): SeedTables {
  const random = new SeededRandom(SEED)
  const clock = createSeedClock(input.now)
  const organization = {
    id: random.cuid(),
    clerk_organization_id: SANDBOX_CLERK_ORGANIZATION_ID,
    name: 'Northwind Labs',
  }
  const people = seedPeople({
    random,
    clock,
    organizationId: organization.id,
    accounts: input.accounts,
  })
  const initiatives = seedInitiatives({ random, clock, organizationId: organization.id, people })
  const oneOnOnes = seedOneOnOnes({ random, clock, people })
  const tasks = seedTasks({ random, clock, people, initiatives, count: input.taskCount })

  return [
    ['organization', [organization]],
    ['job_role', people.jobRoles],
    ['team', people.teams],
    ['person', people.people],
    ['app_user', people.users],
    ['organization_member', people.members],
    ['initiative', initiatives.initiatives],
    ['objective', initiatives.objectives],
    ['initiative_owner', initiatives.owners],
    ['one_on_one', oneOnOnes],
    ['task', tasks.tasks],
    ['task_reminder_preference', tasks.preferences],
  ]
}

/**
 * Fills an empty database with the seed of `buildSeed`, one `COPY` per table; call
 * `createIndexes` afterwards.
 */
export async function seedDatabase(
  db: SandboxDatabase,
  input: { accounts: readonly SandboxAccount[]; taskCount: number; now?: Date },
): Promise<void> {
  const tables = buildSeed({ ...input, now: input.now ?? new Date() })

  await db.transaction(async (transaction) => {
    // Foreign keys are checked by construction here; skipping their triggers and building
    // the task indexes afterwards keeps a benchmark-sized seed within seconds.
    await transaction.exec('set local session_replication_role = replica')

    for (const [table, rows] of tables) {
      const first = rows[0]

      if (!first) {
        continue
      }

      const columns = Object.keys(first)
      const csv = rows
        .map((row) =>
          columns.map((column) => toCsvField((row as Record<string, unknown>)[column])).join(','),
        )
        .join('\n')
      await transaction.query(
        `copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`,
        [],
        { blob: new Blob([csv]) },
      )
    }
  })
}

/** In PostgreSQL's CSV format an unquoted empty field is NULL and a quoted one is text. */
function toCsvField(value: unknown): string {
  if (value === null || value === undefined) {
    return ''
  }

  if (typeof value === 'number') {
    return String(value)
  }

  return `"${String(value).replace(/"/g, '""')}"`
}
