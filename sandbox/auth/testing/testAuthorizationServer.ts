/**
 * Starting the authorization server alone, and signing in at it, for tests.
 */
import * as oauth from 'openid-client'

import { defaultFaults, defaultOptions } from '../../admin/defaults'
import { SANDBOX_ACCOUNTS } from '../../seed/accounts'
import type { SandboxAccount, SandboxFaults, SandboxOptions } from '../../types'
import { type AuthorizationServer, startAuthorizationServer } from '../authorizationServer'
import { CUSTOM_SCHEME_REDIRECT_URI, PUBLIC_CLIENT_ID } from '../clients'
import { authorizeOverHttp } from './driveLogin'

/** Faults all off (the sandbox's own defaults). */
export const quietFaults = defaultFaults

/** Options for a test run: the sandbox's defaults on ephemeral ports. */
export function testOptions(faults: SandboxFaults = quietFaults()): SandboxOptions {
  return { ...defaultOptions(faults), authPort: 0, apiPort: 0 }
}

/** A running server plus the live objects a test may change. */
export interface TestAuthorizationServer extends AuthorizationServer {
  options: SandboxOptions
  faults: SandboxFaults
}

/** Starts an authorization server on an ephemeral port with the seed's accounts. */
export async function startTestAuthorizationServer(
  accounts: readonly SandboxAccount[] = SANDBOX_ACCOUNTS,
): Promise<TestAuthorizationServer> {
  const faults = quietFaults()
  const options = testOptions(faults)
  const server = await startAuthorizationServer({ options, faults, accounts })

  return { ...server, options, faults }
}

/** An openid-client configuration for one of the server's clients (plain http allowed). */
export async function configurationFor(
  server: AuthorizationServer,
  clientId: string = PUBLIC_CLIENT_ID,
): Promise<oauth.Configuration> {
  const execute = [oauth.allowInsecureRequests]

  if (clientId === server.resourceServer.clientId) {
    const { clientSecret } = server.resourceServer
    const auth = oauth.ClientSecretBasic(clientSecret)

    return oauth.discovery(new URL(server.issuer), clientId, clientSecret, auth, { execute })
  }

  const client = server.clients.find((candidate) => candidate.clientId === clientId)

  if (!client) {
    throw new Error(`Unknown sandbox client ${clientId}.`)
  }

  const secret = client.clientSecret ?? undefined
  const auth =
    secret === undefined
      ? oauth.None()
      : client.authMethods.includes('client_secret_post')
        ? oauth.ClientSecretPost(secret)
        : oauth.ClientSecretBasic(secret)

  return oauth.discovery(new URL(server.issuer), clientId, secret, auth, { execute })
}

/**
 * Signs an account in through the login and consent pages with PKCE and exchanges the
 * code; resolves with the token response.
 */
export async function signInOverHttp(input: {
  server: AuthorizationServer
  email: string
  password: string
  scope: string
  clientId?: string
  redirectUri?: string
}): Promise<oauth.TokenEndpointResponse & oauth.TokenEndpointResponseHelpers> {
  const config = await configurationFor(input.server, input.clientId)
  const verifier = oauth.randomPKCECodeVerifier()
  const state = oauth.randomState()
  const authorizationUrl = oauth.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri ?? CUSTOM_SCHEME_REDIRECT_URI,
    scope: input.scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  })
  const callback = await authorizeOverHttp({
    authorizationUrl: authorizationUrl.href,
    email: input.email,
    password: input.password,
  })

  return oauth.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  })
}

/**
 * An authorization URL for `clientId` with PKCE S256 and a fixed state, asking for the usual
 * scopes; `parameters` override any of them.
 */
export async function authorizationUrlFor(
  server: AuthorizationServer,
  clientId: string,
  parameters: Record<string, string>,
): Promise<{ url: URL; config: oauth.Configuration; verifier: string }> {
  const config = await configurationFor(server, clientId)
  const verifier = oauth.randomPKCECodeVerifier()
  const url = oauth.buildAuthorizationUrl(config, {
    redirect_uri: CUSTOM_SCHEME_REDIRECT_URI,
    scope: 'openid profile email offline_access read:tasks',
    state: 'state-0123456789',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...parameters,
  })

  return { url, config, verifier }
}
