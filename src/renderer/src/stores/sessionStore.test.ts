import { describe, expect, it } from 'vitest'

import { installFakeMpath, SIGNED_IN } from '../testing/fakeMpath'
import { useSessionStore } from './sessionStore'

describe('useSessionStore', () => {
  it('remembers a sign-in so a later expiry keeps the window', async () => {
    installFakeMpath()

    await useSessionStore.getState().load()
    useSessionStore.getState().receiveSession({ status: 'signed-out' })

    expect(useSessionStore.getState()).toMatchObject({
      session: { status: 'signed-out' },
      hasBeenSignedIn: true,
    })
  })

  it('forgets it after an explicit sign-out and keeps the result message', async () => {
    installFakeMpath()
    useSessionStore.getState().receiveSession(SIGNED_IN)

    const result = await useSessionStore.getState().signOut()

    expect(result).toEqual({ revoked: true, message: 'You are signed out.' })
    expect(useSessionStore.getState()).toMatchObject({
      hasBeenSignedIn: false,
      signOutResult: result,
    })
  })

  it('leaves the start screen with an error state when main cannot answer', async () => {
    const fake = installFakeMpath()
    fake.reject('auth:get-state', { code: 'VAULT_NOT_READY', message: 'The vault is not ready.' })

    await useSessionStore.getState().load()

    expect(useSessionStore.getState().session).toEqual({
      status: 'error',
      error: { code: 'VAULT_NOT_READY', message: 'The vault is not ready.' },
    })
  })

  it('turns anything that is not error data into INTERNAL', async () => {
    const fake = installFakeMpath()
    fake.handle('auth:cancel', () => Promise.reject(new Error('boom')))

    await useSessionStore.getState().cancel()

    expect(useSessionStore.getState().error?.code).toBe('INTERNAL')
  })
})
