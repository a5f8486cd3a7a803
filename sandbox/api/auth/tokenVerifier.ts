/** What a valid bearer token says about its holder. */
export interface TokenIdentity {
  /** Clerk user id (`user_id` from userinfo). */
  clerkUserId: string
  email: string | null
  name: string | null
  scopes: ReadonlySet<string>
}

/** A token check either yields an identity or the message mpath would report. */
export type TokenCheck = { ok: true; identity: TokenIdentity } | { ok: false; message: string }

/** The authorization server the API trusts, and the API's own credentials there. */
export interface TokenAuthority {
  issuer: string
  clientId: string
  clientSecret: string
}

/**
 * Checks a bearer token the way mpath does, on every request and without caching:
 * introspection at `{issuer}/oauth/token_info` with the API's own client credentials
 * (requires `active`, `sub` and an unexpired `exp`), then `{issuer}/oauth/userinfo` with the
 * bearer token itself, which must name a `user_id`.
 */
export async function checkBearerToken(
  authority: TokenAuthority,
  authorization: string | undefined,
): Promise<TokenCheck> {
  // mpath accepts exactly "Bearer " (case and single space); anything else counts as no token.
  if (!authorization || !authorization.startsWith('Bearer ')) {
    return { ok: false, message: 'Unauthorized' }
  }

  const token = authorization.slice('Bearer '.length).trim()

  if (token === '') {
    return { ok: false, message: 'Unauthorized' }
  }

  const introspection = await introspect(authority, token)

  if (!introspection) {
    return { ok: false, message: 'Invalid or expired OAuth token' }
  }

  const userinfo = await fetchJson(`${authority.issuer}/oauth/userinfo`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  const clerkUserId = userinfo?.user_id

  if (typeof clerkUserId !== 'string' || clerkUserId === '') {
    return { ok: false, message: 'Unable to retrieve user information from token' }
  }

  return {
    ok: true,
    identity: {
      clerkUserId,
      email: typeof userinfo?.email === 'string' ? userinfo.email : null,
      name: typeof userinfo?.name === 'string' ? userinfo.name : null,
      scopes: new Set(introspection.scope.split(' ').filter((scope) => scope !== '')),
    },
  }
}

async function introspect(
  authority: TokenAuthority,
  token: string,
): Promise<{ scope: string } | null> {
  const basic = Buffer.from(`${authority.clientId}:${authority.clientSecret}`).toString('base64')
  const result = await fetchJson(`${authority.issuer}/oauth/token_info`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${basic}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ token }).toString(),
  })

  if (!result || result.active !== true || typeof result.sub !== 'string') {
    return null
  }

  if (typeof result.exp === 'number' && result.exp * 1000 < Date.now()) {
    return null
  }

  return { scope: typeof result.scope === 'string' ? result.scope : '' }
}

/** A 2xx JSON object, or null for any failure (network, status, body), as mpath treats them. */
async function fetchJson(url: string, init: RequestInit): Promise<Record<string, unknown> | null> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) })

    if (!response.ok) {
      return null
    }

    const body: unknown = await response.json()

    return body && typeof body === 'object' ? (body as Record<string, unknown>) : null
  } catch (_error) {
    return null
  }
}
