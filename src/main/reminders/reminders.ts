import { AppError } from '../../shared/errors/appError'
import type { Reminder } from '../../shared/mpath/reminders'
import type { ApiClient } from '../api/apiClient'
import type { Logger } from '../log/logger'
import type { Clock, KeyValueStore } from '../platform/ports'
import { NOTIFICATION_CLICK, type NotificationRequest, type Notifier } from './notifier'
import {
  DONE_ACTION,
  OPEN_ACTION,
  SHOW_TASKS_ACTION,
  backlogNotification,
  reminderNotification,
  snoozeMinutesOf,
} from './reminderContent'
import { openSeenReminders } from './seenReminders'
import { snoozeOptionsFor } from './snoozeOptions'

/** The part of the API client reminders use. */
export type ReminderApi = Pick<
  ApiClient,
  'dueNowReminders' | 'acknowledgeReminder' | 'snoozeReminder'
>

/** What the reminders service is built from. */
export interface RemindersOptions {
  /** The API client while signed in, else null. */
  api: () => ReminderApi | null
  store: KeyValueStore
  clock: Clock
  logger: Logger
  /** The person's setting; off, reminders are noted as seen but never shown. */
  isEnabled: () => boolean
  timeZone: () => string
  openTask: (taskId: string) => void
  showTasks: () => void
  /** Between polls. Default 45 s, as mpath's web app. */
  intervalMs?: number
  /** The longest wait after failures. Default 10 minutes. */
  maxBackoffMs?: number
  /** More new reminders than this at once become one summary. Default 3. */
  backlogThreshold?: number
  /**
   * A gap since the last successful poll longer than this counts as time away. Default 10 minutes.
   */
  awayAfterMs?: number
}

/** What one poll did. */
export interface PollOutcome {
  status: 'shown' | 'skipped' | 'failed'
  /** Reminders shown one by one. */
  notified: string[]
  /** Reminders folded into one summary. */
  summarized: string[]
  /** New reminders noted without a notification (notifications off). */
  silenced: string[]
  /** The wait before the next poll. */
  nextPollInMs: number
  error?: AppError
}

/**
 * Task reminders: polls mpath's due-now list while signed in, shows one notification per
 * reminder (Open, the snooze lengths the server allows, Done) and never the same task and
 * due date twice, across restarts too.
 */
export interface Reminders {
  /** Signed in: poll now and every interval. Idempotent. */
  start(): void
  /** Signed out: stop polling. */
  stop(): void
  /** After the system wakes: poll at once; what piled up meanwhile becomes one summary. */
  resume(): void
  /** Polls once now (tests and `resume`); the next poll is scheduled from here. */
  pollNow(): Promise<PollOutcome>
  /** Binds the desktop's notifications; returns the function that unbinds them. */
  useNotifier(notifier: Notifier): () => void
  /** Snoozes a delivery; rejects with the server's reason (e.g. the task is due too soon). */
  snooze(reminder: Reminder, minutes: number): Promise<void>
  /** Marks a delivery done (acknowledged); its task is not reminded of again for this date. */
  acknowledge(reminder: Reminder): Promise<void>
  dispose(): void
}

const MAX_HANDLED_DELIVERIES = 5_000

const DEFAULTS = {
  intervalMs: 45_000,
  maxBackoffMs: 10 * 60_000,
  backlogThreshold: 3,
  awayAfterMs: 10 * 60_000,
}

/** Builds the {@link Reminders} service. */
export function createReminders(options: RemindersOptions): Reminders {
  const log = options.logger.child('reminders')
  const { clock } = options
  const settings = { ...DEFAULTS, ...withoutUndefined(options) }
  const seen = openSeenReminders({ store: options.store, logger: options.logger })
  const handledDeliveries = new Set<string>()
  let notifier: Notifier | undefined
  let isRunning = false
  let generation = 0
  let failures = 0
  let timer: { cancel(): void } | undefined
  let isResumed = false
  let polling: Promise<PollOutcome> | undefined

  const schedule = (delay: number) => {
    timer?.cancel()
    timer = isRunning ? clock.setTimeout(() => void pollNow(), delay) : undefined
  }

  const show = (request: NotificationRequest, onAction: (actionId: string) => void) => {
    try {
      const handle = notifier?.show(request)
      handle?.onAction((actionId) => {
        try {
          onAction(actionId)
        } catch (error) {
          log.error('A notification action failed', { error })
        }
      })
    } catch (error) {
      log.warn('Could not show a notification', { error })
    }
  }

  const reportFailure = (title: string, error: unknown) => {
    const message =
      error instanceof AppError ? error.message : 'Something went wrong inside mpath Desktop.'
    show({ title, body: message, actions: [] }, () => undefined)
  }

  const notifyOne = (reminder: Reminder) => {
    const now = clock.now()
    const snoozeMinutes = snoozeOptionsFor(reminder.taskDueDate, now)
    const request = reminderNotification({
      reminder,
      snoozeMinutes,
      now,
      words: { timeZone: options.timeZone() },
      supportsActions: notifier?.supportsActions ?? false,
    })

    show(request, (actionId) => {
      if (actionId === OPEN_ACTION || actionId === NOTIFICATION_CLICK) {
        options.openTask(reminder.taskId)

        return
      }

      if (actionId === DONE_ACTION) {
        acknowledge(reminder).catch((error: unknown) =>
          reportFailure(`Could not mark “${reminder.taskTitle}” done`, error),
        )

        return
      }

      const minutes = snoozeMinutesOf(actionId)

      if (minutes !== undefined) {
        snooze(reminder, minutes).catch((error: unknown) =>
          reportFailure(`Could not snooze “${reminder.taskTitle}”`, error),
        )
      }
    })
  }

  const notifyBacklog = (reminders: Reminder[]) => {
    const request = backlogNotification({
      reminders,
      supportsActions: notifier?.supportsActions ?? false,
    })
    show(request, (actionId) => {
      if (actionId === SHOW_TASKS_ACTION || actionId === NOTIFICATION_CLICK) {
        options.showTasks()
      }
    })
  }

  const deliver = (reminders: Reminder[], isAway: boolean) => {
    const now = clock.now()
    const fresh: Reminder[] = []

    for (const reminder of reminders) {
      if (!seen.has(reminder) && !handledDeliveries.has(reminder.id)) {
        fresh.push(reminder)
      }

      handledDeliveries.add(reminder.id)
    }

    if (handledDeliveries.size > MAX_HANDLED_DELIVERIES) {
      handledDeliveries.clear()
    }

    for (const reminder of fresh) {
      seen.add(reminder, now)
    }

    const ids = fresh.map((reminder) => reminder.id)

    if (fresh.length === 0) {
      return { notified: [], summarized: [], silenced: [] }
    }

    if (notifier === undefined || !options.isEnabled()) {
      log.debug('Noted reminders without showing them', { count: fresh.length })

      return { notified: [], summarized: [], silenced: ids }
    }

    const isBacklog = fresh.length > 1 && (fresh.length > settings.backlogThreshold || isAway)

    if (isBacklog) {
      notifyBacklog(fresh)
      log.info('Showed a summary of reminders', { count: fresh.length, isAway })

      return { notified: [], summarized: ids, silenced: [] }
    }

    fresh.forEach(notifyOne)
    log.info('Showed reminders', { count: fresh.length })

    return { notified: ids, summarized: [], silenced: [] }
  }

  const pollOnce = async (): Promise<PollOutcome> => {
    const started = generation
    const api = options.api()

    // Without a notifier (before the desktop binds one) a poll would only mark reminders seen.
    if (api === null || notifier === undefined) {
      return { status: 'skipped', notified: [], summarized: [], silenced: [], nextPollInMs: 0 }
    }

    try {
      const reminders = await api.dueNowReminders()

      if (started !== generation) {
        return { status: 'skipped', notified: [], summarized: [], silenced: [], nextPollInMs: 0 }
      }

      const now = clock.now()
      const lastPollAt = seen.lastPollAt()
      const isAway = isResumed || (lastPollAt !== null && now - lastPollAt > settings.awayAfterMs)
      const outcome = deliver(reminders, isAway)
      isResumed = false
      failures = 0
      seen.setLastPollAt(now)

      return { status: 'shown', ...outcome, nextPollInMs: settings.intervalMs }
    } catch (error) {
      failures += 1
      const wait = Math.min(settings.intervalMs * 2 ** failures, settings.maxBackoffMs)
      const code = error instanceof AppError ? error.code : 'INTERNAL'
      const level = failures === 1 ? 'info' : 'debug'
      log[level]('Could not fetch reminders; trying again later', { code, waitMs: wait })

      return {
        status: 'failed',
        notified: [],
        summarized: [],
        silenced: [],
        nextPollInMs: wait,
        error: error instanceof AppError ? error : undefined,
      }
    }
  }

  async function pollNow(): Promise<PollOutcome> {
    // One poll at a time: a resume during a poll waits for it instead of racing it.
    if (polling !== undefined) {
      return polling
    }

    timer?.cancel()
    polling = pollOnce()

    try {
      const outcome = await polling
      schedule(outcome.status === 'skipped' ? settings.intervalMs : outcome.nextPollInMs)

      return outcome
    } finally {
      polling = undefined
    }
  }

  async function snooze(reminder: Reminder, minutes: number): Promise<void> {
    const api = requireApi()
    await api.snoozeReminder(reminder.id, minutes)
    // The server makes a new delivery for later; that one is to be shown when it comes.
    seen.forget(reminder)
    log.info('Snoozed a reminder', { minutes })
  }

  async function acknowledge(reminder: Reminder): Promise<void> {
    const api = requireApi()
    await api.acknowledgeReminder(reminder.id)
    seen.add(reminder, clock.now())
    log.info('Acknowledged a reminder')
  }

  function requireApi(): ReminderApi {
    const api = options.api()

    if (api === null) {
      throw new AppError('SESSION_SIGNED_OUT', 'Sign in to mpath Desktop to act on reminders.', {
        action: 'Sign in, then try again.',
      })
    }

    return api
  }

  return {
    start() {
      if (isRunning) {
        return
      }

      isRunning = true
      failures = 0
      void pollNow()
    },
    stop() {
      isRunning = false
      generation += 1
      timer?.cancel()
      timer = undefined
    },
    resume() {
      if (!isRunning) {
        return
      }

      isResumed = true
      failures = 0
      void pollNow()
    },
    pollNow,
    useNotifier(bound) {
      notifier = bound

      if (isRunning) {
        void pollNow()
      }

      return () => {
        if (notifier === bound) {
          notifier = undefined
        }
      }
    },
    snooze,
    acknowledge,
    dispose() {
      isRunning = false
      generation += 1
      timer?.cancel()
      notifier = undefined
    },
  }
}

function withoutUndefined(options: RemindersOptions): Partial<typeof DEFAULTS> {
  const result: Partial<typeof DEFAULTS> = {}

  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const value = options[key]

    if (value !== undefined) {
      result[key] = value
    }
  }

  return result
}
