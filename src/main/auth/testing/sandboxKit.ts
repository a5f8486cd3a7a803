/**
 * Starts the sandbox for main-process integration tests. The app never
 * imports the sandbox, and neither the lint nor the main type project follows these paths: the
 * modules are loaded at run time and described here by the small part the tests use.
 */
import type { ConnectionProfile } from '../../../shared/connection/profile'
import { connectionProfileSchema } from '../../../shared/connection/profile'
import { findFreePort } from './freePort'

/** A desktop client as the sandbox registers it. */
export interface SandboxClientInfo {
  clientId: string
  clientSecret: string | null
  kind: 'public' | 'confidential'
  authMethods: string[]
  redirectUris: string[]
  scopes: string[]
}

/** The live fault switches this kit's tests touch. */
export interface SandboxFaultSwitches {
  tokenEndpoint: 'ok' | 'fail' | 'timeout'
  latencyMs: number
}

/** A running sandbox (authorization server and mpath API) on ephemeral ports. */
export interface TestSandbox {
  issuer: string
  apiUrl: string
  clients: SandboxClientInfo[]
  /** The port of the registered loopback redirect URI (free when the sandbox started). */
  loopbackPort: number
  setFaults(partial: Partial<SandboxFaultSwitches>): void
  close(): Promise<void>
}

/** A person who can sign in at the sandbox. */
export const SANDBOX_USER = { email: 'ada@example.test', password: 'sandbox-ada' } as const

interface StartModule {
  startSandbox(input: {
    authPort: number
    apiPort: number
    loopbackPort: number
    scale: { tasks: number }
  }): Promise<{
    ready: { issuer: string; apiUrl: string; clients: SandboxClientInfo[] }
    setFaults(partial: Partial<SandboxFaultSwitches>): void
    close(): Promise<void>
  }>
}

const SANDBOX = '../../../../sandbox'
const load = <T>(path: string) => import(/* @vite-ignore */ `${SANDBOX}/${path}`) as Promise<T>

/**
 * Starts the sandbox on ephemeral ports with a small organization, its loopback redirect
 * registered at a port that was free, so a test can listen there.
 */
export async function startSandboxForTests(): Promise<TestSandbox> {
  const { startSandbox } = await load<StartModule>('start')
  const loopbackPort = await findFreePort()
  const sandbox = await startSandbox({
    authPort: 0,
    apiPort: 0,
    loopbackPort,
    scale: { tasks: 20 },
  })

  return {
    issuer: sandbox.ready.issuer,
    apiUrl: sandbox.ready.apiUrl,
    clients: sandbox.ready.clients,
    loopbackPort,
    setFaults: (partial) => sandbox.setFaults(partial),
    close: () => sandbox.close(),
  }
}

/** A profile for one of the sandbox's clients, as the app would hold it. */
export function sandboxProfile(
  sandbox: TestSandbox,
  kind: 'public' | 'basic',
  scopes: readonly string[],
): { profile: ConnectionProfile; clientSecret?: string } {
  const client = sandbox.clients.find((candidate) =>
    kind === 'public'
      ? candidate.kind === 'public'
      : candidate.authMethods.includes('client_secret_basic'),
  )

  if (client === undefined) {
    throw new Error(`The sandbox has no ${kind} client.`)
  }

  const profile = connectionProfileSchema.parse({
    issuer: sandbox.issuer,
    apiUrl: sandbox.apiUrl,
    clientId: client.clientId,
    redirectUri: 'mpath://oauth/callback',
    loopbackRedirectUri: `http://127.0.0.1:${sandbox.loopbackPort}/oauth/callback`,
    scopes: [...scopes],
    hasClientSecret: client.clientSecret !== null,
  })

  return client.clientSecret === null ? { profile } : { profile, clientSecret: client.clientSecret }
}

/** The sandbox's HTTP login driver, loaded at run time like the server. */
export async function loadLoginDriver(): Promise<{
  authorizeOverHttp(input: {
    authorizationUrl: string
    email: string
    password: string
    decision?: 'allow' | 'deny'
  }): Promise<string>
  confirmDeviceCodeOverHttp(input: {
    verificationUri: string
    userCode: string
    email: string
    password: string
    decision?: 'allow' | 'deny'
  }): Promise<{ url: string; status: number; html: string }>
}> {
  return load('auth/testing/driveLogin')
}
