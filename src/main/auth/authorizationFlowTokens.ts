import type * as oidc from 'openid-client'

import type { ReceivedTokens } from './types'

/**
 * When a server omits `expires_in`, assume a short life: an early refresh costs one request,
 * a late one costs a failed API call.
 */
const ASSUMED_LIFETIME_SECONDS = 3600

/**
 * Normalizes a token endpoint answer at the moment it arrived: expiry from `expires_in` at
 * receipt, granted scopes from `scope` (or the requested ones when the server omits it, as
 * RFC 6749 §5.1 allows when they are unchanged), and the validated ID token claims.
 */
export function receivedTokensFrom(
  response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
  requestedScopes: readonly string[],
  receivedAt: number,
): ReceivedTokens {
  const lifetimeSeconds =
    typeof response.expires_in === 'number' && response.expires_in >= 0
      ? response.expires_in
      : ASSUMED_LIFETIME_SECONDS
  const scopes =
    typeof response.scope === 'string'
      ? response.scope.split(' ').filter(Boolean)
      : [...requestedScopes]
  const claims = response.claims()

  return {
    accessToken: response.access_token,
    ...(response.refresh_token === undefined ? {} : { refreshToken: response.refresh_token }),
    ...(claims === undefined ? {} : { idTokenClaims: { ...claims } }),
    scopes,
    expiresAt: receivedAt + lifetimeSeconds * 1000,
  }
}
