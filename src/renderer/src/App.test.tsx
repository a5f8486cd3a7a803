import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { App } from './App'
import { useNavigationStore } from './stores/navigationStore'
import { expectNoSeriousAxeViolations } from './testing/axe'
import { FIXTURE_SYNC_STATUS } from './testing/fixtures'
import { RESTORING, RESTORING_OFFLINE, SIGNED_IN } from './testing/fakeMpath'
import { renderWithFake } from './testing/renderWithFake'

describe('App', () => {
  it('opens on Connect when no profile is saved', async () => {
    renderWithFake(<App />, {
      profile: { profile: null, source: null },
      session: { status: 'signed-out' },
    })

    expect(
      await screen.findByRole('heading', { name: 'Connect to your organization' }),
    ).toBeDefined()
  })

  it('opens on Sign in when a profile exists but nobody is signed in', async () => {
    renderWithFake(<App />, { session: { status: 'signed-out' } })

    expect(await screen.findByRole('button', { name: 'Sign in with your browser' })).toBeDefined()
  })

  it('shows the cached data, not Sign in, while a saved session is restored', async () => {
    const { fake } = renderWithFake(<App />, { session: RESTORING })

    expect(await screen.findByRole('heading', { name: /Overdue/ })).toBeDefined()
    expect(within(screen.getByRole('banner')).getByText('Grace Hopper')).toBeDefined()
    expect(screen.queryByRole('heading', { name: 'Sign in to mpath' })).toBeNull()
    expect(screen.queryByRole('status', { name: /session|offline/i })).toBeNull()

    act(() => fake.emit('auth:did-change-session', SIGNED_IN))

    expect(screen.getByRole('heading', { name: /Overdue/ })).toBeDefined()
    expect(screen.queryByRole('heading', { name: 'Sign in to mpath' })).toBeNull()
  })

  it('offline at start keeps the window on the cached data with an offline banner', async () => {
    const { fake } = renderWithFake(<App />, { session: RESTORING })
    await screen.findByRole('heading', { name: /Overdue/ })

    act(() => fake.emit('auth:did-change-session', RESTORING_OFFLINE))

    const banner = await screen.findByRole('status', { name: 'Working offline' })
    expect(banner.textContent).toContain('The sign-in server could not be reached.')
    expect(screen.getByRole('heading', { name: /Overdue/ })).toBeDefined()
    expect(screen.queryByRole('heading', { name: 'Sign in to mpath' })).toBeNull()
    expect(screen.queryByRole('button', { name: /Sign in/ })).toBeNull()

    act(() => fake.emit('auth:did-change-session', SIGNED_IN))

    expect(screen.queryByRole('status', { name: 'Working offline' })).toBeNull()
  })

  it('asks to sign in when the server refuses the saved session during the restore', async () => {
    const { fake } = renderWithFake(<App />, { session: RESTORING })
    await screen.findByRole('heading', { name: /Overdue/ })

    act(() =>
      fake.emit('auth:did-change-session', {
        status: 'signed-out',
        reason: { code: 'SESSION_EXPIRED', message: 'Your session ended at the server.' },
      }),
    )

    expect(await screen.findByRole('heading', { name: 'Sign in to mpath' })).toBeDefined()
    expect(screen.getByText(/Your session ended at the server/)).toBeDefined()
  })

  it('shows the signed-in organization and account in the header', async () => {
    const { container } = renderWithFake(<App />)

    const banner = await screen.findByRole('banner')
    expect(await within(banner).findByText('mpath.example.com')).toBeDefined()
    expect(within(banner).getByText('Grace Hopper')).toBeDefined()
    await screen.findByRole('heading', { name: /Overdue/ })
    await expectNoSeriousAxeViolations(container)
  })

  it('switches views with Ctrl+1…7 and names the shortcut in the tooltip', async () => {
    const { user } = renderWithFake(<App />)
    await screen.findByRole('heading', { name: 'My work' })

    await user.keyboard('{Control>}3{/Control}')
    expect(await screen.findByRole('heading', { name: 'People' })).toBeDefined()
    await user.keyboard('{Control>}7{/Control}')
    expect(await screen.findByRole('heading', { name: 'Diagnostics' })).toBeDefined()
    expect(screen.getByRole('button', { name: 'Diagnostics' }).getAttribute('aria-current')).toBe(
      'page',
    )
    expect(screen.getByRole('button', { name: 'Tasks' }).title).toBe('Tasks (Ctrl+2)')

    await user.click(screen.getByRole('button', { name: 'Settings' }))
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeDefined()
  })

  it('shows an offline banner with the last-synced time', async () => {
    const { fake } = renderWithFake(<App />)
    await screen.findByRole('heading', { name: 'My work' })

    act(() => fake.emit('sync:did-change-status', { ...FIXTURE_SYNC_STATUS, phase: 'offline' }))

    const banner = await screen.findByRole('status', { name: 'You are offline' })
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
    expect(banner.textContent).toContain(expected.format(Date.parse('2026-03-10T08:45:00.000Z')))
  })

  it('shows sync progress while syncing', async () => {
    const { fake } = renderWithFake(<App />)
    await screen.findByRole('heading', { name: 'My work' })

    act(() =>
      fake.emit('sync:did-change-status', {
        ...FIXTURE_SYNC_STATUS,
        phase: 'syncing',
        progress: { collection: 'tasks', loaded: 120, total: 300 },
      }),
    )

    const progress = await screen.findByRole('progressbar', { name: 'Syncing tasks' })
    expect(progress.getAttribute('value')).toBe('120')
  })

  it('keeps the view on session expiry and signs in again from the banner', async () => {
    const { fake, user } = renderWithFake(<App />)
    await screen.findByRole('heading', { name: 'My work' })
    await user.keyboard('{Control>}4{/Control}')
    await screen.findByRole('heading', { name: 'Initiatives' })

    act(() =>
      fake.emit('auth:did-change-session', {
        status: 'signed-out',
        reason: { code: 'SESSION_EXPIRED', message: 'Your session expired.' },
      }),
    )

    const banner = await screen.findByRole('status', { name: 'Your session has ended' })
    expect(screen.getByRole('heading', { name: 'Initiatives' })).toBeDefined()
    await user.click(within(banner).getByRole('button', { name: 'Sign in again' }))

    expect(fake.callsTo('auth:sign-in')).toHaveLength(1)
    expect(
      await screen.findByRole('status', { name: 'Finish signing in in your browser' }),
    ).toBeDefined()
    expect(screen.getByRole('heading', { name: 'Initiatives' })).toBeDefined()

    act(() => fake.emit('auth:did-change-session', SIGNED_IN))

    expect(screen.queryByRole('status', { name: /session|signing in/i })).toBeNull()
    expect(screen.getByRole('heading', { name: 'Initiatives' })).toBeDefined()
  })

  it('follows app:did-request-navigation to the item', async () => {
    const { fake } = renderWithFake(<App />)
    await screen.findByRole('heading', { name: 'My work' })

    act(() => fake.emit('app:did-request-navigation', { target: 'tasks', id: 'task_07' }))

    expect(await screen.findByRole('heading', { name: 'Tasks' })).toBeDefined()
    expect(useNavigationStore.getState().selectedId).toBe('task_07')
  })

  it('reloads My work when its data changes, and asks for a sync on focus', async () => {
    const { fake } = renderWithFake(<App />)
    await screen.findByRole('heading', { name: /Today/ })
    expect(fake.callsTo('work:get-summary')).toHaveLength(1)

    fake.state.data.tasks = fake.state.data.tasks.filter((task) => task.id !== 'task_12')
    act(() => fake.emit('data:did-change', { collections: ['tasks'] }))
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Today/ })).toBeNull())
    expect(fake.callsTo('work:get-summary')).toHaveLength(2)

    act(() => fake.emit('data:did-change', { collections: ['teams'] }))
    act(() => window.dispatchEvent(new Event('focus')))
    expect(fake.callsTo('work:get-summary')).toHaveLength(2)
    expect(fake.callsTo('sync:request-refresh')).toHaveLength(1)
  })

  it('undoes every subscription when it unmounts', async () => {
    const { fake, unmount } = renderWithFake(<App />)
    await screen.findByRole('heading', { name: 'My work' })
    expect(fake.listenerCount('auth:did-change-session')).toBe(1)

    unmount()

    expect(fake.listenerCount('auth:did-change-session')).toBe(0)
    expect(fake.listenerCount('sync:did-change-status')).toBe(0)
  })

  it('applies a forced theme to the document', async () => {
    renderWithFake(<App />, {
      settings: {
        theme: 'dark',
        trayEnabled: true,
        notificationsEnabled: true,
        startAtLogin: false,
        editingEnabled: false,
        allowWeakRefreshTokenStorage: false,
      },
    })
    await screen.findByRole('heading', { name: 'My work' })

    expect(document.documentElement.dataset.theme).toBe('dark')
  })
})
