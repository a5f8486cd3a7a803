import { fetchProtectedResource, fetchUserInfo, skipSubjectCheck } from 'openid-client'

import type { SessionUser } from '../../shared/auth/sessionState'
import type { Logger } from '../log/logger'
import { fixedPathMetadata } from './discovery'
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
 * Who signed in: the ID token's claims, completed from the userinfo endpoint when they lack
 * a name or an email (servers often keep profile claims out of the ID token). A failed
 * lookup does not fail the sign-in; the person is then shown with what is known.
 */
export async function resolveUser(
  server: AuthServer,
  accessToken: string,
  idTokenClaims: Record<string, unknown> | undefined,
  logger: Logger,
): Promise<SessionUser> {
  const fromIdToken = idTokenClaims ? userFromClaims(idTokenClaims) : undefined

  if (fromIdToken?.name && fromIdToken.email) {
    return fromIdToken
  }

  const fromUserInfo = await lookUpUserInfo(server, accessToken, fromIdToken?.subject, logger)

  return mergeUser(fromIdToken, fromUserInfo) ?? { subject: '', name: null, email: null }
}

/** Combines two views of the same person; known values win over unknown ones. */
export function mergeUser(
  known: SessionUser | undefined,
  update: SessionUser | undefined,
): SessionUser | undefined {
  if (!known || !update) {
    return update ?? known
  }

  if (known.subject && update.subject && known.subject !== update.subject) {
    return known
  }

  return {
    subject: known.subject || update.subject,
    name: update.name ?? known.name,
    email: update.email ?? known.email,
  }
}

async function lookUpUserInfo(
  server: AuthServer,
  accessToken: string,
  expectedSubject: string | undefined,
  logger: Logger,
): Promise<SessionUser | undefined> {
  try {
    if (server.configuration.serverMetadata().userinfo_endpoint) {
      const claims = await fetchUserInfo(
        server.configuration,
        accessToken,
        expectedSubject ?? skipSubjectCheck,
      )

      return userFromClaims(claims)
    }

    // Clerk's RFC 8414 document leaves userinfo out, yet serves it at the fixed path.
    const url = fixedPathMetadata(server.issuer).userinfo_endpoint
    const response = url
      ? await fetchProtectedResource(server.configuration, accessToken, new URL(url), 'GET')
      : undefined
    const claims: unknown = response?.ok ? await response.json() : undefined
    const user =
      claims && typeof claims === 'object'
        ? userFromClaims(claims as Record<string, unknown>)
        : undefined

    return expectedSubject && user && user.subject !== expectedSubject ? undefined : user
  } catch (error) {
    logger.warn('userinfo lookup failed; continuing without a name', {
      errorName: error instanceof Error ? error.name : typeof error,
    })

    return undefined
  }
}

function stringClaim(claims: Record<string, unknown>, key: string): string | undefined {
  const value = claims[key]

  return typeof value === 'string' && value.length > 0 ? value : undefined
}
