import { createIndexes, isSeeded, openDatabase, type SandboxDatabase } from './api/database'
import { startApiServer, type ApiServer } from './api/apiServer'
import { startAuthorizationServer, type AuthorizationServer } from './auth/authorizationServer'
import { SANDBOX_ACCOUNTS } from './seed/accounts'
import { seedDatabase } from './seed/seedDatabase'
import { defaultFaults, defaultOptions } from './admin/defaults'
import type { ReadyDocument, SandboxFaults, SandboxOptions } from './types'

/** What `startSandbox` accepts: any options, with faults given in part. */
export type SandboxStartInput = Partial<Omit<SandboxOptions, 'faults'>> & {
  faults?: Partial<SandboxFaults>
  /** Where progress lines go (the command line sends them to stderr); silent by default. */
  log?: (line: string) => void
}

/** A task row as stored, for tests that check what a write did. */
export interface StoredTask {
  id: string
  title: string
  description: string | null
  status: string
  priority: number
  dueDate: Date | null
  completedAt: Date | null
  assigneeId: string | null
  createdById: string
  initiativeId: string | null
  objectiveId: string | null
  updatedAt: Date
}

/** A running sandbox: both servers, the database and the live faults. */
export interface RunningSandbox {
  ready: ReadyDocument
  options: SandboxOptions
  /** The live faults; change them with `setFaults` or the admin URL. */
  faults: SandboxFaults
  resourceServer: { clientId: string; clientSecret: string }
  db: SandboxDatabase
  /** A task as stored (ignores visibility), or undefined. */
  findTask(id: string): Promise<StoredTask | undefined>
  setFaults(partial: Partial<SandboxFaults>): void
  close(): Promise<void>
}

/**
 * Starts the whole sandbox: the database (seeded on first use), the authorization server
 * and the mpath API. Pass port 0 for ephemeral ports (tests).
 */
export async function startSandbox(input: SandboxStartInput = {}): Promise<RunningSandbox> {
  const { faults: faultChanges, log = () => {}, ...optionChanges } = input
  const faults: SandboxFaults = { ...defaultFaults(), ...faultChanges }
  const options: SandboxOptions = { ...defaultOptions(faults), ...optionChanges, faults }
  const db = await openDatabase({ dataDir: options.dataDir })
  let authorization: AuthorizationServer | undefined
  let api: ApiServer | undefined

  try {
    if (await isSeeded(db)) {
      log(`[sandbox] using the organization stored in ${options.dataDir}`)
    } else {
      const started = Date.now()
      await seedDatabase(db, { accounts: SANDBOX_ACCOUNTS, taskCount: options.scale.tasks })
      log(`[sandbox] seeded ${options.scale.tasks} tasks in ${Date.now() - started} ms`)
    }

    await createIndexes(db)
    authorization = await startAuthorizationServer({ options, faults, accounts: SANDBOX_ACCOUNTS })
    const published: { ready?: ReadyDocument } = {}
    const resourceServer = authorization.resourceServer
    api = await startApiServer({
      db,
      options,
      faults,
      authority: { issuer: authorization.issuer, ...resourceServer },
      readyDocument: () => published.ready,
    })
    const ready: ReadyDocument = {
      issuer: authorization.issuer,
      apiUrl: api.url,
      adminUrl: api.adminUrl,
      clients: authorization.clients,
      users: await readyUsers(db),
    }
    published.ready = ready
    const servers = { authorization, api }

    return {
      ready,
      options,
      faults,
      resourceServer,
      db,
      findTask: (id) => findTask(db, id),
      setFaults: (partial) => Object.assign(faults, partial),
      async close() {
        await Promise.all([servers.api.close(), servers.authorization.close()])
        await db.close()
      },
    }
  } catch (error) {
    await api?.close()
    await authorization?.close()
    await db.close()
    throw error
  }
}

async function readyUsers(db: SandboxDatabase): Promise<ReadyDocument['users']> {
  const linked = await db.query<{ email: string; person_id: string | null }>(
    'select email, person_id from app_user',
  )

  return SANDBOX_ACCOUNTS.map((account) => ({
    email: account.email,
    password: account.password,
    role: account.orgRole,
    personId: linked.rows.find((row) => row.email === account.email)?.person_id ?? null,
  }))
}

async function findTask(db: SandboxDatabase, id: string): Promise<StoredTask | undefined> {
  const result = await db.query<StoredTask>(
    `select id, title, description, status, priority, due_date as "dueDate",
            completed_at as "completedAt", assignee_id as "assigneeId",
            created_by_id as "createdById", initiative_id as "initiativeId",
            objective_id as "objectiveId", updated_at as "updatedAt"
       from task where id = $1`,
    [id],
  )

  return result.rows[0]
}
