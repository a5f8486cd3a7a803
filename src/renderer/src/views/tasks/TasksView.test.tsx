import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { TaskQuery } from '../../../../shared/ipc/queries'
import { useNavigationStore } from '../../stores/navigationStore'
import { expectNoSeriousAxeViolations } from '../../testing/axe'
import { generateTasks } from '../../testing/fakeDataViews'
import type { FakeMpath } from '../../testing/fakeMpath'
import { FIXTURE_NOW, FIXTURE_TASKS } from '../../testing/fixtures'
import { renderWithFake } from '../../testing/renderWithFake'
import { TASK_ROW_HEIGHT } from './TaskList'
import { TasksView } from './TasksView'

const WRITABLE = { writeAvailability: { available: true } }

function lastQuery(fake: FakeMpath): TaskQuery {
  return fake.callsTo('tasks:query').at(-1) as TaskQuery
}

async function findRows(): Promise<HTMLElement[]> {
  const list = await screen.findByRole('listbox', { name: 'Tasks' })

  return within(list).findAllByRole('option')
}

beforeEach(() => {
  // happy-dom lays nothing out: give the list a height so the virtualizer has a window.
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(TASK_ROW_HEIGHT * 10)
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(TASK_ROW_HEIGHT * 10)
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(FIXTURE_NOW))
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('TasksView', () => {
  it('shows skeleton rows, then the first window of tasks with their fields', async () => {
    const { fake } = renderWithFake(<TasksView />)

    expect(screen.getByRole('status', { name: 'Loading tasks' })).toBeDefined()
    const rows = await findRows()
    expect(rows.length).toBeGreaterThan(0)
    expect(lastQuery(fake)).toEqual({ offset: 0, limit: 100 })
    expect(screen.getByText('30 tasks')).toBeDefined()

    const first = FIXTURE_TASKS[0]!
    const row = rows.find((candidate) => candidate.textContent?.includes(first.title))!
    expect(row.textContent).toContain('To do')
    expect(row.textContent).toContain('Critical')
    expect(row.textContent).toContain('Grace Hopper')
    expect(row.textContent).toContain('(overdue)')
    expect(row.textContent).toContain('Single sign-on for every client')
  })

  it('asks main again on every keystroke of the search', async () => {
    const { fake, user } = renderWithFake(<TasksView />)
    await findRows()

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'flaky')

    const searches = fake.callsTo('tasks:query').map((query) => (query as TaskQuery).search)
    expect(searches).toEqual(expect.arrayContaining(['f', 'fl', 'fla', 'flak', 'flaky']))
    await waitFor(() => expect(screen.getByText('3 tasks')).toBeDefined())

    for (const row of await findRows()) {
      expect(row.textContent).toContain('Fix the flaky export')
    }
  })

  it('filters by status, priority, unassigned, no initiative and due range', async () => {
    const { fake, user } = renderWithFake(<TasksView />)
    await findRows()

    await user.click(screen.getByRole('checkbox', { name: 'Blocked' }))
    expect(lastQuery(fake).statuses).toEqual(['blocked'])
    await user.click(screen.getByRole('checkbox', { name: 'High' }))
    expect(lastQuery(fake).priorities).toEqual([2])
    await user.click(screen.getByRole('checkbox', { name: 'Blocked' }))
    await user.click(screen.getByRole('checkbox', { name: 'High' }))

    await user.selectOptions(screen.getByRole('combobox', { name: 'Assignee' }), 'Unassigned')
    expect(lastQuery(fake).assigneeIds).toEqual(['unassigned'])
    await waitFor(async () => {
      for (const row of await findRows()) {
        expect(row.textContent).toContain('Unassigned')
      }
    })

    await user.selectOptions(screen.getByRole('combobox', { name: 'Assignee' }), 'Anyone')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Initiative' }), 'No initiative')
    expect(lastQuery(fake)).toEqual({ initiativeIds: ['none'], offset: 0, limit: 100 })

    fireEvent.change(screen.getByLabelText('Due from'), { target: { value: '2026-03-01' } })
    fireEvent.change(screen.getByLabelText('Due to'), { target: { value: '2026-03-12' } })
    expect(lastQuery(fake)).toMatchObject({ dueFrom: '2026-03-01', dueTo: '2026-03-12' })
  })

  it('offers people and initiatives as assignee and initiative choices', async () => {
    const { user } = renderWithFake(<TasksView />)
    await findRows()

    const assignee = screen.getByRole('combobox', { name: 'Assignee' })
    await waitFor(() => expect(within(assignee).getByText('Katherine Johnson')).toBeDefined())
    await user.selectOptions(assignee, 'Katherine Johnson')
    await waitFor(async () => {
      for (const row of await findRows()) {
        expect(row.textContent).toContain('Katherine Johnson')
      }
    })
  })

  it('sorts by the chosen field and direction', async () => {
    const { fake, user } = renderWithFake(<TasksView />)
    await findRows()

    expect(screen.getByRole('combobox', { name: 'Order' })).toHaveProperty('disabled', true)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Due date')
    expect(lastQuery(fake).sort).toEqual({ field: 'dueDate', direction: 'asc' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Order' }), 'Descending')
    expect(lastQuery(fake).sort).toEqual({ field: 'dueDate', direction: 'desc' })
  })

  it('draws only a window of a long list and asks for more rows as it scrolls', async () => {
    const { fake } = renderWithFake(<TasksView />, { data: { tasks: generateTasks(5000) } })
    const rows = await findRows()

    expect(rows.length).toBeLessThan(40)
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('5000')
    expect(screen.getByText('5,000 tasks')).toBeDefined()
    expect(fake.callsTo('tasks:query')).toEqual([{ offset: 0, limit: 100 }])

    const list = screen.getByRole('listbox', { name: 'Tasks' })
    act(() => {
      list.scrollTop = TASK_ROW_HEIGHT * 2500
      list.dispatchEvent(new Event('scroll'))
    })

    await waitFor(() =>
      expect(fake.callsTo('tasks:query')).toContainEqual({ offset: 2500, limit: 100 }),
    )
    await waitFor(() => expect(screen.getByText(/Generated task 02501/)).toBeDefined())
    expect(within(list).getAllByRole('option').length).toBeLessThan(40)
  })

  it('moves with the arrows, opens with Enter and closes with Escape', async () => {
    const { user } = renderWithFake(<TasksView />)
    await findRows()

    const list = screen.getByRole('listbox', { name: 'Tasks' })
    list.focus()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    const active = within(list).getByRole('option', { selected: true })
    expect(active.getAttribute('aria-posinset')).toBe('3')
    expect(list.getAttribute('aria-activedescendant')).toBe(active.id)

    await user.keyboard('{Enter}')
    const title = active.querySelector('.task-row-title')!.textContent!
    const detail = await screen.findByRole('complementary', { name: title })
    expect(within(detail).getByText('Priority')).toBeDefined()

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('complementary')).toBeNull()
    expect(useNavigationStore.getState().selectedId).toBeNull()
  })

  it('opens the task another view asked for', async () => {
    useNavigationStore.getState().navigate('tasks', 'task_05')
    renderWithFake(<TasksView />)

    expect(
      await screen.findByRole('complementary', { name: /Update the runbook #05/ }),
    ).toBeDefined()
  })

  it('says plainly why editing is not available', async () => {
    useNavigationStore.getState().navigate('tasks', 'task_01')
    renderWithFake(<TasksView />)

    expect(
      await screen.findByText(
        "Editing isn't available: Editing is off. Turn it on in Settings, then sign in again.",
      ),
    ).toBeDefined()
    expect(screen.queryByRole('button', { name: 'Complete' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull()
  })

  it('completes a task when writes are available', async () => {
    useNavigationStore.getState().navigate('tasks', 'task_01')
    const { fake, user } = renderWithFake(<TasksView />, WRITABLE)
    const detail = await screen.findByRole('complementary', { name: /#01/ })

    await user.click(await within(detail).findByRole('button', { name: 'Complete' }))

    expect(fake.callsTo('tasks:complete')).toEqual([{ id: 'task_01' }])
    await waitFor(() => expect(within(detail).getByText('Done')).toBeDefined())
    expect(within(detail).queryByRole('button', { name: 'Complete' })).toBeNull()
  })

  it('keeps the title in view and focused after Complete', async () => {
    useNavigationStore.getState().navigate('tasks', 'task_01')
    const scrolled: Element[] = []
    const scrollIntoView = vi
      .spyOn(Element.prototype, 'scrollIntoView')
      .mockImplementation(function (this: Element) {
        scrolled.push(this)
      })
    const { user } = renderWithFake(<TasksView />, WRITABLE)
    const detail = await screen.findByRole('complementary', { name: /#01/ })
    const title = within(detail).getByRole('heading', { level: 2 })
    scrolled.length = 0

    await user.click(await within(detail).findByRole('button', { name: 'Complete' }))

    await waitFor(() => expect(within(detail).getByText('Done')).toBeDefined())
    expect(document.activeElement).toBe(title)
    expect(scrolled).toContain(title)
    scrollIntoView.mockRestore()
  })

  it('edits title, status, priority and due date', async () => {
    useNavigationStore.getState().navigate('tasks', 'task_01')
    const { fake, user } = renderWithFake(<TasksView />, WRITABLE)
    const detail = await screen.findByRole('complementary', { name: /#01/ })

    await user.click(await within(detail).findByRole('button', { name: 'Edit' }))
    const form = within(detail).getByRole('form', { name: 'Edit task' })
    const title = within(form).getByRole('textbox', { name: 'Title' })
    await user.clear(title)
    await user.type(title, 'Review the new policy')
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Status' }), 'Blocked')
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Priority' }), 'Low')
    fireEvent.change(within(form).getByLabelText('Due date'), { target: { value: '2026-04-02' } })
    await user.click(within(form).getByRole('button', { name: 'Save' }))

    expect(fake.callsTo('tasks:update')).toEqual([
      {
        id: 'task_01',
        patch: {
          title: 'Review the new policy',
          status: 'blocked',
          priority: 4,
          dueDate: '2026-04-02T12:00:00.000Z',
        },
      },
    ])
    expect(
      await screen.findByRole('complementary', { name: 'Review the new policy' }),
    ).toBeDefined()
    expect(screen.queryByRole('form', { name: 'Edit task' })).toBeNull()
  })

  it('undoes a change main refused and says why', async () => {
    useNavigationStore.getState().navigate('tasks', 'task_01')
    const { fake, user } = renderWithFake(<TasksView />, WRITABLE)
    fake.reject('tasks:complete', {
      code: 'API_SERVER_ERROR',
      message: 'mpath could not save the task.',
    })
    const detail = await screen.findByRole('complementary', { name: /#01/ })

    await user.click(await within(detail).findByRole('button', { name: 'Complete' }))

    const alert = await within(detail).findByRole('alert')
    expect(alert.textContent).toContain('Your change was not saved, so it has been undone.')
    expect(alert.textContent).toContain('mpath could not save the task.')
    expect(within(detail).getByText('To do')).toBeDefined()
    expect(within(detail).getByRole('button', { name: 'Complete' })).toBeDefined()
  })

  it('says what to do when nothing matches, and clears the filters', async () => {
    const { fake, user } = renderWithFake(<TasksView />)
    await findRows()

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'nothing like this')
    expect(await screen.findByText('No tasks match')).toBeDefined()

    const clear = screen.getAllByRole('button', { name: 'Clear filters' })
    await user.click(clear[clear.length - 1]!)
    expect(lastQuery(fake)).toEqual({ offset: 0, limit: 100 })
    expect((await findRows()).length).toBeGreaterThan(0)
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveProperty('value', '')
  })

  it('says what to do when there are no tasks at all', async () => {
    renderWithFake(<TasksView />, { data: { tasks: [] } })

    expect(await screen.findByText('No tasks yet')).toBeDefined()
  })

  it('shows what went wrong and retries', async () => {
    const { fake, user } = renderWithFake(<TasksView />, {
      handlers: {
        'tasks:query': () => {
          throw { code: 'NETWORK_OFFLINE', message: 'You are offline.' }
        },
      },
    })

    expect((await screen.findByRole('alert')).textContent).toContain('You are offline.')
    fake.handle('tasks:query', () => ({ items: [], total: 0 }))
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('No tasks yet')).toBeDefined()
  })

  it('reloads when main says the tasks changed', async () => {
    const { fake } = renderWithFake(<TasksView />)
    await findRows()
    const before = fake.callsTo('tasks:query').length

    act(() => fake.emit('data:did-change', { collections: ['people'] }))
    expect(fake.callsTo('tasks:query')).toHaveLength(before)
    act(() => fake.emit('data:did-change', { collections: ['tasks'] }))
    expect(fake.callsTo('tasks:query').length).toBeGreaterThan(before)
  })

  it('has no serious accessibility problems with the detail open', async () => {
    useNavigationStore.getState().navigate('tasks', 'task_02')
    const { container } = renderWithFake(<TasksView />, WRITABLE)
    await findRows()
    await screen.findByRole('button', { name: 'Edit' })

    await expectNoSeriousAxeViolations(container)
  })
})
