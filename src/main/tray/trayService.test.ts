import { describe, expect, it, vi } from 'vitest'

import type { SessionState } from '../../shared/auth/sessionState'
import type { MyWork } from '../../shared/ipc/views'
import type { TraySummary } from '../../shared/tray/traySummary'
import { createFakeClock } from '../api/testing/fakeClock'
import { createTestLogger } from '../log/testing/testLogger'
import { sampleOrganization } from '../sync/testing/sampleData'
import { createTrayService, type TrayServiceOptions } from './trayService'

const organization = sampleOrganization({ tasks: 3 })
const overdueTask = { ...organization.tasks[0]!, id: 'task_overdue', title: 'Overdue one' }

function setUp(overrides: Partial<TrayServiceOptions> = {}) {
  const emitters = new Set<() => void>()
  let work: MyWork = {
    me: { personId: 'person_0', name: 'Ben', email: null },
    overdue: [overdueTask],
    today: [],
    upcoming: [],
    nextOneOnOnes: [],
    ownedInitiatives: [],
  }
  let session: SessionState = {
    status: 'signed-in',
    user: { subject: 's', name: null, email: null },
    scopes: [],
    accessTokenExpiresAt: '2026-03-01T10:00:00.000Z',
    persistence: 'persistent',
  }
  let isConnected = true
  const clock = createFakeClock()
  const signIn = vi.fn(async () => undefined)
  const requestNavigation = vi.fn()
  const tray = createTrayService({
    work: { summary: () => work },
    isConnected: () => isConnected,
    session: () => session,
    syncStatus: () => ({ phase: 'idle' }),
    sources: [
      (listener) => {
        emitters.add(listener)

        return () => emitters.delete(listener)
      },
    ],
    signIn,
    requestNavigation,
    clock,
    logger: createTestLogger().logger,
    ...overrides,
  })
  const shell = { showMainWindow: vi.fn(), showQuickView: vi.fn(), hideQuickView: vi.fn() }

  return {
    tray,
    shell,
    clock,
    signIn,
    requestNavigation,
    change: (next: { work?: MyWork; session?: SessionState; isConnected?: boolean }) => {
      work = next.work ?? work
      session = next.session ?? session
      isConnected = next.isConnected ?? isConnected
      emitters.forEach((emit) => emit())
    },
    emitterCount: () => emitters.size,
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve))

describe('createTrayService', () => {
  it('publishes one summary per burst of changes, and only when it changed', async () => {
    const { tray, change } = setUp()
    const seen: TraySummary[] = []
    tray.onDidChange((summary) => seen.push(summary))

    change({})
    change({})
    await flush()
    expect(seen).toHaveLength(1)
    expect(seen[0]?.tooltip).toBe('mpath Desktop: 1 overdue')

    change({})
    await flush()
    expect(seen).toHaveLength(1)

    change({ session: { status: 'signed-out' } })
    await flush()
    expect(seen.map((summary) => summary.condition)).toEqual(['ready', 'signed-out'])
  })

  it('recomputes on a timer so "today" follows the clock without a data change', async () => {
    const { tray, clock } = setUp({ refreshEveryMs: 1_000 })
    const seen: TraySummary[] = []
    tray.onDidChange((summary) => seen.push(summary))

    clock.runNextTimer()
    await flush()
    expect(seen).toHaveLength(1)
  })

  it('opens a task in the main window and hides the quick-view', () => {
    const { tray, shell, requestNavigation } = setUp()
    tray.bindShell(shell)

    tray.openTask('task_1')
    expect(shell.hideQuickView).toHaveBeenCalled()
    expect(shell.showMainWindow).toHaveBeenCalled()
    expect(requestNavigation).toHaveBeenCalledWith({ target: 'tasks', id: 'task_1' })

    tray.showTasks()
    expect(shell.showQuickView).toHaveBeenCalled()
  })

  it('signs in from the tray, or opens the app to connect first', async () => {
    const { tray, shell, signIn, change } = setUp()
    tray.bindShell(shell)

    await tray.signIn()
    expect(signIn).toHaveBeenCalledTimes(1)

    change({ isConnected: false })
    await tray.signIn()
    expect(signIn).toHaveBeenCalledTimes(1)
    expect(shell.showMainWindow).toHaveBeenCalled()
  })

  it('does nothing to windows before a shell is bound or after it is unbound', () => {
    const { tray, shell, requestNavigation } = setUp()
    const unbind = tray.bindShell(shell)
    unbind()

    tray.openTask('task_1')
    expect(shell.showMainWindow).not.toHaveBeenCalled()
    expect(requestNavigation).toHaveBeenCalled()
  })

  it('unsubscribes from its sources when disposed', () => {
    const { tray, emitterCount } = setUp()
    expect(emitterCount()).toBe(1)
    tray.dispose()
    expect(emitterCount()).toBe(0)
  })
})
