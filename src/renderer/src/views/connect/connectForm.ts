import type { ConnectionProfile } from '../../../../shared/connection/profile'
import { DEFAULT_REDIRECT_URI, DEFAULT_SCOPES } from '../../../../shared/connection/defaults'

/** The Connect form as typed: every field a string. */
export interface ConnectFormValues {
  issuer: string
  apiUrl: string
  clientId: string
  clientSecret: string
  redirectUri: string
  loopbackRedirectUri: string
  scopes: string
}

/** The field names of the Connect form. */
export type ConnectField = keyof ConnectFormValues

/** Problems by field, in plain words. */
export type ConnectFormErrors = Partial<Record<ConnectField, string>>

/** The form's starting values: the saved profile, or the defaults. */
export function initialFormValues(profile: ConnectionProfile | null): ConnectFormValues {
  return {
    issuer: profile?.issuer ?? '',
    apiUrl: profile?.apiUrl ?? '',
    clientId: profile?.clientId ?? '',
    clientSecret: '',
    redirectUri: profile?.redirectUri ?? DEFAULT_REDIRECT_URI,
    loopbackRedirectUri: profile?.loopbackRedirectUri ?? '',
    scopes: (profile?.scopes ?? DEFAULT_SCOPES).join(' '),
  }
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Why `value` is not a usable server address, or null when it is. */
function serverUrlProblem(value: string, name: string): string | null {
  if (value.trim() === '') {
    return `Enter the ${name} your administrator gave you.`
  }

  let url: URL

  try {
    url = new URL(value.trim())
  } catch {
    return `The ${name} should be a full address starting with https://.`
  }

  // Tokens travel to these servers, so only the local sandbox may go without TLS.
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return `The ${name} must start with https:// (only local addresses may use http://).`
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `The ${name} should start with https://.`
  }

  return null
}

/** Checks the form before it is tested or saved; an empty object means it is complete. */
export function validateConnectForm(values: ConnectFormValues): ConnectFormErrors {
  const errors: ConnectFormErrors = {}
  const issuer = serverUrlProblem(values.issuer, 'Clerk Frontend API URL')
  const apiUrl = serverUrlProblem(values.apiUrl, 'mpath URL')
  const scopes = values.scopes.split(/\s+/).filter(Boolean)

  if (issuer) {
    errors.issuer = issuer
  }

  if (apiUrl) {
    errors.apiUrl = apiUrl
  }

  if (values.clientId.trim() === '') {
    errors.clientId = 'Enter the Client ID your administrator gave you.'
  }

  if (!/^[a-z][a-z0-9+.-]*:/i.test(values.redirectUri.trim())) {
    errors.redirectUri =
      'Enter the redirect URI registered for this app, ' + `usually ${DEFAULT_REDIRECT_URI}.`
  }

  if (values.loopbackRedirectUri.trim() !== '') {
    const loopback = serverUrlProblem(values.loopbackRedirectUri, 'loopback redirect URI')

    if (loopback) {
      errors.loopbackRedirectUri = loopback
    }
  }

  if (!scopes.includes('openid')) {
    errors.scopes = 'The scopes must include openid, separated by spaces.'
  }

  return errors
}

/** The profile the form describes; call only once {@link validateConnectForm} passes. */
export function toProfile(values: ConnectFormValues, hasClientSecret: boolean): ConnectionProfile {
  const loopback = values.loopbackRedirectUri.trim()

  return {
    issuer: values.issuer.trim(),
    apiUrl: values.apiUrl.trim(),
    clientId: values.clientId.trim(),
    redirectUri: values.redirectUri.trim(),
    ...(loopback ? { loopbackRedirectUri: loopback } : {}),
    scopes: values.scopes.split(/\s+/).filter(Boolean),
    hasClientSecret: hasClientSecret || values.clientSecret !== '',
  }
}
