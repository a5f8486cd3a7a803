import { AppError } from '../../shared/errors/appError'

/** Default for how long before expiry the session renews its access token. */
export const DEFAULT_REFRESH_MARGIN_SECONDS = 60

/** The share of a token's lifetime used as margin when that is smaller than the default. */
const MARGIN_SHARE_OF_LIFETIME = 0.1

/** Node timers overflow above 2^31 - 1 ms (about 24.8 days); longer waits are re-armed. */
export const MAX_TIMER_MILLISECONDS = 2 ** 31 - 1

/**
 * When to renew a token received at `receivedAt` and expiring at `expiresAt`: the margin is
 * the configured one, or a tenth of the lifetime for short tokens, and never negative, so a
 * 5-second token is renewed at 4.5 s and a one-day token a minute before it ends.
 */
export function refreshDueAt(
  receivedAt: number,
  expiresAt: number,
  marginSeconds: number = DEFAULT_REFRESH_MARGIN_SECONDS,
): number {
  const lifetime = Math.max(0, expiresAt - receivedAt)
  const margin = Math.max(0, Math.min(marginSeconds * 1000, lifetime * MARGIN_SHARE_OF_LIFETIME))

  return expiresAt - margin
}

/** Retry delays after transient refresh failures: doubling from `initial`, capped at `max`. */
export interface BackoffOptions {
  initialSeconds?: number
  maxSeconds?: number
}

/** The delay before retry number `failures` (1 for the first failure), in milliseconds. */
export function backoffDelay(failures: number, options: BackoffOptions = {}): number {
  const initial = (options.initialSeconds ?? 2) * 1000
  const max = (options.maxSeconds ?? 300) * 1000

  return Math.min(max, initial * 2 ** Math.max(0, failures - 1))
}

/** The session is not signed in: callers must not retry until the person signs in. */
export function signedOutError(): AppError {
  return new AppError('SESSION_SIGNED_OUT', 'You are signed out of mpath.', {
    action: 'Sign in to continue.',
  })
}

/** The session had no refresh token and its access token ran out. */
export function unrenewableExpiryError(): AppError {
  return new AppError(
    'SESSION_EXPIRED',
    'Your session ended and the server gave no way to renew it.',
    { action: 'Sign in again.' },
  )
}

/** The breaker stopped a refresh loop. */
export function refreshLoopError(): AppError {
  return new AppError(
    'SESSION_REFRESH_LOOP',
    'mpath Desktop stopped renewing your session because the sign-in server kept issuing ' +
      'tokens that did not last.',
    { action: 'Sign out and sign in again; if it happens again, tell your administrator.' },
  )
}

/** A sealed session that no longer decrypts (S15): it was removed, the person must sign in. */
export function unreadableSessionError(): AppError {
  return new AppError(
    'VAULT_DECRYPT_FAILED',
    'Your saved sign-in could not be read on this computer, so it was removed.',
    { action: 'Sign in again.' },
  )
}
