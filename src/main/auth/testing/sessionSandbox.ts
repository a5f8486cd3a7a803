/**
 * Session integration tests against the sandbox: a session wired as the app wires it, a real
 * sign-in at the sandbox's pages, introspection as the mpath server does it. The app never
 * imports the sandbox, and the main zone's type project does not compile it, so its modules
 * are loaded at run time and described here by the small part the tests use.
 */
import * as oidc from 'openid-client'

import { connectionProfileSchema, DEFAULT_REDIRECT_URI } from '../../../shared/connection/profile'
import { createTestLogger } from '../../log/testing/testLogger'
import { type FetchPort, systemClock } from '../../platform/ports'
import { createTestVault } from '../../vault/testing/testVault'
import type { Vault } from '../../vault/vault'
import { receivedTokensFrom } from '../authorizationFlowTokens'
import { discoverServer } from '../discovery'
import { createSession, type Session } from '../session'
import { SESSION_VAULT_NAME } from '../tokenStore'
import type { AuthServer } from '../types'

/** Ada, the sandbox's admin, as the login pages know her. */
export const ADA = { email: 'ada@example.test', password: 'sandbox-ada' } as const

/** The scopes the session tests sign in with. */
export const SESSION_TEST_SCOPES = ['openid', 'profile', 'email', 'offline_access', 'read:tasks']

/** Credentials of the client the mpath server introspects with. */
export interface ResourceServerCredentials {
  clientId: string
  clientSecret: string
}

const SANDBOX = '../../../../sandbox'

/** Loads a sandbox module at run time, e.g. `start` or `auth/testing/driveLogin`. */
export function loadSandboxModule<T>(path: string): Promise<T> {
  return import(/* @vite-ignore */ `${SANDBOX}/${path}`) as Promise<T>
}

interface LoginDriver {
  authorizeOverHttp(input: {
    authorizationUrl: string
    email: string
    password: string
  }): Promise<string>
}

/**
 * A session for the sandbox's public client, signed in as Ada through a real code exchange
 * with PKCE; its fetch counts refresh requests.
 */
export async function signInSandboxSession(input: { issuer: string; clientId: string }) {
  const { logger, entries } = createTestLogger()
  const { vault, store, cipher } = createTestVault()
  const refreshBodies: string[] = []
  const countingFetch = (async (request: Parameters<FetchPort>[0], init?: RequestInit) => {
    const body = init?.body ? String(init.body) : ''

    if (body.includes('grant_type=refresh_token')) {
      refreshBodies.push(body)
    }

    return fetch(request, init)
  }) as FetchPort
  const profile = connectionProfileSchema.parse({
    issuer: input.issuer,
    apiUrl: 'http://127.0.0.1:9',
    clientId: input.clientId,
    scopes: SESSION_TEST_SCOPES,
  })
  const discover = (candidate: typeof profile) =>
    discoverServer(candidate, { fetch: countingFetch, logger })
  const session = createSession({
    vault,
    clock: systemClock,
    logger,
    fetch: countingFetch,
    discover,
    profileSource: async () => profile,
  })
  const server = await discover(profile)
  const firstRefreshToken = await exchangeCode(session, server)

  return {
    session,
    server,
    profile,
    store,
    cipher,
    vault,
    entries,
    refreshBodies,
    firstRefreshToken,
  }
}

/** Signs Ada in at the sandbox's pages and hands the exchange's answer to the session. */
async function exchangeCode(session: Session, server: AuthServer): Promise<string> {
  const driver = await loadSandboxModule<LoginDriver>('auth/testing/driveLogin')
  const verifier = oidc.randomPKCECodeVerifier()
  const state = oidc.randomState()
  const nonce = oidc.randomNonce()
  const url = oidc.buildAuthorizationUrl(server.configuration, {
    redirect_uri: DEFAULT_REDIRECT_URI,
    scope: SESSION_TEST_SCOPES.join(' '),
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  })
  const callback = await driver.authorizeOverHttp({ authorizationUrl: url.href, ...ADA })
  const response = await oidc.authorizationCodeGrant(server.configuration, new URL(callback), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  })
  const received = receivedTokensFrom(response, SESSION_TEST_SCOPES, Date.now())
  await session.establish(received, server)

  if (!received.refreshToken) {
    throw new Error('The sandbox issued no refresh token.')
  }

  return received.refreshToken
}

/** Asks the authorization server about a token, as the mpath server does (RFC 7662). */
export async function introspect(
  issuer: string,
  resourceServer: ResourceServerCredentials,
  token: string,
  hint: 'refresh_token' | 'access_token',
) {
  const configuration = await oidc.discovery(
    new URL(issuer),
    resourceServer.clientId,
    resourceServer.clientSecret,
    oidc.ClientSecretBasic(resourceServer.clientSecret),
    { execute: [oidc.allowInsecureRequests] },
  )

  return oidc.tokenIntrospection(configuration, token, { token_type_hint: hint })
}

/** The refresh token sealed in the vault right now (empty when none). */
export async function sealedRefreshToken(vault: Vault): Promise<string> {
  const sealed = JSON.parse((await vault.open(SESSION_VAULT_NAME)) ?? '{}') as {
    refreshToken?: string
  }

  return sealed.refreshToken ?? ''
}
