import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { InitiativeQuery } from '../../../../shared/ipc/queries'
import { useNavigationStore } from '../../stores/navigationStore'
import { useTasksStore } from '../../stores/tasksStore'
import { expectNoSeriousAxeViolations } from '../../testing/axe'
import { INITIATIVES_WITH_PROGRESS } from '../../testing/fakeDataViews'
import type { FakeMpath } from '../../testing/fakeMpath'
import { renderWithFake } from '../../testing/renderWithFake'
import { InitiativesView } from './InitiativesView'

const WITH_PROGRESS = { data: { initiatives: INITIATIVES_WITH_PROGRESS } }

function lastQuery(fake: FakeMpath): InitiativeQuery {
  return fake.callsTo('initiatives:query').at(-1) as InitiativeQuery
}

async function findRow(title: RegExp): Promise<HTMLElement> {
  const list = await screen.findByRole('listbox', { name: 'Initiatives' })

  return within(list).getByRole('option', { name: title })
}

describe('InitiativesView', () => {
  it('shows RAG in words, confidence, progress, target date, owners and objectives', async () => {
    renderWithFake(<InitiativesView />, WITH_PROGRESS)

    expect(screen.getByRole('status', { name: 'Loading initiatives' })).toBeDefined()
    const sso = await findRow(/Single sign-on/)
    expect(sso.textContent).toContain('On track')
    expect(sso.textContent).toContain('Confidence 80%')
    expect(sso.textContent).toContain('3 of 4 tasks done')
    expect(sso.textContent).toMatch(/Target \w+/)
    expect(sso.textContent).toContain('Owner: Grace Hopper')
    expect(sso.textContent).toContain('2 objectives')

    expect((await findRow(/latency/)).textContent).toContain('At risk')
    expect((await findRow(/latency/)).textContent).toContain('1 of 5 tasks done')
    const onboarding = await findRow(/onboarding/)
    expect(onboarding.textContent).toContain('Off track')
    expect(onboarding.textContent).toContain('No tasks yet')
    expect(screen.getByText('4 initiatives')).toBeDefined()
  })

  it('says progress is unknown when the server sends no task array', async () => {
    renderWithFake(<InitiativesView />)

    expect((await findRow(/Single sign-on/)).textContent).toContain('Progress unknown')
  })

  it('filters by RAG and status and searches on each keystroke', async () => {
    const { fake, user } = renderWithFake(<InitiativesView />, WITH_PROGRESS)
    await findRow(/Single sign-on/)

    await user.selectOptions(screen.getByRole('combobox', { name: 'RAG' }), 'Red: off track')
    expect(lastQuery(fake).rags).toEqual(['red'])
    await waitFor(async () =>
      expect(
        within(await screen.findByRole('listbox', { name: 'Initiatives' })).getAllByRole('option'),
      ).toHaveLength(1),
    )
    await user.selectOptions(screen.getByRole('combobox', { name: 'RAG' }), 'Any RAG')

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Done')
    expect(lastQuery(fake).statuses).toEqual(['done'])
    await waitFor(() => expect(screen.getByText('1 initiative')).toBeDefined())
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Any status')

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'lat')
    expect(
      fake.callsTo('initiatives:query').map((query) => (query as InitiativeQuery).search),
    ).toEqual(expect.arrayContaining(['l', 'la', 'lat']))
    await waitFor(() => expect(screen.getByText('1 initiative')).toBeDefined())
  })

  it('says what to do when nothing matches', async () => {
    const { user } = renderWithFake(<InitiativesView />, WITH_PROGRESS)
    await findRow(/Single sign-on/)

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'no such thing')
    expect(await screen.findByText('No initiatives match')).toBeDefined()
    const clear = screen.getAllByRole('button', { name: 'Clear filters' })
    await user.click(clear[clear.length - 1]!)
    expect(await findRow(/Single sign-on/)).toBeDefined()
  })

  it("opens an initiative's page with objectives, owners and its tasks", async () => {
    const { fake, user } = renderWithFake(<InitiativesView />, WITH_PROGRESS)
    const list = await screen.findByRole('listbox', { name: 'Initiatives' })

    list.focus()
    await user.keyboard('{End}{Enter}')
    // Sorted by title, the last one is "Single sign-on for every client".
    expect(
      await screen.findByRole('heading', { name: 'Single sign-on for every client' }),
    ).toBeDefined()
    expect(
      screen.getByRole('progressbar', { name: 'Tasks done' }).getAttribute('aria-valuetext'),
    ).toBe('3 of 4 tasks done')
    expect(screen.getByText('On track')).toBeDefined()
    expect(screen.getByText('80%')).toBeDefined()
    expect(
      screen.getByText('Ship the first milestone of single sign-on for every client'),
    ).toBeDefined()
    expect(screen.getByText(/Key result: Used by three teams/)).toBeDefined()

    expect(fake.callsTo('tasks:query')).toContainEqual({ initiativeIds: ['init_sso'], limit: 50 })
    const tasks = await screen.findByRole('listbox', {
      name: 'Tasks of Single sign-on for every client',
    })
    const taskOptions = within(tasks).getAllByRole('option')
    expect(taskOptions.length).toBeGreaterThan(0)

    await user.click(taskOptions[0]!)
    expect(useNavigationStore.getState().view).toBe('tasks')
    expect(useNavigationStore.getState().selectedId).toMatch(/^task_/)
  })

  it("opens an owner's page and shows all tasks in the Tasks view", async () => {
    useNavigationStore.getState().navigate('initiatives', 'init_latency')
    const { user } = renderWithFake(<InitiativesView />, WITH_PROGRESS)

    await user.click(await screen.findByRole('button', { name: /Show (all \d+ )?in Tasks/ }))
    expect(useTasksStore.getState().filters.initiativeIds).toEqual(['init_latency'])
    expect(useNavigationStore.getState().view).toBe('tasks')

    act(() => useNavigationStore.getState().navigate('initiatives', 'init_latency'))
    const people = await screen.findByRole('listbox', { name: 'People on Cut API latency in half' })
    await user.click(within(people).getByRole('option', { name: /Katherine Johnson/ }))
    expect(useNavigationStore.getState()).toMatchObject({
      view: 'people',
      selectedId: 'person_katherine',
    })
  })

  it('goes back to the list', async () => {
    useNavigationStore.getState().navigate('initiatives', 'init_sso')
    const { user } = renderWithFake(<InitiativesView />, WITH_PROGRESS)

    await user.click(await screen.findByRole('button', { name: 'Back to initiatives' }))
    expect(await screen.findByRole('listbox', { name: 'Initiatives' })).toBeDefined()
  })

  it('says so when the initiative is gone', async () => {
    useNavigationStore.getState().navigate('initiatives', 'init_gone')
    renderWithFake(<InitiativesView />, WITH_PROGRESS)

    expect(
      await screen.findByText('That initiative is no longer in your organization.'),
    ).toBeDefined()
  })

  it('has no serious accessibility problems on the list or a page', async () => {
    const { container } = renderWithFake(<InitiativesView />, WITH_PROGRESS)
    await findRow(/Single sign-on/)
    await expectNoSeriousAxeViolations(container)

    act(() => useNavigationStore.getState().select('init_sso'))
    await screen.findByRole('listbox', { name: /Tasks of/ })
    await expectNoSeriousAxeViolations(container)
  })
})
