import { act, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { App } from '../../App'
import { FIXTURE_INITIATIVES, FIXTURE_PEOPLE, FIXTURE_TASKS } from '../../testing/fixtures'
import { renderWithFake } from '../../testing/renderWithFake'

// mpath://tasks|people|initiatives/<id> reach the window as app:did-request-navigation (main
// validates the link first); the window opens the item, or says it cannot be found.
describe('links into the app', () => {
  it('opens a linked task, person and initiative', async () => {
    const { fake } = renderWithFake(<App />)
    await screen.findByRole('heading', { name: 'My work' })
    const task = FIXTURE_TASKS[0]!
    const person = FIXTURE_PEOPLE[1]!
    const initiative = FIXTURE_INITIATIVES[0]!

    act(() => fake.emit('app:did-request-navigation', { target: 'tasks', id: task.id }))
    expect(await screen.findByRole('heading', { name: 'Tasks' })).toBeDefined()
    expect((await screen.findAllByText(task.title)).length).toBeGreaterThan(0)
    expect(fake.callsTo('tasks:get')).toContainEqual({ id: task.id })

    act(() => fake.emit('app:did-request-navigation', { target: 'people', id: person.id }))
    expect(await screen.findByRole('heading', { name: person.name })).toBeDefined()

    act(() => fake.emit('app:did-request-navigation', { target: 'initiatives', id: initiative.id }))
    expect(await screen.findByRole('heading', { name: initiative.title })).toBeDefined()
  })

  it.each([
    ['tasks', 'That task is no longer in your organization.'],
    ['people', 'That person is no longer in your organization.'],
    ['initiatives', 'That initiative is no longer in your organization.'],
  ] as const)('says plainly when a linked %s id is unknown or hidden', async (target, words) => {
    const { fake } = renderWithFake(<App />)
    await screen.findByRole('heading', { name: 'My work' })

    act(() => fake.emit('app:did-request-navigation', { target, id: 'not_in_this_org' }))

    expect(await screen.findByText(words)).toBeDefined()
  })

  it('opens an item asked for before the window was listening', async () => {
    const task = FIXTURE_TASKS[2]!
    const { fake } = renderWithFake(<App />, {
      pendingNavigation: { target: 'tasks', id: task.id },
    })

    expect(await screen.findByRole('heading', { name: 'Tasks' })).toBeDefined()
    expect(fake.callsTo('app:take-pending-navigation')).toHaveLength(1)
    expect(fake.callsTo('tasks:get')).toContainEqual({ id: task.id })
  })
})
