import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { App } from '../../App'
import { useNavigationStore } from '../../stores/navigationStore'
import { expectNoSeriousAxeViolations } from '../../testing/axe'
import { renderWithFake } from '../../testing/renderWithFake'
import { SettingsView } from './SettingsView'
import { WEAK_STORAGE_RISK } from './WeakStorageSetting'

describe('SettingsView', () => {
  it('sends each toggle to settings:update and shows the new value', async () => {
    const { user, fake, container } = renderWithFake(<SettingsView />)

    await user.click(await screen.findByRole('checkbox', { name: 'Show in the tray' }))
    await user.click(screen.getByRole('checkbox', { name: 'Notifications' }))
    await user.click(screen.getByRole('checkbox', { name: 'Start at login' }))
    await user.click(screen.getByRole('checkbox', { name: 'Allow editing tasks' }))
    await user.click(screen.getByRole('radio', { name: 'Dark' }))

    expect(fake.callsTo('settings:update')).toEqual([
      { trayEnabled: false },
      { notificationsEnabled: false },
      { startAtLogin: true },
      { editingEnabled: true },
      { theme: 'dark' },
    ])
    expect(
      (screen.getByRole('checkbox', { name: 'Start at login' }) as HTMLInputElement).checked,
    ).toBe(true)
    expect((screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true)
    await expectNoSeriousAxeViolations(container)
  })

  it('states the risk before keeping a refresh token under weak storage', async () => {
    const { user, fake } = renderWithFake(<SettingsView />)
    const toggle = await screen.findByRole('checkbox', {
      name: 'Stay signed in even with weak storage',
    })

    await user.click(toggle)

    const confirm = screen.getByRole('group', { name: 'Confirm weak storage' })
    expect(confirm.textContent).toContain(WEAK_STORAGE_RISK)
    expect(WEAK_STORAGE_RISK).toMatch(/^Risk:/)
    expect(fake.callsTo('settings:update')).toHaveLength(0)

    await user.click(within(confirm).getByRole('button', { name: 'Keep it off' }))
    expect((toggle as HTMLInputElement).checked).toBe(false)
    expect(fake.callsTo('settings:update')).toHaveLength(0)

    await user.click(toggle)
    await user.click(screen.getByRole('button', { name: 'Accept the risk and stay signed in' }))
    expect(fake.callsTo('settings:update')).toEqual([{ allowWeakRefreshTokenStorage: true }])

    await user.click(toggle)
    expect(fake.callsTo('settings:update')).toEqual([
      { allowWeakRefreshTokenStorage: true },
      { allowWeakRefreshTokenStorage: false },
    ])
  })

  it('shows the connected organization and account', async () => {
    renderWithFake(<App />)
    useNavigationStore.getState().navigate('settings')

    const section = await screen.findByRole('region', { name: 'Connection' })
    expect(within(section).getByText('https://mpath.example.com')).toBeDefined()
    expect(within(section).getByText('Grace Hopper · grace@example.com')).toBeDefined()
  })

  it('forgets the connection only after confirmation', async () => {
    const { user, fake } = renderWithFake(<App />)
    useNavigationStore.getState().navigate('settings')

    await user.click(await screen.findByRole('button', { name: 'Forget this connection' }))
    const confirm = screen.getByRole('group', { name: 'Confirm forgetting the connection' })
    expect(fake.callsTo('profile:forget')).toHaveLength(0)
    await user.click(within(confirm).getByRole('button', { name: 'Keep the connection' }))
    expect(screen.queryByRole('group', { name: 'Confirm forgetting the connection' })).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Forget this connection' }))
    await user.click(screen.getByRole('button', { name: 'Yes, forget it' }))

    expect(fake.callsTo('profile:forget')).toHaveLength(1)
    expect(
      await screen.findByRole('heading', { name: 'Connect to your organization' }),
    ).toBeDefined()

    await user.click(screen.getByRole('button', { name: 'Use the local sandbox' }))
    await user.click(screen.getByRole('button', { name: 'Save and continue' }))
    expect(await screen.findByRole('button', { name: 'Sign in with your browser' })).toBeDefined()
  })

  it('signs out and shows what the sign-out said', async () => {
    const { user, fake } = renderWithFake(<App />)
    fake.handle('auth:sign-out', () => {
      fake.state.session = { status: 'signed-out' }

      return {
        revoked: false,
        message:
          'Signed out here, but the server could not revoke the token; it expires in an hour.',
      }
    })
    useNavigationStore.getState().navigate('settings')

    await user.click(await screen.findByRole('button', { name: 'Sign out' }))

    expect(await screen.findByText(/could not revoke the token/)).toBeDefined()
    expect(screen.getByRole('button', { name: 'Sign in with your browser' })).toBeDefined()
  })

  it('says so when this sign-in lasts only until the app closes', async () => {
    renderWithFake(<App />, {
      session: {
        status: 'signed-in',
        user: { subject: 'user_grace', name: 'Grace Hopper', email: null },
        scopes: ['openid'],
        accessTokenExpiresAt: '2026-03-10T10:00:00.000Z',
        persistence: 'session-only',
      },
    })
    useNavigationStore.getState().navigate('settings')

    expect(await screen.findByText(/lasts until the app closes/)).toBeDefined()
  })
})
