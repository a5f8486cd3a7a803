/**
 * Fakes for session tests: a token endpoint behind the fetch port that rotates refresh tokens
 * as Clerk is expected to, and a rig wiring a session to it over a settling clock.
 */
import { Configuration, customFetch, None } from 'openid-client'
import { afterEach } from 'vitest'

import { connectionProfileSchema, type ConnectionProfile } from '../../../shared/connection/profile'
import { AppError } from '../../../shared/errors/appError'
import type { LogEntry } from '../../log/createLogger'
import { createTestLogger } from '../../log/testing/testLogger'
import type { FetchPort } from '../../platform/ports'
import { createSettlingClock, type SettlingClock } from '../../platform/testing/manualClock'
import {
  type MemoryKeyValueStore,
  memoryKeyValueStore,
} from '../../platform/testing/memoryKeyValueStore'
import { createTestCipher, type TestCipher } from '../../vault/testing/testCipher'
import { createTestVault } from '../../vault/testing/testVault'
import { createSession, type Session, type SessionOptions } from '../session'
import type { SessionVault } from '../tokenStore'
import type { AuthServer, ReceivedTokens } from '../types'

/** One request the fake server saw. */
export interface SeenRequest {
  path: string
  body: URLSearchParams
  authorization: string | null
}

type Handler = (request: SeenRequest) => Response | Promise<Response>

/** A fake authorization server reached only through its `fetch`. */
export interface FakeTokenServer {
  server: AuthServer
  profile: ConnectionProfile
  fetch: FetchPort
  requests: SeenRequest[]
  /** The refresh tokens the server still accepts. */
  liveRefreshTokens: Set<string>
  /** Lifetime of issued access tokens, in seconds. */
  expiresIn: number
  /** Whether each refresh returns a new refresh token and kills the old one. */
  rotate: boolean
  /** Replaces the token endpoint's answer for the next refreshes (until reset to undefined). */
  refreshHandler: Handler | undefined
  revocationHandler: Handler | undefined
  /** Holds every token endpoint answer until `release()`. */
  hold(): { release(): void }
  /** Issues a first token set as a code exchange would. */
  issue(): { accessToken: string; refreshToken: string }
  refreshRequests(): SeenRequest[]
}

/** Creates a fake server at https://auth.test for a public client. */
export function createFakeTokenServer(
  options: { supportsRevocation?: boolean } = {},
): FakeTokenServer {
  const issuer = 'https://auth.test'
  let serial = 0
  let gate: Promise<void> | undefined
  const profile = connectionProfileSchema.parse({
    issuer,
    apiUrl: 'https://api.test',
    clientId: 'desktop-client',
  })

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    })

  const fake: FakeTokenServer = {
    server: undefined as unknown as AuthServer,
    profile,
    fetch: undefined as unknown as FetchPort,
    requests: [],
    liveRefreshTokens: new Set(),
    expiresIn: 3600,
    rotate: true,
    refreshHandler: undefined,
    revocationHandler: undefined,
    hold() {
      let release = () => {}
      gate = new Promise((resolve) => {
        release = () => {
          gate = undefined
          resolve()
        }
      })

      return { release }
    },
    issue() {
      serial += 1
      const refreshToken = `rt-${serial}`
      fake.liveRefreshTokens.add(refreshToken)

      return { accessToken: `at-${serial}`, refreshToken }
    },
    refreshRequests: () =>
      fake.requests.filter((request) => request.body.get('grant_type') === 'refresh_token'),
  }

  const refresh: Handler = (request) => {
    const presented = request.body.get('refresh_token') ?? ''

    if (!fake.liveRefreshTokens.has(presented)) {
      return json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' })
    }

    serial += 1
    const body: Record<string, unknown> = {
      access_token: `at-${serial}`,
      token_type: 'Bearer',
      expires_in: fake.expiresIn,
      scope: profile.scopes.join(' '),
    }

    if (fake.rotate) {
      fake.liveRefreshTokens.delete(presented)
      body.refresh_token = `rt-${serial}`
      fake.liveRefreshTokens.add(`rt-${serial}`)
    }

    return json(200, body)
  }

  const revoke: Handler = (request) => {
    fake.liveRefreshTokens.delete(request.body.get('token') ?? '')

    return new Response(null, { status: 200 })
  }

  const route = async (request: SeenRequest): Promise<Response> => {
    switch (request.path) {
      case '/oauth/token':
        await gate

        return (fake.refreshHandler ?? refresh)(request)
      case '/oauth/token/revoke':
        return (fake.revocationHandler ?? revoke)(request)
      case '/oauth/userinfo':
        return json(200, { sub: 'user_1', name: 'Ada Lovelace', email: 'ada@example.test' })
      default:
        return json(404, { error: 'not_found' })
    }
  }

  fake.fetch = (async (input: Parameters<FetchPort>[0], init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url)
    const request: SeenRequest = {
      path: url.pathname,
      body: new URLSearchParams(init?.body ? String(init.body) : ''),
      authorization: new Headers(init?.headers).get('authorization'),
    }
    fake.requests.push(request)

    return route(request)
  }) as FetchPort

  const configuration = new Configuration(
    {
      issuer,
      token_endpoint: `${issuer}/oauth/token`,
      revocation_endpoint: `${issuer}/oauth/token/revoke`,
      userinfo_endpoint: `${issuer}/oauth/userinfo`,
    },
    profile.clientId,
    undefined,
    None(),
  )
  configuration[customFetch] = (url, init) => fake.fetch(url, init as RequestInit)
  fake.server = {
    profile,
    configuration,
    issuer,
    supportsRevocation: options.supportsRevocation ?? true,
    supportsDeviceGrant: false,
    requiresIssParameter: true,
  }

  return fake
}

/** What {@link createSessionRig} wires together. */
export interface SessionRigOptions {
  fake?: FakeTokenServer
  clock?: SettlingClock
  cipher?: TestCipher
  store?: MemoryKeyValueStore
  allowWeakPersistence?: boolean
  refreshMarginSeconds?: number
  breaker?: SessionOptions['breaker']
  vault?: SessionVault
  /** False makes discovery fail as if the sign-in server could not be reached. */
  isServerReachable?: () => boolean
}

/** A session over a real vault (test cipher, memory store), a fake clock and a fake server. */
export function createSessionRig(options: SessionRigOptions = {}) {
  const clock = options.clock ?? createSettlingClock()
  const fake = options.fake ?? createFakeTokenServer()
  const cipher = options.cipher ?? createTestCipher({ backend: 'keychain' })
  const store = options.store ?? memoryKeyValueStore()
  const { logger, entries } = createTestLogger()
  const vault =
    options.vault ??
    createTestVault(store, cipher, {
      logger,
      clock,
      allowWeakPersistence: options.allowWeakPersistence,
    }).vault
  const discoveries: ConnectionProfile[] = []
  const session = createSession({
    vault,
    clock,
    logger,
    fetch: fake.fetch,
    discover: async (profile) => {
      discoveries.push(profile)

      if (options.isServerReachable?.() === false) {
        throw new AppError('NETWORK_OFFLINE', 'The sign-in server could not be reached.')
      }

      return fake.server
    },
    profileSource: async () => fake.profile,
    refreshMarginSeconds: options.refreshMarginSeconds,
    breaker: options.breaker,
  })

  /** A code exchange's answer, as the authorization flow hands it over. */
  const received = (
    lifetimeSeconds = 3600,
    extra: Partial<ReceivedTokens> = {},
  ): ReceivedTokens => {
    const { accessToken, refreshToken } = fake.issue()

    return {
      accessToken,
      refreshToken,
      idTokenClaims: { sub: 'user_1', name: 'Ada Lovelace', email: 'ada@example.test' },
      scopes: [...fake.profile.scopes],
      expiresAt: clock.now() + lifetimeSeconds * 1000,
      ...extra,
    }
  }

  return { clock, fake, cipher, store, vault, session, entries, discoveries, received }
}

/**
 * A {@link createSessionRig} that disposes every session it made after each test, so no
 * refresh timer outlives its test. Call it once at the top of a test file.
 */
export function trackSessionRigs(): typeof createSessionRig {
  const sessions: Session[] = []

  afterEach(() => {
    for (const session of sessions.splice(0)) {
      session.dispose()
    }
  })

  return (options) => {
    const created = createSessionRig(options)
    sessions.push(created.session)

    return created
  }
}

/** True when any log entry contains a token the fake server issued. */
export function logsContainTokens(entries: readonly LogEntry[]): boolean {
  return /\b[ar]t-\d+\b/.test(JSON.stringify(entries))
}
