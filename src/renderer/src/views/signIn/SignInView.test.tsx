import { act, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { App } from '../../App'
import { expectNoSeriousAxeViolations } from '../../testing/axe'
import { renderWithFake } from '../../testing/renderWithFake'

const SIGNED_OUT = { session: { status: 'signed-out' } } as const

async function startSigningIn() {
  const rendered = renderWithFake(<App />, SIGNED_OUT)
  await rendered.user.click(
    await screen.findByRole('button', { name: 'Sign in with your browser' }),
  )
  await screen.findByRole('heading', { name: 'Finish signing in in your browser' })

  return rendered
}

describe('SignInView', () => {
  it('says what is happening while the browser is open, and passes axe', async () => {
    const { fake, container } = await startSigningIn()

    expect(fake.callsTo('auth:sign-in')).toEqual([undefined])
    expect(screen.getByText(/clerk\.example\.com/)).toBeDefined()
    expect(screen.getByText('Browser didn’t come back?')).toBeDefined()
    await expectNoSeriousAxeViolations(container)
  })

  it('cancels and says so calmly', async () => {
    const { user, fake } = await startSigningIn()

    await user.click(screen.getByRole('button', { name: 'Cancel' }))

    expect(fake.callsTo('auth:cancel')).toHaveLength(1)
    expect(await screen.findByText('Sign-in was cancelled.')).toBeDefined()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('button', { name: 'Sign in with your browser' })).toBeDefined()
  })

  it('offers the loopback way', async () => {
    const { user, fake } = await startSigningIn()

    await user.click(screen.getByText('Browser didn’t come back?'))
    await user.click(screen.getByRole('button', { name: 'Sign in the loopback way' }))

    expect(fake.callsTo('auth:sign-in')).toEqual([undefined, { transport: 'loopback' }])
  })

  it('takes the address the browser shows and finishes signing in', async () => {
    const { user, fake } = await startSigningIn()
    await user.click(screen.getByText('Browser didn’t come back?'))

    await user.click(screen.getByRole('button', { name: 'Continue with this address' }))
    expect(screen.getByText(/Paste the whole address/)).toBeDefined()
    expect(fake.callsTo('auth:submit-redirect')).toHaveLength(0)

    await user.type(
      screen.getByLabelText('Address the browser shows'),
      'mpath://oauth/callback?code=abc&state=xyz',
    )
    await user.click(screen.getByRole('button', { name: 'Continue with this address' }))

    expect(fake.callsTo('auth:submit-redirect')).toEqual([
      { address: 'mpath://oauth/callback?code=abc&state=xyz' },
    ])
    expect(await screen.findByRole('heading', { name: 'My work' })).toBeDefined()
  })

  it('shows the device code and where to enter it', async () => {
    const { user } = await startSigningIn()
    await user.click(screen.getByText('Browser didn’t come back?'))

    await user.click(screen.getByRole('button', { name: 'Get a device code' }))

    const code = await screen.findByRole('status', { name: 'Device code' })
    expect(code.textContent).toContain('WDJB-MJHT')
    expect(code.textContent).toContain('https://clerk.example.com/device')
  })

  it('explains a denied sign-in and what to do', async () => {
    const { fake } = await startSigningIn()

    act(() =>
      fake.emit('auth:did-change-session', {
        status: 'error',
        error: { code: 'AUTH_DENIED', message: 'Access was denied in the browser.' },
      }),
    )

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Could not sign you in')
    expect(alert.textContent).toContain('Access was denied in the browser.')
    expect(alert.textContent).toContain('choose Allow')
    expect(screen.getByRole('button', { name: 'Try signing in again' })).toBeDefined()
  })

  it('shows a request that failed outright', async () => {
    const { user, fake } = renderWithFake(<App />, SIGNED_OUT)
    fake.reject('auth:sign-in', {
      code: 'AUTH_TRANSPORT_UNAVAILABLE',
      message: 'The browser could not be opened.',
    })

    await user.click(await screen.findByRole('button', { name: 'Sign in with your browser' }))

    expect((await screen.findByRole('alert')).textContent).toContain(
      'The browser could not be opened.',
    )
  })
})
