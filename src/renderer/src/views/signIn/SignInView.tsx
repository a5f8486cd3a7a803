import { Button } from '../../components/Button'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useProfileStore } from '../../stores/profileStore'
import { useSessionStore } from '../../stores/sessionStore'
import { BrowserHelp } from './BrowserHelp'

/** The host of the organization's sign-in server, shown so people know where they sign in. */
function issuerHost(issuer: string | undefined): string | null {
  try {
    return issuer ? new URL(issuer).host : null
  } catch {
    return issuer ?? null
  }
}

/** Signing in: what is happening, how to cancel, and what to do when it goes wrong. */
export function SignInView(): React.JSX.Element {
  const session = useSessionStore((state) => state.session)
  const isBusy = useSessionStore((state) => state.isBusy)
  const requestError = useSessionStore((state) => state.error)
  const signOutResult = useSessionStore((state) => state.signOutResult)
  const signIn = useSessionStore((state) => state.signIn)
  const cancel = useSessionStore((state) => state.cancel)
  const forget = useProfileStore((state) => state.forget)
  const host = useProfileStore((state) => issuerHost(state.info?.profile?.issuer))
  const isSigningIn = session?.status === 'signing-in'
  const failure =
    session?.status === 'error'
      ? session.error
      : session?.status === 'signed-out' && session.reason?.code !== 'AUTH_CANCELLED'
        ? session.reason
        : undefined
  const wasCancelled = session?.status === 'signed-out' && session.reason?.code === 'AUTH_CANCELLED'

  return (
    <main className="page page-narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">
        {isSigningIn ? 'Finish signing in in your browser' : 'Sign in to mpath'}
      </h1>
      {signOutResult ? (
        <p className={signOutResult.revoked ? 'notice' : 'notice notice-warning'} role="status">
          {signOutResult.message}
        </p>
      ) : null}
      {isSigningIn ? (
        <>
          <p className="lead">
            {session.transport === 'device'
              ? 'Enter the code below in your browser. This window continues on its own.'
              : `Your browser opened ${host ?? 'your organization'}'s sign-in page. ` +
                'Sign in there and allow access; this window continues on its own.'}
          </p>
          <div className="button-row">
            <Button onClick={() => void cancel()} disabled={isBusy}>
              Cancel
            </Button>
          </div>
          <BrowserHelp session={session} />
        </>
      ) : (
        <>
          <p className="lead">
            {host
              ? `You sign in with your browser at ${host}. The app never sees your password.`
              : 'You sign in with your browser. The app never sees your password.'}
          </p>
          {wasCancelled ? (
            <p className="notice" role="status">
              Sign-in was cancelled.
            </p>
          ) : null}
          {failure ? <ErrorMessage title="Could not sign you in" error={failure} /> : null}
          <div className="button-row">
            <Button variant="primary" onClick={() => void signIn()} disabled={isBusy}>
              {failure ? 'Try signing in again' : 'Sign in with your browser'}
            </Button>
            <Button variant="quiet" onClick={() => void forget()} disabled={isBusy}>
              Change connection
            </Button>
          </div>
        </>
      )}
      {requestError ? <ErrorMessage error={requestError} /> : null}
    </main>
  )
}
