import type { ErrorData } from '../../../shared/errors/appError'

/** What to do about an error, when main did not say. */
const ADVICE: Partial<Record<ErrorData['code'], string>> = {
  AUTH_DENIED: 'Sign in again and choose Allow, or ask your administrator for access.',
  AUTH_TIMEOUT: 'Start signing in again; the browser step has a time limit.',
  AUTH_STATE_MISMATCH: 'Start signing in again from this window.',
  AUTH_INVALID_CALLBACK: 'Copy the whole address from the browser and paste it again.',
  AUTH_TRANSPORT_UNAVAILABLE: 'Try another way under "Browser didn\'t come back?".',
  DISCOVERY_FAILED: 'Check the Clerk Frontend API URL, or ask your administrator.',
  INSECURE_URL: 'Use an https:// address; only local addresses may use http://.',
  NETWORK_OFFLINE: 'Check your internet connection; the app tries again on its own.',
  NETWORK_TIMEOUT: 'Check your internet connection and try again.',
  API_FORBIDDEN: 'Ask your administrator for access.',
  API_INSUFFICIENT_SCOPE: 'Sign in again to grant the missing permission.',
  API_RATE_LIMITED: 'Wait a minute, then try again.',
  API_UNAVAILABLE: 'The mpath server is not answering. Try again in a few minutes.',
  SESSION_EXPIRED: 'Sign in again; the window keeps your place.',
  SESSION_REFRESH_FAILED: 'Sign in again; the window keeps your place.',
  VAULT_UNAVAILABLE: 'Open Diagnostics to see what the system keychain reports.',
  WRITES_UNAVAILABLE: 'Turn on editing in Settings, then sign in again.',
}

/** The next step for an error: main's own `action`, else advice by code, else nothing. */
export function adviceFor(error: ErrorData): string | undefined {
  return error.action ?? ADVICE[error.code]
}
