import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { Task } from '../../../../shared/mpath/tasks'
import { expectNoSeriousAxeViolations } from '../../testing/axe'
import { fakeTraySummary } from '../../testing/fakeTray'
import { FIXTURE_ME_ID, FIXTURE_NOW, FIXTURE_TASKS } from '../../testing/fixtures'
import { renderWithFake } from '../../testing/renderWithFake'
import { QuickView } from './QuickView'
import { isQuickViewRoute } from './quickViewRoute'

const DAY = 86_400_000
const at = (days: number) => new Date(Date.parse(FIXTURE_NOW) + days * DAY).toISOString()

const task = (id: string, title: string, dueDays: number | null, extra: Partial<Task> = {}) => ({
  ...FIXTURE_TASKS[0]!,
  id,
  title,
  status: 'todo',
  assigneeId: FIXTURE_ME_ID,
  dueDate: dueDays === null ? null : at(dueDays),
  initiative: null,
  ...extra,
})

const TASKS: Task[] = [
  task('t_overdue', 'Send the capacity estimates', -2),
  task('t_today', 'Prepare the sprint demo', 0.1),
  task('t_upcoming', 'Renew the conference badge', 3),
  task('t_theirs', 'Someone else’s task', 0.1, { assigneeId: 'person_other' }),
]

const EDITABLE = { available: true } as const

describe('QuickView', () => {
  it('groups my open tasks into Overdue, Today and Upcoming, with counts', async () => {
    const { container } = renderWithFake(<QuickView />, { data: { tasks: TASKS } })

    const overdue = await screen.findByRole('region', { name: 'Overdue (1)' })
    expect(within(overdue).getByText('Send the capacity estimates')).toBeDefined()
    expect(
      within(screen.getByRole('region', { name: 'Today (1)' })).getByText(
        'Prepare the sprint demo',
      ),
    ).toBeDefined()
    expect(
      within(screen.getByRole('region', { name: 'Upcoming (1)' })).getByText(
        'Renew the conference badge',
      ),
    ).toBeDefined()
    expect(screen.queryByText('Someone else’s task')).toBeNull()
    expect(screen.getByText('1 overdue, 1 due today')).toBeDefined()
    await expectNoSeriousAxeViolations(container)
  })

  it('completes a task when editing is available, and says so', async () => {
    const { user, fake } = renderWithFake(<QuickView />, {
      data: { tasks: TASKS },
      writeAvailability: EDITABLE,
    })

    await user.click(
      await screen.findByRole('button', { name: 'Complete Prepare the sprint demo' }),
    )

    expect(fake.callsTo('tasks:complete')).toEqual([{ id: 't_today' }])
    await waitFor(() => expect(screen.queryByText('Prepare the sprint demo')).toBeNull())
    expect(screen.getByRole('status', { name: '' }).textContent).toBe(
      'Marked “Prepare the sprint demo” complete.',
    )
  })

  it('offers no Complete without editing, but always Open in mpath Desktop', async () => {
    const { user, fake } = renderWithFake(<QuickView />, { data: { tasks: TASKS } })

    await screen.findByRole('region', { name: 'Overdue (1)' })
    expect(screen.queryByRole('button', { name: /^Complete/ })).toBeNull()

    await user.click(
      screen.getByRole('button', { name: 'Open Send the capacity estimates in mpath Desktop' }),
    )
    expect(fake.callsTo('tray:open-task')).toEqual([{ id: 't_overdue' }])

    await user.click(screen.getByRole('button', { name: 'Open mpath Desktop' }))
    expect(fake.callsTo('tray:open-app')).toHaveLength(1)
  })

  it('shows why a completion failed', async () => {
    const { user, fake } = renderWithFake(<QuickView />, {
      data: { tasks: TASKS },
      writeAvailability: EDITABLE,
    })
    fake.reject('tasks:complete', {
      code: 'NETWORK_OFFLINE',
      message: 'Your change was not saved and has been undone. You are offline.',
    })

    await user.click(
      await screen.findByRole('button', { name: 'Complete Prepare the sprint demo' }),
    )

    expect((await screen.findByRole('alert')).textContent).toContain('You are offline.')
    expect(screen.getByText('Prepare the sprint demo')).toBeDefined()
  })

  it('offers Sign in when signed out', async () => {
    const { user, fake, container } = renderWithFake(<QuickView />, {
      session: { status: 'signed-out' },
      data: { tasks: TASKS },
    })

    await user.click(await screen.findByRole('button', { name: 'Sign in' }))
    expect(fake.callsTo('tray:sign-in')).toHaveLength(1)
    expect(screen.getByText('Sign in to see your tasks.')).toBeDefined()
    expect(screen.queryByRole('region', { name: /Overdue/ })).toBeNull()
    await expectNoSeriousAxeViolations(container)
  })

  it('follows main: a new summary replaces the list at once', async () => {
    const { fake } = renderWithFake(<QuickView />, { data: { tasks: TASKS } })
    await screen.findByRole('region', { name: 'Overdue (1)' })

    fake.state.trayCondition = 'offline'
    act(() => fake.emit('tray:did-change', fakeTraySummary(fake.state)))

    expect(await screen.findByText(/You are offline/)).toBeDefined()

    fake.state.data.tasks = []
    act(() => fake.emit('tray:did-change', fakeTraySummary(fake.state)))
    expect(await screen.findByText('Nothing is due')).toBeDefined()
  })

  it('stops listening when it unmounts', async () => {
    const { fake, unmount } = renderWithFake(<QuickView />)
    await screen.findByRole('heading', { name: 'My tasks' })
    expect(fake.listenerCount('tray:did-change')).toBe(1)

    unmount()
    expect(fake.listenerCount('tray:did-change')).toBe(0)
    expect(fake.listenerCount('auth:did-change-session')).toBe(0)
  })

  it('can be reached with the keyboard alone', async () => {
    const { user } = renderWithFake(<QuickView />, {
      data: { tasks: TASKS },
      writeAvailability: EDITABLE,
    })
    await screen.findByRole('region', { name: 'Overdue (1)' })

    await user.tab()
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Complete Send the capacity estimates',
    )
    await user.tab()
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Open Send the capacity estimates in mpath Desktop',
    )
  })

  it('is the page of the #/quick-view route only', () => {
    expect(isQuickViewRoute('#/quick-view')).toBe(true)
    expect(isQuickViewRoute('')).toBe(false)
    expect(isQuickViewRoute('#/quick-view/x')).toBe(false)
  })
})
