import type { Clock } from '../platform/ports'

/** How many refreshes a session may make in a sliding window before it stops. */
export interface RefreshBreakerOptions {
  clock: Clock
  /** More than this many refreshes inside the window opens the breaker. Default 10. */
  maxRefreshes?: number
  /** Length of the sliding window, in seconds. Default 60. */
  windowSeconds?: number
}

/**
 * Stops refresh loops: a server that answers every refresh with a token the API rejects, or
 * with a lifetime of nothing, would otherwise make the session hammer the token endpoint
 * (and, with rotation, burn through refresh tokens).
 */
export interface RefreshBreaker {
  /** Counts one refresh; returns true when this refresh opened the breaker. */
  recordRefresh(): boolean
  /** Opens the breaker at once (e.g. a refresh answered with an already-expired token). */
  trip(): void
  isOpen(): boolean
  /** Closes the breaker and forgets the history (a new sign-in). */
  reset(): void
}

const DEFAULT_MAX_REFRESHES = 10
const DEFAULT_WINDOW_SECONDS = 60

/** Creates a breaker counting refreshes in a sliding window of the given clock. */
export function createRefreshBreaker(options: RefreshBreakerOptions): RefreshBreaker {
  const maxRefreshes = options.maxRefreshes ?? DEFAULT_MAX_REFRESHES
  const windowMilliseconds = (options.windowSeconds ?? DEFAULT_WINDOW_SECONDS) * 1000
  let refreshTimes: number[] = []
  let isTripped = false

  return {
    recordRefresh() {
      const now = options.clock.now()
      refreshTimes = refreshTimes.filter((time) => now - time < windowMilliseconds)
      refreshTimes.push(now)

      if (refreshTimes.length > maxRefreshes) {
        isTripped = true
      }

      return isTripped
    },
    trip() {
      isTripped = true
    },
    isOpen: () => isTripped,
    reset() {
      refreshTimes = []
      isTripped = false
    },
  }
}
