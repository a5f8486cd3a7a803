import type { Notification, NotificationConstructorOptions } from 'electron'

import type { Logger } from '../log/logger'
import { NOTIFICATION_CLICK, type NotificationHandle, type Notifier } from './notifier'

/** Electron's `Notification` class, passed in so this file loads without Electron. */
export interface NotificationClass {
  new (options: NotificationConstructorOptions): Notification
  isSupported(): boolean
}

/**
 * The {@link Notifier} over Electron's notifications. Buttons show on macOS and Windows; on
 * Linux a click on the notification stands for "Open". Shown notifications are kept
 * referenced until they close: a collected notification loses its click and button events.
 */
export function createElectronNotifier(options: {
  Notification: NotificationClass
  platform: NodeJS.Platform
  logger: Logger
}): Notifier {
  const log = options.logger.child('reminders/notifier')
  const live = new Set<Notification>()
  const supportsActions = options.platform === 'darwin' || options.platform === 'win32'

  return {
    supportsActions,
    show(request): NotificationHandle {
      const listeners = new Set<(actionId: string) => void>()

      if (!options.Notification.isSupported()) {
        log.info('Notifications are not supported on this desktop')

        return { onAction: (listener) => void listeners.add(listener), close: () => undefined }
      }

      const actions = supportsActions ? request.actions : []
      const notification = new options.Notification({
        title: request.title,
        body: request.body,
        actions: actions.map((action) => ({ type: 'button', text: action.label })),
        // macOS folds several buttons into a menu; this labels the button that dismisses.
        closeButtonText: 'Close',
      })
      const fire = (actionId: string) => {
        for (const listener of [...listeners]) {
          listener(actionId)
        }
      }

      notification.on('action', (details, actionIndex) => {
        const index = details?.actionIndex ?? actionIndex
        const action = actions[index]

        if (action !== undefined) {
          fire(action.id)
        }
      })
      notification.on('click', () => fire(NOTIFICATION_CLICK))
      notification.on('close', () => live.delete(notification))
      notification.on('failed', (_event, error) => {
        live.delete(notification)
        log.warn('A notification could not be shown', { reason: String(error).slice(0, 200) })
      })
      live.add(notification)
      notification.show()

      return {
        onAction: (listener) => void listeners.add(listener),
        close() {
          live.delete(notification)
          notification.close()
        },
      }
    },
  }
}
