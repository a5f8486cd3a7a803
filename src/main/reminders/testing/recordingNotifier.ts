import type { NotificationHandle, NotificationRequest, Notifier } from '../notifier'

/** A shown notification, with a way to press its buttons. */
export interface RecordedNotification extends NotificationRequest {
  /** Presses a button (or `click`) as the person would; resolves when handlers have run. */
  press(actionId: string): void
  isClosed: boolean
}

/** A {@link Notifier} that records what it shows. */
export interface RecordingNotifier extends Notifier {
  readonly shown: RecordedNotification[]
}

/** Creates a {@link RecordingNotifier}; `supportsActions` as on macOS and Windows by default. */
export function createRecordingNotifier(supportsActions = true): RecordingNotifier {
  const shown: RecordedNotification[] = []

  return {
    supportsActions,
    shown,
    show(request): NotificationHandle {
      const listeners: Array<(actionId: string) => void> = []
      const recorded: RecordedNotification = {
        ...request,
        isClosed: false,
        press: (actionId) => listeners.forEach((listener) => listener(actionId)),
      }
      shown.push(recorded)

      return {
        onAction: (listener) => void listeners.push(listener),
        close() {
          recorded.isClosed = true
        },
      }
    },
  }
}
