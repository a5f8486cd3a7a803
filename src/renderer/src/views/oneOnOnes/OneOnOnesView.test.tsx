import { act, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { expectNoSeriousAxeViolations } from '../../testing/axe'
import { FIXTURE_NOW, FIXTURE_ONE_ON_ONES } from '../../testing/fixtures'
import { renderWithFake } from '../../testing/renderWithFake'
import { OneOnOnesView } from './OneOnOnesView'

function meetingsIn(name: RegExp): string[] {
  const section = screen.getByRole('region', { name })

  return within(section)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.meeting-with')?.textContent ?? '')
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(FIXTURE_NOW))
})

afterEach(() => {
  vi.useRealTimers()
})

describe('OneOnOnesView', () => {
  it('lists upcoming one-on-ones soonest first, then past, with the other person', async () => {
    renderWithFake(<OneOnOnesView />)

    expect(screen.getByRole('status', { name: 'Loading one-on-ones' })).toBeDefined()
    expect(await screen.findByRole('heading', { name: /Upcoming/ })).toBeDefined()
    expect(meetingsIn(/^Upcoming/)).toEqual([
      'With Edsger Dijkstra',
      'With Ada Lovelace',
      'With Alan Turing and Barbara Liskov',
      'With Katherine Johnson',
    ])
    expect(meetingsIn(/^Past/)).toEqual(['With Katherine Johnson'])
    expect(screen.getByText('Talked about goals.')).toBeDefined()
    expect(screen.getAllByText('No notes yet.')).toHaveLength(4)
  })

  it('groups by day under a heading with the date', async () => {
    renderWithFake(<OneOnOnesView />)
    const upcoming = await screen.findByRole('region', { name: /^Upcoming/ })

    const days = within(upcoming).getAllByRole('heading', { level: 3 })
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' })
    expect(days[0]!.textContent).toBe(expected.format(new Date(2026, 2, 11)))
    expect(days).toHaveLength(4)
  })

  it('names both participants when it is not known who "me" is', async () => {
    renderWithFake(<OneOnOnesView />, { meId: null })

    await screen.findByRole('heading', { name: /Upcoming/ })
    expect(meetingsIn(/^Past/)).toEqual(['With Grace Hopper and Katherine Johnson'])
  })

  it('still lists meetings when "me" cannot be read', async () => {
    renderWithFake(<OneOnOnesView />, {
      handlers: {
        'work:get-summary': () => {
          throw { code: 'NETWORK_OFFLINE', message: 'You are offline.' }
        },
      },
    })

    await screen.findByRole('heading', { name: /Upcoming/ })
    expect(meetingsIn(/^Past/)).toEqual(['With Grace Hopper and Katherine Johnson'])
  })

  it('says what to do when there are none, and when nothing is upcoming', async () => {
    const { fake } = renderWithFake(<OneOnOnesView />, { data: { oneOnOnes: [] } })
    expect(await screen.findByText('No one-on-ones yet')).toBeDefined()

    fake.state.data.oneOnOnes = FIXTURE_ONE_ON_ONES.slice(0, 1)
    act(() => fake.emit('data:did-change', { collections: ['oneOnOnes'] }))
    expect(
      await screen.findByText('Nothing scheduled. Book your next one-on-one in mpath.'),
    ).toBeDefined()
  })

  it('shows what went wrong', async () => {
    renderWithFake(<OneOnOnesView />, {
      handlers: {
        'oneonones:query': () => {
          throw { code: 'API_FORBIDDEN', message: 'No person record found for you.' }
        },
      },
    })

    expect((await screen.findByRole('alert')).textContent).toContain(
      'No person record found for you.',
    )
  })

  it('has no serious accessibility problems', async () => {
    const { container } = renderWithFake(<OneOnOnesView />)
    await screen.findByRole('heading', { name: /Upcoming/ })

    await expectNoSeriousAxeViolations(container)
  })
})
