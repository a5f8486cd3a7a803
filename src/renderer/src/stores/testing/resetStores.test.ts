import { describe, expect, it } from 'vitest'

import { useNavigationStore } from '../navigationStore'
import { useSessionStore } from '../sessionStore'

// The two tests run in order: the second sees what the setup file's reset left behind.
describe('resetAllStores', () => {
  it('lets a test change stores freely', () => {
    useNavigationStore.getState().navigate('people', 'person_ada')
    useSessionStore.setState({ hasBeenSignedIn: true })

    expect(useNavigationStore.getState().view).toBe('people')
  })

  it('puts every store back to its initial state after each test', () => {
    expect(useNavigationStore.getState()).toMatchObject({ view: 'my-work', selectedId: null })
    expect(useSessionStore.getState()).toMatchObject({ session: null, hasBeenSignedIn: false })
  })
})
