import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { useNavigationStore } from '../../stores/navigationStore'
import { expectNoSeriousAxeViolations } from '../../testing/axe'
import { renderWithFake } from '../../testing/renderWithFake'
import { MyWorkView } from './MyWorkView'

function titlesIn(groupName: RegExp): string[] {
  const group = screen.getByRole('region', { name: groupName })

  return within(group)
    .getAllByRole('button')
    .map((button) => button.querySelector('.item-title')?.textContent ?? '')
}

describe('MyWorkView', () => {
  it('groups open tasks into Overdue, Today and Upcoming, soonest first', async () => {
    const { container } = renderWithFake(<MyWorkView />)

    await screen.findByRole('heading', { name: /Overdue/ })

    expect(titlesIn(/Overdue/)).toEqual([
      'Migrate the reports #19',
      'Review the access policy #01',
      'Update the runbook #15',
    ])
    expect(titlesIn(/Today/)).toEqual(['Draft the rollout plan #12'])
    expect(titlesIn(/Upcoming/)).toEqual([
      'Write the quarterly summary #26',
      'Audit the permissions #08',
    ])
    await expectNoSeriousAxeViolations(container)
  })

  it('lists the next one-on-ones with the other person, and owned initiatives', async () => {
    renderWithFake(<MyWorkView />)

    const meetings = await screen.findByRole('region', { name: 'Next one-on-ones' })
    const names = within(meetings)
      .getAllByRole('button')
      .map((button) => button.querySelector('.item-title')?.textContent)
    expect(names).toEqual(['With Edsger Dijkstra', 'With Ada Lovelace', 'With Katherine Johnson'])

    const initiatives = screen.getByRole('region', { name: 'Initiatives you own' })
    expect(within(initiatives).getByText('Single sign-on for every client')).toBeDefined()
    expect(within(initiatives).getAllByText('On track')).toHaveLength(2)
  })

  it('opens a task in the Tasks view', async () => {
    const { user } = renderWithFake(<MyWorkView />)

    await user.click(await screen.findByRole('button', { name: /Draft the rollout plan #12/ }))

    expect(useNavigationStore.getState()).toMatchObject({ view: 'tasks', selectedId: 'task_12' })
  })

  it('shows a skeleton, not a blank screen, while loading', async () => {
    renderWithFake(<MyWorkView />, {
      handlers: { 'work:get-summary': () => new Promise(() => {}) },
    })

    expect(screen.getByRole('status', { name: 'Loading your work' })).toBeDefined()
  })

  it('says what to do when there is nothing', async () => {
    const { user } = renderWithFake(<MyWorkView />, {
      meId: null,
      data: { oneOnOnes: [] },
    })

    expect(await screen.findByText('Nothing due')).toBeDefined()
    expect(screen.getByText('No one-on-ones scheduled')).toBeDefined()
    expect(screen.getByText('You own no initiatives')).toBeDefined()
    await user.click(screen.getByRole('button', { name: 'Browse all tasks' }))
    expect(useNavigationStore.getState().view).toBe('tasks')
  })

  it('says what went wrong and retries', async () => {
    const { user, fake } = renderWithFake(<MyWorkView />, {
      handlers: {
        'work:get-summary': () => {
          throw { code: 'NETWORK_OFFLINE', message: 'You are offline.' }
        },
      },
    })

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Could not load your work')
    expect(alert.textContent).toContain('You are offline.')

    fake.restore('work:get-summary')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))

    expect(await screen.findByRole('heading', { name: /Overdue/ })).toBeDefined()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
