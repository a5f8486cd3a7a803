import type { Logger } from '../log/logger'
import { redactUrl } from '../log/redact'
import { systemClock, type Clock } from '../platform/ports'
import { parseDeepLink, type DeepLink } from './deepLink'
import { scanDeepLinkArgs } from './deepLinkArgs'

/** Where a link came from. */
export type DeepLinkSource = 'argv' | 'second-instance' | 'open-url' | 'harness'

/** One link handed to the app, once. */
export interface DeepLinkDelivery {
  link: DeepLink
  source: DeepLinkSource
  /** Clock time of arrival, in milliseconds. */
  receivedAt: number
}

/** Options of {@link createDeepLinkIntake}. */
export interface DeepLinkIntakeOptions {
  logger: Logger
  clock?: Pick<Clock, 'now'>
  /**
   * The same link arriving again within this time is the same click. Default 10
   * s.
   */
  duplicateWindowMs?: number
  /** Links held before the app is ready; more are dropped. Default 16. */
  maxPending?: number
}

/**
 * Collects links from every source, holds them until the app is ready, delivers
 * each once.
 */
export interface DeepLinkIntake {
  /**
   * Takes a link from any source. Safe before `ready`: it only validates and
   * queues, and it never throws.
   */
  accept(url: string, source: DeepLinkSource): void
  /**
   * Takes the links of a command line (cold start or `second-instance`). Never
   * throws.
   */
  acceptArgv(
    argv: readonly string[],
    platform: NodeJS.Platform,
    source: 'argv' | 'second-instance',
  ): void
  /** The app can handle links now: deliver the queue and every later link. */
  markReady(): void
  isReady(): boolean
  /** Links waiting for `markReady()` or for a handler. */
  pendingCount(): number
  /** Receives each delivery once; returns the unsubscribe. */
  onDidReceive(handler: (delivery: DeepLinkDelivery) => void): () => void
}

function identityOf(link: DeepLink): string {
  return link.kind === 'oauth-callback' ? link.url.href : `${link.target}/${link.id}`
}

/**
 * Creates the deep-link intake: `open-url` on macOS can fire before `ready`,
 * and a cold start carries its link only in `process.argv`, so links are queued
 * until the window can take them, de-duplicated (argv and an event may bring
 * the same one), validated, and delivered once. Invalid links are dropped with
 * a logged, redacted reason.
 */
export function createDeepLinkIntake(options: DeepLinkIntakeOptions): DeepLinkIntake {
  const log = options.logger.child('deep-link')
  const clock = options.clock ?? systemClock
  const duplicateWindowMs = options.duplicateWindowMs ?? 10_000
  const maxPending = options.maxPending ?? 16
  const pending: Array<DeepLinkDelivery & { identity: string }> = []
  const lastSeen = new Map<string, number>()
  const handlers = new Set<(delivery: DeepLinkDelivery) => void>()
  let ready = false
  let isFlushing = false

  const forgetOld = (now: number) => {
    for (const [identity, seenAt] of lastSeen) {
      if (now - seenAt >= duplicateWindowMs) {
        lastSeen.delete(identity)
      }
    }
  }

  const flush = () => {
    if (!ready || handlers.size === 0 || isFlushing) {
      return
    }

    isFlushing = true

    try {
      for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
        const { identity: _identity, ...delivery } = next

        for (const handler of [...handlers]) {
          try {
            handler(delivery)
          } catch (error) {
            log.error('A link handler failed', { source: delivery.source, error })
          }
        }
      }
    } finally {
      isFlushing = false
    }
  }

  const take = (url: string, source: DeepLinkSource) => {
    const parsed = parseDeepLink(url)
    const shown = typeof url === 'string' ? redactUrl(url.slice(0, 200)) : typeof url

    if (parsed.kind === 'invalid') {
      log.warn('Dropped a link', { source, reason: parsed.reason, link: shown })

      return
    }

    const now = clock.now()
    const identity = identityOf(parsed)
    forgetOld(now)

    if (lastSeen.has(identity) || pending.some((item) => item.identity === identity)) {
      log.debug('Ignored a repeated link', { source, kind: parsed.kind })

      return
    }

    lastSeen.set(identity, now)

    if (pending.length >= maxPending) {
      log.warn('Dropped a link: too many are waiting', { source, kind: parsed.kind })

      return
    }

    pending.push({ link: parsed, source, receivedAt: now, identity })
    log.info(ready ? 'Received a link' : 'Queued a link until the app is ready', {
      source,
      kind: parsed.kind,
      link: shown,
    })
    flush()
  }

  return {
    accept(url, source) {
      try {
        take(url, source)
      } catch (error) {
        log.error('Could not take a link', { source, error })
      }
    },
    acceptArgv(argv, platform, source) {
      try {
        const scan = scanDeepLinkArgs(argv, platform)

        if (scan.rejected !== undefined) {
          log.warn('Refused links from a command line', { source, reason: scan.rejected })
        }

        scan.urls.forEach((url) => take(url, source))
      } catch (error) {
        log.error('Could not read links from a command line', { source, error })
      }
    },
    markReady() {
      ready = true
      flush()
    },
    isReady: () => ready,
    pendingCount: () => pending.length,
    onDidReceive(handler) {
      handlers.add(handler)
      flush()

      return () => {
        handlers.delete(handler)
      }
    },
  }
}
