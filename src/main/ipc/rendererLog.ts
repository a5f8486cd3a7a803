import type { SendPayload } from '../../shared/ipc/contract'
import type { Clock } from '../platform/ports'
import type { Logger } from '../log/logger'

/** How many entries a window may log in one window of time before the rest are dropped. */
const BURST = 100
const WINDOW_MS = 10_000

// Newlines and other control characters would let a page print lines that look like main's
// own (`\n[auth] signed in as …`); each renderer entry stays on one line.
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]+/gu

/**
 * Forwards renderer log entries to main's logger: one line each, tagged by the logger's area,
 * redacted by the logger's sink, and rate-limited so a page cannot flood the log file and push
 * real entries out of rotation.
 */
export function createRendererLog(
  logger: Logger,
  clock: Clock,
): (entry: SendPayload<'log:write'>) => void {
  let windowStart = 0
  let count = 0
  let dropped = 0

  return (entry: SendPayload<'log:write'>): void => {
    const now = clock.now()

    if (now - windowStart >= WINDOW_MS) {
      if (dropped > 0) {
        logger.warn('Dropped renderer log entries over the rate limit', { dropped })
      }

      windowStart = now
      count = 0
      dropped = 0
    }

    if (count >= BURST) {
      dropped += 1

      return
    }

    count += 1
    logger[entry.level](entry.message.replace(CONTROL_CHARACTERS, ' '), entry.context)
  }
}
