/**
 * Shapes shared by the sandbox's authorization server, its mpath API and its command line.
 * The sandbox is a development and test tool: it is never packaged with the app.
 */

/** A person who can sign in at the sandbox's authorization server (a "Clerk user"). */
export interface SandboxAccount {
  /** Clerk-style user id (`user_…`); the subject of tokens and `user_id` in userinfo. */
  userId: string
  email: string
  password: string
  name: string
  givenName: string
  familyName: string
  /** The account's role in the organization; only admins are granted the `admin` scope. */
  orgRole: 'admin' | 'user'
}

/** A registered OAuth client, as the ready document describes it. */
export interface SandboxClient {
  clientId: string
  clientSecret: string | null
  kind: 'public' | 'confidential'
  authMethods: Array<'none' | 'client_secret_basic' | 'client_secret_post'>
  redirectUris: string[]
  scopes: string[]
}

/** Faults switched on by flags or by a JSON POST to the admin URL. */
export interface SandboxFaults {
  /** Added to every API and token-endpoint response, in milliseconds. */
  latencyMs: number
  /** Per API route prefix (e.g. `/api/tasks`), the probability of a 500. */
  errorRates: Record<string, number>
  /** API route prefixes whose 200 bodies are replaced by malformed JSON. */
  malformedRoutes: string[]
  /** The token endpoint fails with a 500, or never answers within the client's patience. */
  tokenEndpoint: 'ok' | 'fail' | 'timeout'
  /** Every refresh_token grant answers `invalid_grant`. */
  refreshInvalidGrant: boolean
  /** Seconds added to the clock the API reports in its `Date` header. */
  clockOffsetSeconds: number
  /** Revocation only with client credentials (Clerk's specification, read strictly). */
  strictRevoke: boolean
  /** The task-write extension is off, as on the real server. */
  noWrites: boolean
}

/** Everything the sandbox can be started with; every field has a default. */
export interface SandboxOptions {
  host: '127.0.0.1'
  /** Authorization server port; 0 picks a free one (tests). Default 7071. */
  authPort: number
  /** mpath API port; 0 picks a free one. Default 7072. */
  apiPort: number
  /** The port of the registered loopback redirect URI. Default 7073. */
  loopbackPort: number
  /** `default` follows mpath's published guide; `real` follows today's server code. */
  compat: 'default' | 'real'
  accessTokenTtlSeconds: number
  codeTtlSeconds: number
  refreshTokenTtlSeconds: number
  /** Seed sizes; `tasks` alone may be raised for benchmarks (`--scale tasks=100000`). */
  scale: { tasks: number }
  /** Folder where the database lives across runs; in memory when absent. */
  dataDir?: string
  faults: SandboxFaults
}

/** The document printed on stdout when the sandbox is ready and served at `/sandbox.json`. */
export interface ReadyDocument {
  issuer: string
  apiUrl: string
  adminUrl: string
  clients: SandboxClient[]
  /** The accounts; `personId` is null for an account not linked to a person (Cleo, Dev). */
  users: Array<{ email: string; password: string; role: 'admin' | 'user'; personId: string | null }>
}
