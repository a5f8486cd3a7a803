import type { Logger } from '../log/logger'
import type { KeyValueStore } from '../platform/ports'

/** Where the seen set lives in the key-value store. */
export const SEEN_REMINDERS_KEY = 'reminders.seen'

/** A reminder's identity for de-duplication: its task and the due date it reminds of. */
export interface ReminderIdentity {
  taskId: string
  taskDueDate: string
}

interface StoredEntry {
  key: string
  /** When the task is due, to forget entries long past. */
  dueAt: number
  seenAt: number
}

interface StoredSeen {
  version: 1
  entries: StoredEntry[]
  /** When the last poll succeeded, so a restart after a long gap counts as time away. */
  lastPollAt: number | null
}

/** The reminders already shown (or deliberately skipped), kept across restarts. */
export interface SeenReminders {
  has(reminder: ReminderIdentity): boolean
  add(reminder: ReminderIdentity, now: number): void
  /** Forgets one, so its next delivery is shown (after a snooze). */
  forget(reminder: ReminderIdentity): void
  lastPollAt(): number | null
  setLastPollAt(time: number): void
}

const KEEP_AFTER_DUE_MS = 14 * 86_400_000
const MAX_ENTRIES = 2_000

/**
 * The identity of a reminder: mpath makes a new delivery (a new id) for the same task and
 * due date after every acknowledgement, so the delivery id cannot tell repeats apart.
 */
export function reminderKey(reminder: ReminderIdentity): string {
  const due = Date.parse(reminder.taskDueDate)
  const day = Number.isNaN(due) ? reminder.taskDueDate : new Date(due).toISOString()

  return `${reminder.taskId}|${day}`
}

function readStored(value: unknown): StoredSeen {
  const empty: StoredSeen = { version: 1, entries: [], lastPollAt: null }

  if (typeof value !== 'object' || value === null) {
    return empty
  }

  const candidate = value as Partial<StoredSeen>

  if (candidate.version !== 1 || !Array.isArray(candidate.entries)) {
    return empty
  }

  const entries = candidate.entries.filter(
    (entry): entry is StoredEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.key === 'string' &&
      typeof entry.dueAt === 'number' &&
      typeof entry.seenAt === 'number',
  )

  return {
    version: 1,
    entries,
    lastPollAt: typeof candidate.lastPollAt === 'number' ? candidate.lastPollAt : null,
  }
}

/**
 * Opens the seen set in `store`. Entries are dropped two weeks after their due date, and the
 * oldest beyond a cap, so the set stays small; an unreadable stored value starts afresh.
 */
export function openSeenReminders(options: {
  store: KeyValueStore
  logger: Logger
}): SeenReminders {
  const log = options.logger.child('reminders')
  let stored: StoredSeen

  try {
    stored = readStored(options.store.get(SEEN_REMINDERS_KEY))
  } catch (error) {
    log.warn('Could not read the reminders already shown; starting afresh', { error })
    stored = { version: 1, entries: [], lastPollAt: null }
  }

  const keys = new Map(stored.entries.map((entry) => [entry.key, entry]))

  const save = () => {
    const entries = [...keys.values()].sort((left, right) => left.seenAt - right.seenAt)

    try {
      options.store.set(SEEN_REMINDERS_KEY, {
        version: 1,
        entries: entries.slice(-MAX_ENTRIES),
        lastPollAt: stored.lastPollAt,
      } satisfies StoredSeen)
    } catch (error) {
      log.warn('Could not save the reminders already shown', { error })
    }
  }

  const prune = (now: number) => {
    for (const [key, entry] of keys) {
      if (entry.dueAt < now - KEEP_AFTER_DUE_MS) {
        keys.delete(key)
      }
    }

    while (keys.size > MAX_ENTRIES) {
      const oldest = [...keys.values()].reduce((left, right) =>
        left.seenAt <= right.seenAt ? left : right,
      )
      keys.delete(oldest.key)
    }
  }

  return {
    has: (reminder) => keys.has(reminderKey(reminder)),
    add(reminder, now) {
      const key = reminderKey(reminder)
      const due = Date.parse(reminder.taskDueDate)
      keys.set(key, { key, dueAt: Number.isNaN(due) ? now : due, seenAt: now })
      prune(now)
      save()
    },
    forget(reminder) {
      if (keys.delete(reminderKey(reminder))) {
        save()
      }
    },
    lastPollAt: () => stored.lastPollAt,
    setLastPollAt(time) {
      stored = { ...stored, lastPollAt: time }
      save()
    },
  }
}
