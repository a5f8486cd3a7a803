import { fetchUserInfo, skipSubjectCheck } from 'openid-client'

import type { SessionUser } from '../../shared/auth/sessionState'
import type { Logger } from '../log/logger'
import type { AuthServer } from './types'

/**
 * The person as the renderer may know them, from ID token or userinfo claims; undefined when
 * the claims carry no subject.
 */
export function userFromClaims(claims: Record<string, unknown>): SessionUser | undefined {
  const subject = stringClaim(claims, 'sub') ?? stringClaim(claims, 'user_id')

  if (subject === undefined) {
    return undefined
  }

  const given = stringClaim(claims, 'given_name')
  const family = stringClaim(claims, 'family_name')
  const joined = [given, family].filter(Boolean).join(' ')
  const name = stringClaim(claims, 'name') ?? (joined || stringClaim(claims, 'preferred_username'))

  return { subject, name: name ?? null, email: stringClaim(claims, 'email') ?? null }
}

/**
 * Who signed in: the ID token's claims when the exchange returned one, otherwise the userinfo
 * endpoint. A failed lookup does not fail the sign-in; the person is then shown without a name.
 */
export async function resolveUser(
  server: AuthServer,
  accessToken: string,
  idTokenClaims: Record<string, unknown> | undefined,
  logger: Logger,
): Promise<SessionUser> {
  const fromIdToken = idTokenClaims ? userFromClaims(idTokenClaims) : undefined

  if (fromIdToken) {
    return fromIdToken
  }

  if (server.configuration.serverMetadata().userinfo_endpoint) {
    try {
      const claims = await fetchUserInfo(server.configuration, accessToken, skipSubjectCheck)
      const fromUserInfo = userFromClaims(claims)

      if (fromUserInfo) {
        return fromUserInfo
      }
    } catch (error) {
      logger.warn('userinfo lookup failed; continuing without a name', {
        errorName: error instanceof Error ? error.name : typeof error,
      })
    }
  }

  return { subject: '', name: null, email: null }
}

function stringClaim(claims: Record<string, unknown>, key: string): string | undefined {
  const value = claims[key]

  return typeof value === 'string' && value.length > 0 ? value : undefined
}
