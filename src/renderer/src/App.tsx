import { useEffect } from 'react'

import { AppShell } from './components/AppShell'
import { Skeleton } from './components/Skeleton'
import { useAppliedTheme } from './components/useAppliedTheme'
import { connectStores, loadStores } from './stores/connectStores'
import { useProfileStore } from './stores/profileStore'
import { useSessionStore } from './stores/sessionStore'
import { ConnectView } from './views/connect/ConnectView'
import { SignInView } from './views/signIn/SignInView'

/**
 * Chooses the screen: Connect without a profile, Signing in before the first sign-in, and the
 * window itself once signed in. A session sealed by an earlier run opens the window at once on
 * the cached data while it is restored, offline too. After an expiry the window stays, with a
 * banner over it.
 */
export function App(): React.JSX.Element {
  const info = useProfileStore((state) => state.info)
  const session = useSessionStore((state) => state.session)
  const hasBeenSignedIn = useSessionStore((state) => state.hasBeenSignedIn)

  useAppliedTheme()

  useEffect(() => {
    const disconnect = connectStores()
    void loadStores()

    return disconnect
  }, [])

  if (!info || !session) {
    return (
      <main className="starting" aria-label="mpath Desktop">
        <Skeleton label="Starting mpath Desktop" />
      </main>
    )
  }

  if (!info.profile) {
    return <ConnectView />
  }

  if (session.status === 'signed-in' || session.status === 'restoring' || hasBeenSignedIn) {
    return <AppShell />
  }

  return <SignInView />
}
