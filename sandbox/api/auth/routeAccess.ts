import type { SandboxDatabase } from '../database'
import { emptyReply, errorReply, jsonReply, type Reply } from '../http/reply'
import type { ApiRequest } from '../http/router'
import { resolveCaller, type Caller } from './caller'
import { checkBearerToken, type TokenAuthority } from './tokenVerifier'

/** The scope a route needs in the default mode (DESIGN's route table). */
export type RouteScope =
  | 'read:people'
  | 'read:tasks'
  | 'write:tasks'
  | 'read:initiatives'
  | 'read:meetings'
  /** Any `read:` scope (search, command-palette permissions). */
  | 'anyRead'
  /** Only a valid token (user/current). */
  | 'token'

/**
 * How today's mpath answers a dead token on this route (`--compat real`): list routes let
 * the exception escape to the framework (bare 500), task reminders answer 500 with the
 * message, user/current and command-palette permissions a clean 401.
 */
export type RealAuthFailure = 'bare500' | 'json500' | 'unauthorized'

/** A route that needs a signed-in caller. */
export interface ProtectedRoute {
  method: string
  path: string
  scope: RouteScope
  realAuthFailure: RealAuthFailure
  /** A route that can be switched off (the write extension under `--no-writes`). */
  isEnabled?(): boolean
  handle(request: ApiRequest, caller: Caller): Promise<Reply>
}

const ALL_READ_SCOPES = 'read:people read:tasks read:initiatives read:meetings'

/**
 * Authenticates a request for a protected route and applies the mode's rules: the default
 * mode answers 401 for any token failure and 403 `insufficient_scope` for a missing scope;
 * `--compat real` checks no scopes and fails as the real server does.
 */
export async function authorizeRequest(input: {
  db: SandboxDatabase
  authority: TokenAuthority
  compat: 'default' | 'real'
  route: ProtectedRoute
  request: ApiRequest
}): Promise<{ caller: Caller } | { reply: Reply }> {
  const { route, compat } = input
  const header = input.request.headers.authorization
  const check = await checkBearerToken(input.authority, Array.isArray(header) ? header[0] : header)
  const resolved = check.ok
    ? await resolveCaller(input.db, check.identity, { enforceScopes: compat === 'default' })
    : { error: check.message }

  if ('error' in resolved) {
    return { reply: authFailureReply(compat, route.realAuthFailure, resolved.error) }
  }

  if (compat === 'default' && !hasScope(resolved.scopes, route.scope)) {
    const needed = route.scope === 'anyRead' ? ALL_READ_SCOPES : route.scope

    return {
      reply: jsonReply(
        403,
        {
          error: 'insufficient_scope',
          error_description: `The access token lacks the scope this route needs: ${needed}`,
        },
        { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${needed}"` },
      ),
    }
  }

  return { caller: resolved }
}

function hasScope(scopes: ReadonlySet<string>, needed: RouteScope): boolean {
  if (needed === 'token') {
    return true
  }

  if (needed === 'anyRead') {
    return [...scopes].some((scope) => scope.startsWith('read:'))
  }

  return scopes.has(needed)
}

function authFailureReply(
  compat: 'default' | 'real',
  realFailure: RealAuthFailure,
  message: string,
): Reply {
  if (compat === 'default') {
    return errorReply(401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer error="invalid_token"' })
  }

  switch (realFailure) {
    case 'bare500':
      return emptyReply(500)
    case 'json500':
      return errorReply(500, message)
    case 'unauthorized':
      return errorReply(401, 'Unauthorized')
  }
}
