import { useState } from 'react'

import { Button } from '../../components/Button'
import { useAppInfoStore } from '../../stores/appInfoStore'
import { useProfileStore } from '../../stores/profileStore'
import { useSessionStore } from '../../stores/sessionStore'

/** The connected organization and account, with sign-out and "Forget this connection". */
export function ConnectionSection(): React.JSX.Element {
  const profile = useProfileStore((state) => state.info?.profile ?? null)
  const forget = useProfileStore((state) => state.forget)
  const session = useSessionStore((state) => state.session)
  const isBusy = useSessionStore((state) => state.isBusy)
  const signOut = useSessionStore((state) => state.signOut)
  const inMemoryOnly = useAppInfoStore((state) => state.info?.credentialsInMemoryOnly ?? false)
  const [isConfirmingForget, setIsConfirmingForget] = useState(false)
  const user =
    session?.status === 'signed-in' || session?.status === 'restoring' ? session.user : null

  return (
    <section className="settings-section" aria-labelledby="settings-connection">
      <h2 id="settings-connection">Connection</h2>
      <dl className="facts">
        <dt>Organization</dt>
        <dd>{profile?.apiUrl ?? 'Not connected'}</dd>
        <dt>Sign-in server</dt>
        <dd>{profile?.issuer ?? '—'}</dd>
        <dt>Account</dt>
        <dd>
          {user
            ? [user.name, user.email].filter(Boolean).join(' · ') || user.subject
            : 'Signed out'}
        </dd>
      </dl>
      {session?.status === 'signed-in' && session.persistence === 'session-only' ? (
        <p className="notice notice-warning">
          This sign-in lasts until the app closes: no secure keychain was available to keep it.
        </p>
      ) : null}
      {inMemoryOnly ? (
        <p className="notice">This preview keeps credentials in memory only; nothing is saved.</p>
      ) : null}
      <div className="button-row">
        <Button onClick={() => void signOut()} disabled={isBusy || !user}>
          Sign out
        </Button>
        <Button variant="danger" onClick={() => setIsConfirmingForget(true)}>
          Forget this connection
        </Button>
      </div>
      {isConfirmingForget ? (
        <div className="confirm" role="group" aria-label="Confirm forgetting the connection">
          <p>
            This signs you out, removes the connection values and clears the data kept on this
            computer. You will need the values from your administrator to connect again.
          </p>
          <div className="button-row">
            <Button variant="danger" onClick={() => void forget()}>
              Yes, forget it
            </Button>
            <Button onClick={() => setIsConfirmingForget(false)}>Keep the connection</Button>
          </div>
        </div>
      ) : null}
    </section>
  )
}
