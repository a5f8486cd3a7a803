import { useState } from 'react'
import type { FormEvent } from 'react'

import type { SessionState } from '../../../../shared/auth/sessionState'
import { Button } from '../../components/Button'
import { TextField } from '../../components/TextField'
import { useSessionStore } from '../../stores/sessionStore'

/** Props of {@link BrowserHelp}. */
export interface BrowserHelpProps {
  session: Extract<SessionState, { status: 'signing-in' }>
}

/**
 * The ways back when the browser did not reopen the app: a loopback redirect, pasting the
 * address the browser ended on, or a device code typed on any browser.
 */
export function BrowserHelp({ session }: BrowserHelpProps): React.JSX.Element {
  const isBusy = useSessionStore((state) => state.isBusy)
  const signIn = useSessionStore((state) => state.signIn)
  const signInWithDevice = useSessionStore((state) => state.signInWithDevice)
  const submitRedirect = useSessionStore((state) => state.submitRedirect)
  const [address, setAddress] = useState('')
  const [addressError, setAddressError] = useState<string | undefined>()

  const submit = (event: FormEvent): void => {
    event.preventDefault()

    if (address.trim() === '') {
      setAddressError('Paste the whole address from the browser’s address bar.')

      return
    }

    setAddressError(undefined)
    void submitRedirect(address.trim())
  }

  return (
    <details className="disclosure" open={session.transport === 'device' ? true : undefined}>
      <summary>Browser didn’t come back?</summary>
      <div className="disclosure-body">
        <section aria-labelledby="help-loopback">
          <h2 id="help-loopback">Try the loopback way</h2>
          <p>The browser returns to a local address this app listens on instead of a link.</p>
          <Button onClick={() => void signIn('loopback')} disabled={isBusy}>
            Sign in the loopback way
          </Button>
        </section>
        <section aria-labelledby="help-paste">
          <h2 id="help-paste">Paste the address</h2>
          <form className="inline-form" noValidate onSubmit={submit}>
            <TextField
              label="Address the browser shows"
              help={
                'After you allow access, ' +
                'copy the whole address from the browser and paste it here.'
              }
              error={addressError}
              value={address}
              onValueChange={setAddress}
              autoComplete="off"
              spellCheck={false}
            />
            <Button type="submit" disabled={isBusy}>
              Continue with this address
            </Button>
          </form>
        </section>
        <section aria-labelledby="help-device">
          <h2 id="help-device">Use a code instead</h2>
          {session.device ? (
            <div className="device-code" role="status" aria-label="Device code">
              <p>
                Open <strong>{session.device.verificationUri}</strong> in any browser and enter this
                code:
              </p>
              <p className="device-code-value">{session.device.userCode}</p>
            </div>
          ) : (
            <>
              <p>Type a short code on any browser, even on another device.</p>
              <Button onClick={() => void signInWithDevice()} disabled={isBusy}>
                Get a device code
              </Button>
            </>
          )}
        </section>
      </div>
    </details>
  )
}
