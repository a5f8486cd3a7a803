import { SANDBOX_ACCOUNTS } from '../../seed/accounts'
import { seedDatabase } from '../../seed/seedDatabase'
import { defaultFaults, defaultOptions } from '../../admin/defaults'
import type { SandboxFaults, SandboxOptions } from '../../types'
import { startApiServer, type ApiServer } from '../apiServer'
import { createIndexes, openDatabase, type SandboxDatabase } from '../database'
import { startFakeAuthority, type FakeAuthority } from './fakeAuthority'

/** Every scope a full desktop sign-in asks for. */
export const ALL_SCOPES = [
  'openid profile email offline_access',
  'read:people read:tasks write:tasks read:initiatives read:meetings',
].join(' ')

/** A response read once: status, headers, text and (when it parses) JSON. */
export interface TestResponse {
  status: number
  headers: Headers
  text: string
  // Tests look into bodies freely; the routes' own types are checked where they are built.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

/** A seeded database behind one or more API servers, with a fake Clerk. */
export interface TestApi {
  url: string
  db: SandboxDatabase
  faults: SandboxFaults
  options: SandboxOptions
  clerk: FakeAuthority
  /** A token for a sandbox account (`ben`, `ada`, `cleo`, `dev`). */
  tokenFor(name: 'ada' | 'ben' | 'cleo' | 'dev', scope?: string): string
  /** Person id of a seeded account by e-mail. */
  personIdOf(email: string): Promise<string>
  request(
    path: string,
    init?: {
      token?: string
      method?: string
      body?: unknown
      headers?: Record<string, string>
      baseUrl?: string
    },
  ): Promise<TestResponse>
  /** Another API server on the same database and Clerk, in another mode. */
  startAnother(changes: Partial<SandboxOptions>): Promise<ApiServer>
  close(): Promise<void>
}

/** Seeds an in-memory database and starts the API against a fake Clerk on ephemeral ports. */
export async function startTestApi(
  input: { compat?: 'default' | 'real'; faults?: Partial<SandboxFaults>; taskCount?: number } = {},
): Promise<TestApi> {
  const faults = { ...defaultFaults(), ...input.faults }
  const options: SandboxOptions = {
    ...defaultOptions(faults),
    authPort: 0,
    apiPort: 0,
    compat: input.compat ?? 'default',
  }
  const db = await openDatabase({})
  await seedDatabase(db, { accounts: SANDBOX_ACCOUNTS, taskCount: input.taskCount ?? 600 })
  await createIndexes(db)
  const clerk = await startFakeAuthority()
  const servers: ApiServer[] = []
  const start = (serverOptions: SandboxOptions) =>
    startApiServer({
      db,
      options: serverOptions,
      faults,
      authority: clerk.authority,
      readyDocument: () => undefined,
    })
  const api = await start(options)
  servers.push(api)

  return {
    url: api.url,
    db,
    faults,
    options,
    clerk,
    tokenFor(name, scope = ALL_SCOPES) {
      const account = SANDBOX_ACCOUNTS.find((candidate) => candidate.email.startsWith(`${name}@`))

      if (!account) {
        throw new Error(`No sandbox account ${name}`)
      }

      return clerk.issue({ clerkUserId: account.userId, email: account.email, scope })
    },
    async personIdOf(email) {
      const result = await db.query<{ id: string }>('select id from person where email = $1', [
        email,
      ])

      return result.rows[0]?.id ?? ''
    },
    async request(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers }

      if (init.token) {
        headers.Authorization = `Bearer ${init.token}`
      }

      if (init.body !== undefined) {
        headers['Content-Type'] = 'application/json'
      }

      const response = await fetch(`${init.baseUrl ?? api.url}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body:
          init.body === undefined
            ? undefined
            : typeof init.body === 'string'
              ? init.body
              : JSON.stringify(init.body),
      })
      const text = await response.text()
      let json: unknown

      try {
        json = JSON.parse(text)
      } catch (_error) {
        json = undefined
      }

      return { status: response.status, headers: response.headers, text, json }
    },
    async startAnother(changes) {
      const server = await start({ ...options, ...changes })
      servers.push(server)

      return server
    },
    async close() {
      await Promise.all(servers.map((server) => server.close()))
      await clerk.close()
      await db.close()
    },
  }
}
