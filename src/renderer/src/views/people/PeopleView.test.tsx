import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { PersonQuery } from '../../../../shared/ipc/queries'
import { useNavigationStore } from '../../stores/navigationStore'
import { useTasksStore } from '../../stores/tasksStore'
import { expectNoSeriousAxeViolations } from '../../testing/axe'
import type { FakeMpath } from '../../testing/fakeMpath'
import { renderWithFake } from '../../testing/renderWithFake'
import { PeopleView } from './PeopleView'

function lastPeopleQuery(fake: FakeMpath): PersonQuery {
  return fake.callsTo('people:query').at(-1) as PersonQuery
}

async function findPeopleNames(): Promise<string[]> {
  const list = await screen.findByRole('listbox', { name: 'People' })

  return within(list)
    .getAllByRole('option')
    .map((option) => option.querySelector('.option-title')?.textContent ?? '')
}

function chartTransform(): string {
  return screen.getByTestId('org-chart-view').getAttribute('transform') ?? ''
}

describe('PeopleView list', () => {
  it('lists everyone with role, team and manager', async () => {
    renderWithFake(<PeopleView />)

    expect(screen.getByRole('status', { name: 'Loading people' })).toBeDefined()
    expect(await findPeopleNames()).toHaveLength(8)
    const list = screen.getByRole('listbox', { name: 'People' })
    const grace = within(list).getByRole('option', { name: /^Grace Hopper/ })
    expect(grace.textContent).toContain('Head of Platform')
    expect(grace.textContent).toContain('Platform')
    expect(grace.textContent).toContain('Reports to Ada Lovelace')
    expect(screen.getByText('8 people')).toBeDefined()
  })

  it('searches and filters by team, manager and status', async () => {
    const { fake, user } = renderWithFake(<PeopleView />)
    await findPeopleNames()

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'ada')
    expect(lastPeopleQuery(fake).search).toBe('ada')
    await waitFor(async () => expect(await findPeopleNames()).toEqual(['Ada Lovelace']))
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }))

    const team = screen.getByRole('combobox', { name: 'Team' })
    await waitFor(() => expect(within(team).getByText('Product')).toBeDefined())
    await user.selectOptions(team, 'Product')
    expect(lastPeopleQuery(fake).teamIds).toEqual(['team_product'])
    await waitFor(async () =>
      expect(await findPeopleNames()).toEqual(['Alan Turing', 'Barbara Liskov', 'Donald Knuth']),
    )
    await user.selectOptions(team, 'No team')
    expect(lastPeopleQuery(fake).teamIds).toEqual(['none'])
    await waitFor(async () => expect(await findPeopleNames()).toEqual(['Margaret Hamilton']))
    await user.selectOptions(team, 'Any team')

    const manager = screen.getByRole('combobox', { name: 'Manager' })
    await user.selectOptions(manager, 'Grace Hopper')
    expect(lastPeopleQuery(fake).managerIds).toEqual(['person_grace'])
    await waitFor(async () =>
      expect(await findPeopleNames()).toEqual(['Edsger Dijkstra', 'Katherine Johnson']),
    )
    await user.selectOptions(manager, 'Anyone')

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'On leave')
    expect(lastPeopleQuery(fake).statuses).toEqual(['on_leave'])
    await waitFor(async () => expect(await findPeopleNames()).toEqual(['Edsger Dijkstra']))
  })

  it('says what to do when no one matches', async () => {
    const { user } = renderWithFake(<PeopleView />)
    await findPeopleNames()

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'nobody at all')
    expect(await screen.findByText('No one matches')).toBeDefined()
    const clear = screen.getAllByRole('button', { name: 'Clear filters' })
    await user.click(clear[clear.length - 1]!)
    expect(await findPeopleNames()).toHaveLength(8)
  })

  it('opens a person with Enter and shows their reports and tasks', async () => {
    const { fake, user } = renderWithFake(<PeopleView />)
    await findPeopleNames()

    const list = screen.getByRole('listbox', { name: 'People' })
    list.focus()
    // People are in name order: Ada, Alan, Barbara, Donald, Edsger, Grace …
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{Enter}')

    expect(await screen.findByRole('heading', { name: 'Grace Hopper' })).toBeDefined()
    expect(screen.getByText('Head of Platform')).toBeDefined()
    const reports = await screen.findByRole('listbox', { name: 'Reports of Grace Hopper' })
    expect(
      within(reports)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Edsger DijkstraEngineer', 'Katherine JohnsonEngineer'])
    expect(fake.callsTo('tasks:query')).toContainEqual({ assigneeIds: ['person_grace'], limit: 50 })
    const tasks = await screen.findByRole('listbox', { name: 'Tasks of Grace Hopper' })
    expect(within(tasks).getAllByRole('option').length).toBeGreaterThan(0)

    await user.click(within(reports).getByRole('option', { name: /Katherine Johnson/ }))
    expect(await screen.findByRole('heading', { name: 'Katherine Johnson' })).toBeDefined()
    await user.click(screen.getByRole('button', { name: 'Grace Hopper' }))
    expect(await screen.findByRole('heading', { name: 'Grace Hopper' })).toBeDefined()

    await user.click(screen.getByRole('button', { name: 'Back to people' }))
    expect(await screen.findByRole('listbox', { name: 'People' })).toBeDefined()
  })

  it("opens a person's tasks in the Tasks view", async () => {
    useNavigationStore.getState().navigate('people', 'person_grace')
    const { user } = renderWithFake(<PeopleView />)

    await user.click(await screen.findByRole('button', { name: /Show (all \d+ )?in Tasks/ }))

    expect(useNavigationStore.getState().view).toBe('tasks')
    expect(useTasksStore.getState().filters.assigneeIds).toEqual(['person_grace'])
  })

  it('says when a person has no reports', async () => {
    useNavigationStore.getState().navigate('people', 'person_margaret')
    renderWithFake(<PeopleView />)

    expect(await screen.findByText('No reports')).toBeDefined()
  })
})

describe('PeopleView org chart', () => {
  it('draws everyone from manager links, with a list as text alternative', async () => {
    const { user } = renderWithFake(<PeopleView />)
    await user.click(screen.getByRole('button', { name: 'Org chart' }))

    const chart = await screen.findByRole('img', { name: /Org chart of 8 people/ })
    expect(chart.querySelectorAll('[data-person-id]')).toHaveLength(8)
    expect(chart.querySelectorAll('.org-link')).toHaveLength(6)

    const outline = screen.getByRole('list', { name: 'Org chart as a list' })
    const graceReports = within(outline).getByRole('list', { name: 'Reports of Grace Hopper' })
    expect(
      within(graceReports)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Edsger Dijkstra, Engineer', 'Katherine Johnson, Engineer'])
  })

  it('zooms in, zooms out, pans by dragging and resets', async () => {
    const { user } = renderWithFake(<PeopleView />)
    await user.click(screen.getByRole('button', { name: 'Org chart' }))
    await screen.findByRole('img', { name: /Org chart/ })
    const initial = chartTransform()
    expect(initial).toContain('scale(1)')

    await user.click(screen.getByRole('button', { name: 'Zoom in' }))
    expect(chartTransform()).toContain('scale(1.25)')
    await user.click(screen.getByRole('button', { name: 'Zoom out' }))
    await user.click(screen.getByRole('button', { name: 'Zoom out' }))
    expect(chartTransform()).toContain('scale(0.8)')

    await user.click(screen.getByRole('button', { name: 'Reset view' }))
    expect(chartTransform()).toBe(initial)

    const chart = screen.getByRole('img', { name: /Org chart/ })
    fireEvent.pointerDown(chart, { button: 0, clientX: 100, clientY: 100, pointerId: 1 })
    fireEvent.pointerMove(chart, { clientX: 160, clientY: 130, pointerId: 1 })
    fireEvent.pointerUp(chart, { clientX: 160, clientY: 130, pointerId: 1 })
    const [, x, y] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(initial)!
    expect(chartTransform()).toBe(`translate(${Number(x) + 60} ${Number(y) + 30}) scale(1)`)
  })

  it('centres and highlights a person found by name or chosen in the list', async () => {
    const { user } = renderWithFake(<PeopleView />)
    await user.click(screen.getByRole('button', { name: 'Org chart' }))
    const chart = await screen.findByRole('img', { name: /Org chart/ })

    await user.type(screen.getByRole('searchbox', { name: 'Find a person' }), 'knuth{Enter}')
    expect(await screen.findByText('Showing Donald Knuth.')).toBeDefined()
    expect(chart.querySelector('.org-node-focused')?.getAttribute('data-person-id')).toBe(
      'person_donald',
    )
    const focused = chartTransform()

    const outline = screen.getByRole('list', { name: 'Org chart as a list' })
    await user.click(within(outline).getByRole('button', { name: /Ada Lovelace/ }))
    expect(chart.querySelector('.org-node-focused')?.getAttribute('data-person-id')).toBe(
      'person_ada',
    )
    expect(chartTransform()).not.toBe(focused)
    expect(
      within(outline)
        .getByRole('button', { name: /Ada Lovelace/ })
        .getAttribute('aria-current'),
    ).toBe('true')

    await user.click(screen.getByRole('button', { name: "Open Ada Lovelace's page" }))
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeDefined()

    await user.click(screen.getByRole('button', { name: 'Show in org chart' }))
    expect(await screen.findByRole('img', { name: /Org chart/ })).toBeDefined()
    expect(screen.getByText('Showing Ada Lovelace.')).toBeDefined()
  })

  it('says when no one matches the name', async () => {
    const { user } = renderWithFake(<PeopleView />)
    await user.click(screen.getByRole('button', { name: 'Org chart' }))
    await screen.findByRole('img', { name: /Org chart/ })

    await user.type(screen.getByRole('searchbox', { name: 'Find a person' }), 'zed{Enter}')
    expect(screen.getByText('No one called “zed” is in the chart.')).toBeDefined()
  })

  it('reloads the chart when people change', async () => {
    const { fake, user } = renderWithFake(<PeopleView />)
    await user.click(screen.getByRole('button', { name: 'Org chart' }))
    await screen.findByRole('img', { name: /Org chart of 8 people/ })

    fake.state.data.people = fake.state.data.people.slice(0, 3)
    act(() => fake.emit('data:did-change', { collections: ['people'] }))
    expect(await screen.findByRole('img', { name: /Org chart of 3 people/ })).toBeDefined()
  })
})

describe('PeopleView accessibility', () => {
  it('has no serious problems in the list, the chart or a person page', async () => {
    const { container, user } = renderWithFake(<PeopleView />)
    await findPeopleNames()
    await expectNoSeriousAxeViolations(container)

    await user.click(screen.getByRole('button', { name: 'Org chart' }))
    await screen.findByRole('img', { name: /Org chart/ })
    await expectNoSeriousAxeViolations(container)

    act(() => useNavigationStore.getState().select('person_grace'))
    await screen.findByRole('listbox', { name: 'Tasks of Grace Hopper' })
    await expectNoSeriousAxeViolations(container)
  })
})
