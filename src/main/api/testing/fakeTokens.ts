import { AppError } from '../../../shared/errors/appError'
import type { AccessTokenSource } from '../../auth/types'

/** An access-token source handing out tokens from a list, one per refresh. */
export interface FakeTokens extends AccessTokenSource {
  /** Tokens passed to `refreshAfterRejection`, in order. */
  readonly rejected: string[]
}

/**
 * A fake session: `getAccessToken` answers the current token; each refresh moves to the next
 * one, and after the last one the session is over (SESSION_EXPIRED).
 */
export function createFakeTokens(
  tokens: readonly string[] = ['token-1', 'token-2'],
  scopes: readonly string[] = ['openid', 'read:tasks', 'read:people'],
): FakeTokens {
  let index = 0
  const rejected: string[] = []

  return {
    rejected,
    async getAccessToken() {
      return current()
    },
    async refreshAfterRejection(token) {
      rejected.push(token)

      if (token === tokens[index]) {
        index += 1
      }

      return current()
    },
    grantedScopes: () => scopes,
  }

  function current(): string {
    const token = tokens[index]

    if (token === undefined) {
      throw new AppError('SESSION_EXPIRED', 'Your session has ended.', { action: 'Sign in again.' })
    }

    return token
  }
}
