import * as oidc from 'openid-client'

import type { AuthTransport } from '../../shared/auth/sessionState'
import { AppError } from '../../shared/errors/appError'
import type { PendingAuthorization } from './pendingAuthorization'
import type { AuthServer } from './types'

/** The transports `start` can use; the device grant has its own entry point. */
export type BrowserTransport = Exclude<AuthTransport, 'device'>

/**
 * The authorization URL for an attempt, built by openid-client: PKCE S256 and `state` always,
 * `nonce` when `openid` is requested. It goes to the system browser and nowhere else.
 */
export async function buildAuthorizationUrl(
  server: AuthServer,
  attempt: PendingAuthorization,
): Promise<URL> {
  const parameters: Record<string, string> = {
    redirect_uri: attempt.redirectUri,
    scope: attempt.scopes.join(' '),
    state: attempt.state,
    code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
    code_challenge_method: 'S256',
  }

  if (attempt.nonce !== undefined) {
    parameters.nonce = attempt.nonce
  }

  return oidc.buildAuthorizationUrl(server.configuration, parameters)
}

/** The registered loopback redirect of the profile, if it has one. */
export function loopbackRedirectOf(server: AuthServer): string | undefined {
  const { loopbackRedirectUri, redirectUri } = server.profile

  if (loopbackRedirectUri !== undefined) {
    return loopbackRedirectUri
  }

  return URL.parse(redirectUri)?.hostname === '127.0.0.1' ? redirectUri : undefined
}

/** The custom scheme, unless the profile's only redirect is a loopback one. */
export function defaultTransport(server: AuthServer): BrowserTransport {
  return server.profile.redirectUri.startsWith('http:') ? 'loopback' : 'scheme'
}

/** The redirect URI an attempt over `transport` uses; throws when that transport has none. */
export function redirectUriFor(
  server: AuthServer,
  transport: BrowserTransport,
  hasLoopback: boolean,
): string {
  const loopback = loopbackRedirectOf(server)

  if (transport === 'scheme') {
    return server.profile.redirectUri
  }

  if (transport === 'paste') {
    // A loopback address nobody answers leaves the whole address in the browser's address bar.
    return loopback ?? server.profile.redirectUri
  }

  if (loopback === undefined || !hasLoopback) {
    throw new AppError(
      'AUTH_TRANSPORT_UNAVAILABLE',
      'This connection has no loopback redirect registered.',
      {
        action:
          'Ask your administrator for the app’s http://127.0.0.1 redirect URI, or sign in another way.',
      },
    )
  }

  return loopback
}
