import type { EventChannelName, EventPayload } from '../../shared/ipc/contract'
import type { Logger } from '../log/logger'

/** Receives every event; the Electron binding and the harness each subscribe one. */
export type EventSubscriber = (channel: EventChannelName, payload: unknown) => void

/**
 * Fans main's events out to the transports that carry them to windows. A subscriber that
 * throws is logged and never stops the others.
 */
export interface EventHub {
  emit<E extends EventChannelName>(channel: E, payload: EventPayload<E>): void
  subscribe(subscriber: EventSubscriber): () => void
}

/** Creates an {@link EventHub}. */
export function createEventHub(logger: Logger): EventHub {
  const log = logger.child('ipc/events')
  const subscribers = new Set<EventSubscriber>()

  return {
    emit(channel, payload) {
      for (const subscriber of [...subscribers]) {
        try {
          subscriber(channel, payload)
        } catch (error) {
          log.error('An event subscriber failed', { channel, error })
        }
      }
    },
    subscribe(subscriber) {
      subscribers.add(subscriber)

      return () => {
        subscribers.delete(subscriber)
      }
    },
  }
}
