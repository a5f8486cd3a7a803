import { useSessionStore } from '../stores/sessionStore'
import { Banner } from './Banner'
import { Button } from './Button'

/**
 * Shown over the current view when a session ends on its own (expiry, a refused refresh): the
 * person signs in again without losing their place. While a saved session is restored with no
 * server in reach, it says the data is the saved copy; nobody has to sign in for that.
 */
export function SessionBanner(): React.JSX.Element | null {
  const session = useSessionStore((state) => state.session)
  const isBusy = useSessionStore((state) => state.isBusy)
  const signIn = useSessionStore((state) => state.signIn)
  const cancel = useSessionStore((state) => state.cancel)

  if (!session || session.status === 'signed-in') {
    return null
  }

  if (session.status === 'restoring') {
    return session.offline ? (
      <Banner tone="warning" title="Working offline">
        {session.offline.message} Showing the data saved on this computer; mpath Desktop reconnects
        on its own when the server can be reached.
      </Banner>
    ) : null
  }

  if (session.status === 'signing-in') {
    return (
      <Banner
        tone="info"
        title="Finish signing in in your browser"
        actions={
          <Button variant="quiet" onClick={() => void cancel()} disabled={isBusy}>
            Cancel sign-in
          </Button>
        }
      >
        This window stays as it is and updates when you are back.
      </Banner>
    )
  }

  const reason = session.status === 'error' ? session.error : session.reason

  return (
    <Banner
      tone="warning"
      title="Your session has ended"
      actions={
        <Button variant="primary" onClick={() => void signIn()} disabled={isBusy}>
          Sign in again
        </Button>
      }
    >
      {reason?.message ?? 'You were signed out.'} This window keeps its place while you do.
    </Banner>
  )
}
