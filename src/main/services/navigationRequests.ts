import type { NavigationRequest } from '../../shared/ipc/contract'
import type { Clock } from '../platform/ports'

/** Requests for the main window to show an item, from links, the tray and reminders. */
export interface NavigationRequests {
  /** Announces the request at once and keeps it for a window that is still loading. */
  request(navigation: NavigationRequest): void
  /** The latest request if it is still fresh, once; null otherwise. */
  take(): NavigationRequest | null
}

/** How long a request waits for a window to take it. */
export const NAVIGATION_REQUEST_TTL_MS = 60_000

/**
 * Builds {@link NavigationRequests}. A window created or reloaded for a request subscribes to
 * events only after its page has run, which can be after the event was sent; such a window
 * asks for the request once instead, so the link is not lost.
 */
export function createNavigationRequests(options: {
  clock: Pick<Clock, 'now'>
  emit: (navigation: NavigationRequest) => void
  ttlMs?: number
}): NavigationRequests {
  const ttlMs = options.ttlMs ?? NAVIGATION_REQUEST_TTL_MS
  let pending: { navigation: NavigationRequest; at: number } | undefined

  return {
    request(navigation) {
      pending = { navigation: { ...navigation }, at: options.clock.now() }
      options.emit({ ...navigation })
    },
    take() {
      const current = pending
      pending = undefined

      if (current === undefined || options.clock.now() - current.at > ttlMs) {
        return null
      }

      return current.navigation
    },
  }
}
