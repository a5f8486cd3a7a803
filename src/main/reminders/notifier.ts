/** A button on a notification. */
export interface NotificationAction {
  /** What the listener receives when the button is pressed. */
  id: string
  label: string
}

/** One native notification. */
export interface NotificationRequest {
  title: string
  body: string
  /** Buttons, where the desktop shows them (see {@link Notifier.supportsActions}). */
  actions: NotificationAction[]
}

/** The action id a listener receives for a click on the notification itself. */
export const NOTIFICATION_CLICK = 'click'

/** A shown notification. */
export interface NotificationHandle {
  /** Receives the id of the pressed button, or {@link NOTIFICATION_CLICK} for a click. */
  onAction(listener: (actionId: string) => void): void
  close(): void
}

/**
 * The port through which reminders reach the desktop's notifications (Electron's
 * `Notification` in the app, a recorder in tests).
 */
export interface Notifier {
  /**
   * False where buttons do not show (Linux notification servers mostly): there a click on
   * the notification opens the task, and the task's page offers the rest.
   */
  readonly supportsActions: boolean
  show(request: NotificationRequest): NotificationHandle
}
