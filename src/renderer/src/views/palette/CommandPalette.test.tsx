import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { App } from '../../App'
import { useNavigationStore } from '../../stores/navigationStore'
import { expectNoSeriousAxeViolations } from '../../testing/axe'
import { renderWithFake } from '../../testing/renderWithFake'

async function openPalette() {
  const rendered = renderWithFake(<App />)
  await screen.findByRole('heading', { name: 'My work' })
  await rendered.user.keyboard('{Control>}k{/Control}')

  return rendered
}

describe('CommandPalette', () => {
  it('opens with Ctrl+K, focused on the search field', async () => {
    const { container } = await openPalette()

    const input = screen.getByRole('combobox', { name: 'Search people, tasks and initiatives' })
    expect(screen.getByRole('dialog', { name: 'Search' })).toBeDefined()
    expect(document.activeElement).toBe(input)
    await expectNoSeriousAxeViolations(container)
  })

  it('searches as the person types and moves with the arrows', async () => {
    const { user, fake, container } = await openPalette()

    await user.keyboard('gr')

    const options = await screen.findAllByRole('option')
    expect(options[0]?.textContent).toContain('Grace Hopper')
    expect(options[0]?.getAttribute('aria-selected')).toBe('true')
    expect(fake.callsTo('search:query').at(-1)).toEqual({ q: 'gr', limit: 20 })

    await user.keyboard('{ArrowDown}')
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true')
    await user.keyboard('{ArrowUp}{ArrowUp}')
    const last = screen.getAllByRole('option').at(-1)
    expect(last?.getAttribute('aria-selected')).toBe('true')
    expect(screen.getByRole('combobox').getAttribute('aria-activedescendant')).toBe(last?.id)
    await expectNoSeriousAxeViolations(container)
  })

  it('opens the highlighted item in its view with Enter', async () => {
    const { user } = await openPalette()

    await user.keyboard('sign-on')
    await screen.findByRole('option', { name: /Single sign-on/ })
    await user.keyboard('{Enter}')

    expect(screen.queryByRole('dialog')).toBeNull()
    expect(await screen.findByRole('heading', { name: 'Initiatives' })).toBeDefined()
    expect(useNavigationStore.getState()).toMatchObject({
      view: 'initiatives',
      selectedId: 'init_sso',
    })
  })

  it('closes with Escape and gives focus back', async () => {
    const { user } = renderWithFake(<App />)
    const search = await screen.findByRole('button', { name: 'Search' })
    await user.click(search)
    expect(screen.getByRole('dialog', { name: 'Search' })).toBeDefined()

    await user.keyboard('{Escape}')

    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(search)
  })

  it('counts one result in the singular and more in the plural', async () => {
    const { user } = await openPalette()

    await user.keyboard('sign-on')
    await screen.findByRole('option', { name: /Single sign-on/ })
    expect(screen.getAllByRole('option')).toHaveLength(1)
    expect(screen.getByText('1 result')).toBeDefined()

    await user.clear(screen.getByRole('combobox'))
    await user.keyboard('gr')
    await screen.findByRole('option', { name: /Grace Hopper/ })
    const count = screen.getAllByRole('option').length
    expect(count).toBeGreaterThan(1)
    expect(await screen.findByText(`${count} results`)).toBeDefined()
  })

  it('says when nothing matches', async () => {
    const { user } = await openPalette()

    await user.keyboard('zzzz')

    expect(await screen.findByText(/Nothing matches/)).toBeDefined()
  })
})
