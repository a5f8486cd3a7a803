import { describe, expect, it, vi } from 'vitest'

import { AppError } from '../../shared/errors/appError'
import type { Reminder } from '../../shared/mpath/reminders'
import { createFakeClock, type FakeClock } from '../api/testing/fakeClock'
import { createTestLogger } from '../log/testing/testLogger'
import { memoryKeyValueStore } from '../platform/testing/memoryKeyValueStore'
import type { KeyValueStore } from '../platform/ports'
import { createReminders, type ReminderApi, type RemindersOptions } from './reminders'
import { createRecordingNotifier } from './testing/recordingNotifier'

const START = Date.UTC(2026, 2, 1, 9, 0, 0)

/** A fake mpath reminder endpoint that behaves like the real one, including its quirks. */
function fakeReminderServer(clock: FakeClock) {
  interface Row extends Reminder {
    status: 'PENDING' | 'ACKNOWLEDGED' | 'SNOOZED'
  }
  const rows: Row[] = []
  let nextId = 1
  let failure: AppError | undefined
  const openTasks = new Map<string, { title: string; dueDate: string }>()

  const ensurePending = () => {
    for (const [taskId, task] of openTasks) {
      const hasPending = rows.some(
        (row) =>
          row.taskId === taskId && row.status === 'PENDING' && row.taskDueDate === task.dueDate,
      )

      if (!hasPending) {
        rows.push({
          id: `delivery_${nextId++}`,
          taskId,
          taskTitle: task.title,
          taskDueDate: task.dueDate,
          remindAt: new Date(clock.now()).toISOString(),
          status: 'PENDING',
        })
      }
    }
  }

  const api: ReminderApi = {
    async dueNowReminders() {
      if (failure) {
        throw failure
      }

      ensurePending()

      return rows
        .filter((row) => row.status === 'PENDING' && Date.parse(row.remindAt) <= clock.now())
        .map(({ status: _status, ...reminder }) => reminder)
    },
    async acknowledgeReminder(id) {
      const row = rows.find((candidate) => candidate.id === id)

      if (!row) {
        throw new AppError('API_SERVER_ERROR', 'Reminder not found or access denied')
      }

      row.status = 'ACKNOWLEDGED'
    },
    async snoozeReminder(id, minutes) {
      const row = rows.find((candidate) => candidate.id === id && candidate.status === 'PENDING')

      if (!row) {
        throw new AppError('API_SERVER_ERROR', 'Reminder not found or access denied')
      }

      const until = clock.now() + minutes * 60_000

      if (until > Date.parse(row.taskDueDate)) {
        throw new AppError('API_BAD_REQUEST', 'Snooze time cannot be later than the task due date')
      }

      row.status = 'SNOOZED'
      rows.push({
        ...row,
        id: `delivery_${nextId++}`,
        remindAt: new Date(until).toISOString(),
        status: 'PENDING',
      })
    },
  }

  return {
    api,
    rows,
    addTask(taskId: string, title: string, dueInMinutes: number) {
      openTasks.set(taskId, {
        title,
        dueDate: new Date(clock.now() + dueInMinutes * 60_000).toISOString(),
      })
    },
    fail(error: AppError | undefined) {
      failure = error
    },
  }
}

function setUp(
  options: Partial<RemindersOptions> & { store?: KeyValueStore; clock?: FakeClock } = {},
) {
  const clock = options.clock ?? createFakeClock(START)
  const server = fakeReminderServer(clock)
  const store = options.store ?? memoryKeyValueStore()
  const notifier = createRecordingNotifier()
  const openTask = vi.fn()
  const showTasks = vi.fn()
  let enabled = true
  const { logger, entries } = createTestLogger()
  const reminders = createReminders({
    api: () => server.api,
    store,
    clock,
    logger,
    isEnabled: () => enabled,
    timeZone: () => 'UTC',
    openTask,
    showTasks,
    ...options,
  })
  reminders.useNotifier(notifier)

  return {
    reminders,
    server,
    notifier,
    clock,
    store,
    openTask,
    showTasks,
    entries,
    setEnabled: (value: boolean) => {
      enabled = value
    },
  }
}

const flush = async () => {
  for (let index = 0; index < 5; index += 1) {
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe('createReminders', () => {
  it('shows one notification per reminder, however often it polls', async () => {
    const { reminders, server, notifier } = setUp()
    server.addTask('task_a', 'Prepare the demo', 45)

    const first = await reminders.pollNow()
    const second = await reminders.pollNow()

    expect(first.notified).toHaveLength(1)
    expect(second.notified).toEqual([])
    expect(notifier.shown.map((shown) => shown.title)).toEqual(['Prepare the demo'])
    expect(notifier.shown[0]?.actions.map((action) => action.label)).toEqual([
      'Open',
      'Snooze 5 min',
      'Done',
    ])
  })

  it('polls every 45 seconds while started, and stops when signed out', async () => {
    const clock = createFakeClock(START)
    const { reminders, server, notifier } = setUp({ clock })
    reminders.start()
    await flush()
    expect(clock.firedDelays).toEqual([])

    server.addTask('task_a', 'Later task', 30)
    clock.runNextTimer()
    await flush()
    expect(clock.firedDelays).toEqual([45_000])
    expect(notifier.shown).toHaveLength(1)

    reminders.stop()
    expect(clock.runNextTimer()).toBe(false)
  })

  it('does not notify again after Done, though mpath makes a new delivery', async () => {
    const { reminders, server, notifier } = setUp()
    server.addTask('task_a', 'Prepare the demo', 45)
    await reminders.pollNow()

    notifier.shown[0]?.press('done')
    await flush()
    expect(server.rows[0]?.status).toBe('ACKNOWLEDGED')

    await reminders.pollNow()
    expect(server.rows.filter((row) => row.status === 'PENDING')).toHaveLength(1)
    expect(notifier.shown).toHaveLength(1)
  })

  it('snoozes with an allowed length and notifies once more when the snooze ends', async () => {
    const clock = createFakeClock(START)
    const { reminders, server, notifier } = setUp({ clock })
    server.addTask('task_a', 'Prepare the demo', 90)
    await reminders.pollNow()
    expect(notifier.shown[0]?.actions.map((action) => action.id)).toEqual([
      'open',
      'snooze:5',
      'snooze:60',
      'done',
    ])

    notifier.shown[0]?.press('snooze:60')
    await flush()
    expect(server.rows.map((row) => row.status)).toEqual(['SNOOZED', 'PENDING'])

    expect((await reminders.pollNow()).notified).toEqual([])
    // An hour later the snoozed delivery is due: one more notification, once.
    reminders.start()
    await flush()

    while (clock.now() < START + 62 * 60_000) {
      clock.runNextTimer()
      await flush()
    }

    expect(notifier.shown.map((shown) => shown.title)).toEqual([
      'Prepare the demo',
      'Prepare the demo',
    ])
    expect(notifier.shown[1]?.actions.map((action) => action.id)).toEqual([
      'open',
      'snooze:5',
      'done',
    ])
  })

  it('surfaces a snooze the server refuses', async () => {
    const { reminders, server, notifier } = setUp()
    server.addTask('task_a', 'Prepare the demo', 30)
    await reminders.pollNow()
    const reminder = (await server.api.dueNowReminders())[0]!

    await expect(reminders.snooze(reminder, 60)).rejects.toMatchObject({
      code: 'API_BAD_REQUEST',
      message: 'Snooze time cannot be later than the task due date',
    })

    notifier.shown[0]?.press('snooze:1440')
    await flush()
    expect(notifier.shown[1]).toMatchObject({
      title: 'Could not snooze “Prepare the demo”',
      body: 'Snooze time cannot be later than the task due date',
    })
  })

  it('opens the task from Open, and from a click where buttons do not show', async () => {
    const { reminders, server, notifier, openTask } = setUp()
    server.addTask('task_a', 'Prepare the demo', 30)
    await reminders.pollNow()

    notifier.shown[0]?.press('open')
    notifier.shown[0]?.press('click')
    expect(openTask).toHaveBeenCalledTimes(2)
    expect(openTask).toHaveBeenCalledWith('task_a')
  })

  it('collapses more than three new reminders into one summary', async () => {
    const { reminders, server, notifier, showTasks } = setUp()

    for (const index of [1, 2, 3, 4, 5]) {
      server.addTask(`task_${index}`, `Task ${index}`, -index * 60)
    }

    const outcome = await reminders.pollNow()
    expect(outcome.summarized).toHaveLength(5)
    expect(notifier.shown.map((shown) => shown.title)).toEqual(['5 reminders while you were away'])

    notifier.shown[0]?.press('show-tasks')
    expect(showTasks).toHaveBeenCalled()

    await reminders.pollNow()
    expect(notifier.shown).toHaveLength(1)
  })

  it('collapses even two reminders after sleep or a long gap since the last poll', async () => {
    const clock = createFakeClock(START)
    const { reminders, server, notifier } = setUp({ clock })
    await reminders.pollNow()

    server.addTask('task_a', 'A', 30)
    server.addTask('task_b', 'B', 40)
    reminders.start()
    reminders.resume()
    await flush()
    expect(notifier.shown.map((shown) => shown.title)).toEqual(['2 reminders while you were away'])
  })

  it('counts a restart long after the last poll as time away', async () => {
    const store = memoryKeyValueStore()
    const before = setUp({ store })
    await before.reminders.pollNow()
    before.reminders.dispose()

    const after = setUp({ store, clock: createFakeClock(START + 30 * 60_000) })
    after.server.addTask('task_c', 'C', 50)
    after.server.addTask('task_d', 'D', 55)
    await after.reminders.pollNow()
    expect(after.notifier.shown.map((shown) => shown.title)).toEqual([
      '2 reminders while you were away',
    ])
  })

  it('remembers what it showed across a restart', async () => {
    const store = memoryKeyValueStore()
    const first = setUp({ store })
    first.server.addTask('task_a', 'Prepare the demo', 45)
    await first.reminders.pollNow()
    expect(first.notifier.shown).toHaveLength(1)
    first.reminders.dispose()

    const second = setUp({ store })
    second.server.addTask('task_a', 'Prepare the demo', 45)
    // Same task and due date, but a new delivery id from a new server: not shown again.
    expect((await second.reminders.pollNow()).notified).toEqual([])
    expect(second.notifier.shown).toHaveLength(0)
  })

  it('shows nothing while notifications are off, nor anything stale once back on', async () => {
    const { reminders, server, notifier, setEnabled } = setUp()
    setEnabled(false)
    server.addTask('task_a', 'Prepare the demo', 45)

    expect((await reminders.pollNow()).silenced).toHaveLength(1)
    expect(notifier.shown).toEqual([])

    setEnabled(true)
    await reminders.pollNow()
    expect(notifier.shown).toEqual([])

    server.addTask('task_b', 'New one', 30)
    await reminders.pollNow()
    expect(notifier.shown.map((shown) => shown.title)).toEqual(['New one'])
  })

  it('backs off while offline, doubling up to ten minutes, and is back at 45 s after', async () => {
    const clock = createFakeClock(START)
    const { reminders, server } = setUp({ clock })
    server.fail(new AppError('NETWORK_OFFLINE', 'You are offline.'))
    const waits: number[] = []

    for (let attempt = 0; attempt < 6; attempt += 1) {
      waits.push((await reminders.pollNow()).nextPollInMs)
    }

    expect(waits).toEqual([90_000, 180_000, 360_000, 600_000, 600_000, 600_000])

    server.fail(undefined)
    expect((await reminders.pollNow()).nextPollInMs).toBe(45_000)
  })

  it('polls at once on resume instead of waiting out a backoff', async () => {
    const clock = createFakeClock(START)
    const { reminders, server, notifier } = setUp({ clock })
    server.fail(new AppError('NETWORK_OFFLINE', 'You are offline.'))
    reminders.start()
    await flush()

    server.fail(undefined)
    server.addTask('task_a', 'A', 30)
    reminders.resume()
    await flush()
    expect(notifier.shown).toHaveLength(1)
  })

  it('waits for a notifier before polling, and skips while signed out', async () => {
    const clock = createFakeClock(START)
    const server = fakeReminderServer(clock)
    let api: ReminderApi | null = null
    const reminders = createReminders({
      api: () => api,
      store: memoryKeyValueStore(),
      clock,
      logger: createTestLogger().logger,
      isEnabled: () => true,
      timeZone: () => 'UTC',
      openTask: () => undefined,
      showTasks: () => undefined,
    })

    expect((await reminders.pollNow()).status).toBe('skipped')
    reminders.useNotifier(createRecordingNotifier())
    expect((await reminders.pollNow()).status).toBe('skipped')
    api = server.api
    expect((await reminders.pollNow()).status).toBe('shown')
  })
})
