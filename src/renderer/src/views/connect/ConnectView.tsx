import { useRef, useState } from 'react'
import type { FormEvent } from 'react'

import { Button } from '../../components/Button'
import { ErrorMessage } from '../../components/ErrorMessage'
import { TextField } from '../../components/TextField'
import { useProfileStore } from '../../stores/profileStore'
import type { ConnectField, ConnectFormErrors, ConnectFormValues } from './connectForm'
import { initialFormValues, toProfile, validateConnectForm } from './connectForm'

const FIELDS: { name: ConnectField; label: string; help: string; type?: string }[] = [
  {
    name: 'issuer',
    label: 'Clerk Frontend API URL',
    help: 'Where your organization signs people in, e.g. https://clerk.your-company.com.',
    type: 'url',
  },
  {
    name: 'apiUrl',
    label: 'mpath URL',
    help: 'The address of your mpath server, e.g. https://mpath.your-company.com.',
    type: 'url',
  },
  {
    name: 'clientId',
    label: 'Client ID',
    help: 'Identifies this app to your organization; your administrator registered it.',
  },
  {
    name: 'clientSecret',
    label: 'Client secret (optional)',
    help: 'Only if your administrator gave you one. It is sealed in your system keychain.',
    type: 'password',
  },
  {
    name: 'redirectUri',
    label: 'Redirect URI',
    help: 'Where the browser returns after you sign in; usually mpath://oauth/callback.',
  },
  {
    name: 'loopbackRedirectUri',
    label: 'Loopback redirect URI (optional)',
    help: 'A local address for when mpath:// links do not open the app, if one was registered.',
  },
  {
    name: 'scopes',
    label: 'Scopes',
    help: 'What the app may read, separated by spaces. Keep the defaults unless told otherwise.',
  },
]

/** First run: the values an administrator hands out, checked and saved. */
export function ConnectView(): React.JSX.Element {
  const saved = useProfileStore((state) => state.info?.profile ?? null)
  const isSaving = useProfileStore((state) => state.isSaving)
  const isTesting = useProfileStore((state) => state.isTesting)
  const testResult = useProfileStore((state) => state.testResult)
  const error = useProfileStore((state) => state.error)
  const [values, setValues] = useState<ConnectFormValues>(() => initialFormValues(saved))
  const [errors, setErrors] = useState<ConnectFormErrors>({})
  const [hasClientSecret, setHasClientSecret] = useState(saved?.hasClientSecret ?? false)
  const formRef = useRef<HTMLFormElement>(null)

  const change = (name: ConnectField, value: string): void => {
    setValues((current) => ({ ...current, [name]: value }))
    setErrors((current) => ({ ...current, [name]: undefined }))
  }

  // Runs the checks, shows every problem, and moves focus to the first one.
  const checkedProfile = () => {
    const problems = validateConnectForm(values)
    setErrors(problems)
    const first = FIELDS.find((field) => problems[field.name])

    if (first) {
      formRef.current?.querySelector<HTMLInputElement>(`[name="${first.name}"]`)?.focus()

      return null
    }

    return toProfile(values, hasClientSecret)
  }

  const fillFromSandbox = async (): Promise<void> => {
    const profile = await useProfileStore.getState().fetchSandboxProfile()

    if (profile) {
      setValues(initialFormValues(profile))
      setHasClientSecret(profile.hasClientSecret)
      setErrors({})
    }
  }

  const testConnection = async (): Promise<void> => {
    const profile = checkedProfile()

    if (profile) {
      await useProfileStore.getState().test(profile)
    }
  }

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const profile = checkedProfile()

    if (profile) {
      await useProfileStore.getState().save(profile, values.clientSecret || undefined)
    }
  }

  return (
    <main className="page page-narrow" aria-labelledby="connect-title">
      <h1 id="connect-title">Connect to your organization</h1>
      <p className="lead">
        Enter the values your administrator gave you. Nothing is sent until you test or save.
      </p>
      <div className="button-row">
        <Button onClick={() => void fillFromSandbox()}>Use the local sandbox</Button>
      </div>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void save(event)}>
        {FIELDS.map((field) => (
          <TextField
            key={field.name}
            name={field.name}
            label={field.label}
            help={
              field.name === 'clientSecret' && hasClientSecret
                ? 'A secret is already saved; leave empty to keep it.'
                : field.help
            }
            error={errors[field.name]}
            type={field.type ?? 'text'}
            autoComplete="off"
            spellCheck={false}
            value={values[field.name]}
            onValueChange={(value) => change(field.name, value)}
          />
        ))}
        {isTesting ? (
          <p className="test-result" role="status">
            Testing the connection…
          </p>
        ) : null}
        {testResult ? (
          <p
            className={testResult.ok ? 'test-result test-result-ok' : 'test-result test-result-bad'}
            role={testResult.ok ? 'status' : 'alert'}
          >
            {testResult.message}
          </p>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
        <div className="button-row">
          <Button onClick={() => void testConnection()} disabled={isTesting} aria-busy={isTesting}>
            Test connection
          </Button>
          <Button type="submit" variant="primary" disabled={isSaving}>
            Save and continue
          </Button>
        </div>
      </form>
    </main>
  )
}
