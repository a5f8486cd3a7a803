import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { App } from '../../App'
import { expectNoSeriousAxeViolations } from '../../testing/axe'
import { FIXTURE_SANDBOX_PROFILE } from '../../testing/fixtures'
import { renderWithFake } from '../../testing/renderWithFake'

const NO_PROFILE = {
  profile: { profile: null, source: null },
  session: { status: 'signed-out' },
} as const

async function fillValidForm(user: ReturnType<typeof renderWithFake>['user']): Promise<void> {
  await user.type(screen.getByLabelText('Clerk Frontend API URL'), 'https://clerk.acme.test')
  await user.type(screen.getByLabelText('mpath URL'), 'https://mpath.acme.test')
  await user.type(screen.getByLabelText('Client ID'), 'client_acme')
}

describe('ConnectView', () => {
  it('gives every field a line of help and passes axe', async () => {
    const { container } = renderWithFake(<App />, NO_PROFILE)
    await screen.findByRole('heading', { name: 'Connect to your organization' })

    const issuer = screen.getByLabelText('Clerk Frontend API URL')
    expect(issuer.getAttribute('aria-describedby')).toBeTruthy()
    expect(screen.getByLabelText('Client secret (optional)').getAttribute('type')).toBe('password')
    expect((screen.getByLabelText('Redirect URI') as HTMLInputElement).value).toBe(
      'mpath://oauth/callback',
    )
    await expectNoSeriousAxeViolations(container)
  })

  it('fills the form from the local sandbox in one click', async () => {
    const { user, fake } = renderWithFake(<App />, NO_PROFILE)

    await user.click(await screen.findByRole('button', { name: 'Use the local sandbox' }))

    expect(fake.callsTo('profile:use-sandbox')).toHaveLength(1)
    expect((screen.getByLabelText('Clerk Frontend API URL') as HTMLInputElement).value).toBe(
      FIXTURE_SANDBOX_PROFILE.issuer,
    )
    expect((screen.getByLabelText('Client ID') as HTMLInputElement).value).toBe('sandbox_desktop')
    expect(
      (screen.getByLabelText('Loopback redirect URI (optional)') as HTMLInputElement).value,
    ).toBe(FIXTURE_SANDBOX_PROFILE.loopbackRedirectUri)
  })

  it('says plainly when the sandbox is not running', async () => {
    const { user, fake } = renderWithFake(<App />, NO_PROFILE)
    fake.reject('profile:use-sandbox', {
      code: 'DISCOVERY_FAILED',
      message: 'No sandbox answered at http://127.0.0.1:7072.',
      action: 'Start it with npm run sandbox, then try again.',
    })

    await user.click(await screen.findByRole('button', { name: 'Use the local sandbox' }))

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('No sandbox answered')
    expect(alert.textContent).toContain('npm run sandbox')
  })

  it('names what is missing before testing or saving', async () => {
    const { user, fake } = renderWithFake(<App />, NO_PROFILE)

    await user.click(await screen.findByRole('button', { name: 'Save and continue' }))

    expect(
      screen.getByText('Enter the Clerk Frontend API URL your administrator gave you.'),
    ).toBeDefined()
    expect(screen.getByText('Enter the Client ID your administrator gave you.')).toBeDefined()
    expect(screen.getByLabelText('Clerk Frontend API URL').getAttribute('aria-invalid')).toBe(
      'true',
    )
    expect(document.activeElement).toBe(screen.getByLabelText('Clerk Frontend API URL'))
    expect(fake.callsTo('profile:save')).toHaveLength(0)

    await user.type(screen.getByLabelText('Clerk Frontend API URL'), 'http://clerk.acme.test')
    await user.click(screen.getByRole('button', { name: 'Test connection' }))
    expect(screen.getByText(/must start with https:\/\//)).toBeDefined()
    expect(fake.callsTo('profile:test')).toHaveLength(0)
  })

  it('shows what Test connection found wrong, in plain words', async () => {
    const { user, fake } = renderWithFake(<App />, NO_PROFILE)
    fake.handle('profile:test', () => ({
      ok: false,
      message: 'The sign-in server did not answer at https://clerk.acme.test. Check the address.',
      supportsDeviceGrant: false,
      supportsRevocation: false,
    }))
    await screen.findByRole('heading', { name: 'Connect to your organization' })
    await fillValidForm(user)

    await user.click(screen.getByRole('button', { name: 'Test connection' }))

    expect((await screen.findByRole('alert')).textContent).toContain(
      'The sign-in server did not answer',
    )
    expect(fake.callsTo('profile:test')).toEqual([
      {
        profile: expect.objectContaining({
          issuer: 'https://clerk.acme.test',
          clientId: 'client_acme',
          scopes: expect.arrayContaining(['openid']),
        }),
      },
    ])
  })

  it('shows a rejected test as an error with the next step', async () => {
    const { user, fake } = renderWithFake(<App />, NO_PROFILE)
    fake.reject('profile:test', { code: 'NETWORK_OFFLINE', message: 'You are offline.' })
    await screen.findByRole('heading', { name: 'Connect to your organization' })
    await fillValidForm(user)

    await user.click(screen.getByRole('button', { name: 'Test connection' }))

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('You are offline.')
    expect(alert.textContent).toContain('Check your internet connection')
  })

  it('saves the profile (with its secret) and moves on to signing in', async () => {
    const { user, fake } = renderWithFake(<App />, NO_PROFILE)
    await screen.findByRole('heading', { name: 'Connect to your organization' })
    await fillValidForm(user)
    await user.type(screen.getByLabelText('Client secret (optional)'), 's3cret')

    await user.click(screen.getByRole('button', { name: 'Save and continue' }))

    expect(await screen.findByRole('button', { name: 'Sign in with your browser' })).toBeDefined()
    expect(fake.callsTo('profile:save')).toEqual([
      {
        profile: expect.objectContaining({
          apiUrl: 'https://mpath.acme.test',
          hasClientSecret: true,
        }),
        clientSecret: 's3cret',
      },
    ])
  })
})
