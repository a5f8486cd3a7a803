import type { Clock } from '../platform/ports'

/** When the breaker counts a refresh as part of a loop. */
export interface RefreshBreakerOptions {
  clock: Clock
  /** More than this many early refreshes in a row opens the breaker. Default 5. */
  maxRefreshes?: number
}

/** The token a refresh replaced and the one it brought, as epoch milliseconds. */
export interface RefreshRecord {
  /** When the replaced token was received; both are 0 when there was none (a restore). */
  previousReceivedAt: number
  previousExpiresAt: number
  /** When the new token expires. */
  expiresAt: number
}

/**
 * Stops refresh loops: a server that answers every refresh with a token the API rejects, or
 * with a lifetime of nothing, would otherwise make the session hammer the token endpoint
 * (and, with rotation, burn through refresh tokens). A loop is judged against the cadence
 * the tokens ask for, so short-lived tokens renewed on time never look like one.
 */
export interface RefreshBreaker {
  /** Counts one refresh; returns true when the breaker is open after it. */
  recordRefresh(record: RefreshRecord): boolean
  /** Opens the breaker at once (e.g. a refresh answered with an already-expired token). */
  trip(): void
  isOpen(): boolean
  /** Closes the breaker and forgets the history (a new sign-in). */
  reset(): void
}

const DEFAULT_MAX_REFRESHES = 5

/** A refresh sooner than this share of the replaced token's lifetime is early. */
const EARLY_SHARE_OF_LIFETIME = 0.25

/** Nor is any refresh a second or more after the token it replaced counted as early. */
const MIN_EXPECTED_INTERVAL_MILLISECONDS = 1_000

/** A token that lasts less than this cannot be used before it must be renewed again. */
const MIN_USEFUL_LIFETIME_MILLISECONDS = 1_000

/**
 * Creates a breaker that opens after several refreshes in a row, each much sooner than the
 * lifetime of the token it replaced asked for, or at once on a token with no useful lifetime.
 */
export function createRefreshBreaker(options: RefreshBreakerOptions): RefreshBreaker {
  const maxRefreshes = options.maxRefreshes ?? DEFAULT_MAX_REFRESHES
  let earlyInARow = 0
  let isTripped = false

  return {
    recordRefresh({ previousReceivedAt, previousExpiresAt, expiresAt }) {
      const now = options.clock.now()

      if (expiresAt - now < MIN_USEFUL_LIFETIME_MILLISECONDS) {
        isTripped = true

        return isTripped
      }

      const previousLifetime = previousExpiresAt - previousReceivedAt
      const expectedInterval = Math.max(
        MIN_EXPECTED_INTERVAL_MILLISECONDS,
        previousLifetime * EARLY_SHARE_OF_LIFETIME,
      )
      const isEarly = previousLifetime > 0 && now - previousReceivedAt < expectedInterval
      earlyInARow = isEarly ? earlyInARow + 1 : 0

      if (earlyInARow > maxRefreshes) {
        isTripped = true
      }

      return isTripped
    },
    trip() {
      isTripped = true
    },
    isOpen: () => isTripped,
    reset() {
      earlyInARow = 0
      isTripped = false
    },
  }
}
