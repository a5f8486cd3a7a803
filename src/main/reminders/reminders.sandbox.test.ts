/**
 * Task reminders against the sandbox's mpath API, with Ben, who has reminder preferences on
 * his tasks due within a day (and on his overdue demo tasks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Integration tests drive the sandbox in-process; the app itself never imports it.
import { signInOverHttp } from '../../../sandbox/auth/testing/testAuthorizationServer'
import { startSandbox, type RunningSandbox } from '../../../sandbox/start'
import { AppError } from '../../shared/errors/appError'
import type { Reminder } from '../../shared/mpath/reminders'
import { createApiClient, type ApiClient } from '../api/apiClient'
import type { AccessTokenSource } from '../auth/types'
import { createTestLogger } from '../log/testing/testLogger'
import type { Clock } from '../platform/ports'
import { memoryKeyValueStore } from '../platform/testing/memoryKeyValueStore'
import { createReminders, type RemindersOptions } from './reminders'
import { snoozeOptionsFor } from './snoozeOptions'
import { createRecordingNotifier } from './testing/recordingNotifier'

const BEN = { email: 'ben@example.test', password: 'sandbox-ben' }
const SCOPES = 'openid profile email read:people read:tasks read:initiatives read:meetings'

// Real time (the sandbox compares with its own clock); timers never fire: tests poll by hand.
const clock: Clock = { now: () => Date.now(), setTimeout: () => ({ cancel: () => undefined }) }

function staticTokens(token: string): AccessTokenSource {
  return {
    getAccessToken: async () => token,
    refreshAfterRejection: async () => {
      throw new AppError('SESSION_EXPIRED', 'The test session is over.')
    },
    grantedScopes: () => SCOPES.split(' '),
  }
}

const flush = async () => {
  for (let index = 0; index < 20; index += 1) {
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe('reminders against the sandbox', () => {
  let sandbox: RunningSandbox
  let api: ApiClient

  const deliveryStatus = async (id: string) =>
    (
      await sandbox.db.query<{ status: string }>(
        'select status from task_reminder_delivery where id = $1',
        [id],
      )
    ).rows[0]?.status

  const pendingFor = async (taskId: string) =>
    (
      await sandbox.db.query<{ id: string }>(
        `select id from task_reminder_delivery where task_id = $1 and status = 'PENDING'`,
        [taskId],
      )
    ).rows.map((row) => row.id)

  const setUp = (options: Partial<RemindersOptions> = {}) => {
    const notifier = createRecordingNotifier()
    const reminders = createReminders({
      api: () => api,
      store: memoryKeyValueStore(),
      clock,
      logger: createTestLogger().logger,
      isEnabled: () => true,
      timeZone: () => 'UTC',
      openTask: () => undefined,
      showTasks: () => undefined,
      backlogThreshold: 1_000,
      ...options,
    })
    reminders.useNotifier(notifier)

    return { reminders, notifier }
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ authPort: 0, apiPort: 0, loopbackPort: 0 })
    const tokens = await signInOverHttp({
      server: {
        issuer: sandbox.ready.issuer,
        clients: sandbox.ready.clients,
        resourceServer: sandbox.resourceServer,
        close: async () => {},
      },
      ...BEN,
      scope: SCOPES,
    })
    api = createApiClient({
      baseUrl: sandbox.ready.apiUrl,
      tokens: staticTokens(tokens.access_token),
      fetch,
      clock,
      logger: createTestLogger().logger,
      maxRetries: 0,
    })
  })

  afterAll(async () => {
    await sandbox?.close()
  })

  it('shows each due reminder once over two polls, with snoozes the server allows', async () => {
    const { reminders, notifier } = setUp()
    const first = await reminders.pollNow()
    const second = await reminders.pollNow()
    const due = await api.dueNowReminders()

    expect(first.status).toBe('shown')
    expect(first.notified.length).toBeGreaterThan(1)
    expect(second.notified).toEqual([])
    expect(notifier.shown).toHaveLength(first.notified.length)
    expect(new Set(notifier.shown.map((shown) => shown.title))).toEqual(
      new Set(due.map((reminder) => reminder.taskTitle)),
    )

    for (const reminder of due) {
      const shown = notifier.shown.find((candidate) => candidate.title === reminder.taskTitle)
      const snoozes = shown?.actions.filter((action) => action.id.startsWith('snooze:'))
      const allowed = snoozeOptionsFor(reminder.taskDueDate, Date.now())

      // The clock moved a little since the notification: a preset may have dropped off since.
      expect(snoozes?.map((action) => Number(action.id.slice(7)))).toEqual(
        expect.arrayContaining(allowed),
      )
    }

    expect(notifier.shown.some((shown) => shown.body.startsWith('Overdue since'))).toBe(true)
  })

  it('snoozes with an offered length, and surfaces the server refusing other lengths', async () => {
    const { reminders, notifier } = setUp()
    await reminders.pollNow()
    const due = await api.dueNowReminders()
    const overdue = due.find((reminder) => Date.parse(reminder.taskDueDate) < Date.now())
    const soon = due.find(
      (reminder) => snoozeOptionsFor(reminder.taskDueDate, Date.now()).length > 0,
    )

    expect(overdue).toBeDefined()
    expect(soon).toBeDefined()

    const refusal = await reminders.snooze(overdue!, 5).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(AppError)
    expect(refusal).toMatchObject({ code: 'API_BAD_REQUEST' })
    expect((refusal as AppError).message).toMatch(/already overdue/)

    const beyondDue = Math.ceil((Date.parse(soon!.taskDueDate) - Date.now()) / 60_000) + 10
    await expect(reminders.snooze(soon!, beyondDue)).rejects.toMatchObject({
      code: 'API_BAD_REQUEST',
    })

    const shown = notifier.shown.find((candidate) => candidate.title === soon!.taskTitle)
    shown?.press('snooze:5')
    await flush()
    await expect.poll(() => deliveryStatus(soon!.id)).toBe('SNOOZED')
    expect(await pendingFor(soon!.taskId)).toHaveLength(1)

    // The snoozed reminder is not due yet: nothing new shows.
    expect((await reminders.pollNow()).notified).toEqual([])
  })

  it('acknowledges on Done, and does not show the delivery mpath recreates next poll', async () => {
    const { reminders, notifier } = setUp()
    await reminders.pollNow()
    const due = await api.dueNowReminders()
    const target: Reminder = due[0]!
    const shown = notifier.shown.find((candidate) => candidate.title === target.taskTitle)

    shown?.press('done')
    await expect.poll(() => deliveryStatus(target.id)).toBe('ACKNOWLEDGED')

    const next = await reminders.pollNow()
    const recreated = await pendingFor(target.taskId)
    expect(recreated).toHaveLength(1)
    expect(recreated[0]).not.toBe(target.id)
    expect(next.notified).toEqual([])
    expect(notifier.shown.filter((candidate) => candidate.title === target.taskTitle)).toHaveLength(
      1,
    )
  })

  it('collapses a backlog into one summary', async () => {
    const { reminders, notifier } = setUp({ backlogThreshold: 3 })
    const outcome = await reminders.pollNow()

    expect(outcome.summarized.length).toBeGreaterThan(3)
    expect(notifier.shown).toHaveLength(1)
    expect(notifier.shown[0]?.title).toBe(
      `${outcome.summarized.length} reminders while you were away`,
    )
  })

  it('shows nothing while notifications are off, and no stale ones after', async () => {
    let isEnabled = false
    const { reminders, notifier } = setUp({ isEnabled: () => isEnabled })

    expect((await reminders.pollNow()).silenced.length).toBeGreaterThan(0)
    isEnabled = true
    await reminders.pollNow()
    expect(notifier.shown).toEqual([])
  })

  it('backs off when the server cannot be reached', async () => {
    const unreachable = createApiClient({
      baseUrl: 'http://127.0.0.1:9',
      tokens: staticTokens('unused'),
      fetch,
      clock,
      logger: createTestLogger().logger,
      maxRetries: 0,
    })
    const { reminders } = setUp({ api: () => unreachable })
    const first = await reminders.pollNow()
    const second = await reminders.pollNow()

    expect(first).toMatchObject({ status: 'failed', nextPollInMs: 90_000 })
    expect(first.error?.code).toMatch(/^NETWORK_/)
    expect(second.nextPollInMs).toBe(180_000)
  })
})
