import { readFile } from 'node:fs/promises'

import {
  connectionProfileSchema,
  DEFAULT_REDIRECT_URI,
  DEFAULT_SCOPES,
  WRITE_TASKS_SCOPE,
  type ConnectionProfile,
} from '../../shared/connection/profile'
import { AppError } from '../../shared/errors/appError'
import type { FetchPort, KeyValueStore } from '../platform/ports'

/** The settings key under which the connection profile is kept. */
export const PROFILE_SETTINGS_KEY = 'connection.profile'

/** The environment variable naming a JSON profile file (development and tests). */
export const PROFILE_FILE_ENV = 'MPATH_PROFILE'

/**
 * Where a confidential client's secret comes from. It is never a field of the profile: the vault
 * seals it, and discovery asks for it only when it builds the client authentication.
 */
export interface ClientSecretSource {
  get(): Promise<string | undefined>
}

/** A profile read from a file, with the secret kept apart so the caller can seal it. */
export interface LoadedProfile {
  profile: ConnectionProfile
  clientSecret?: string
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost'])

const FIELD_LABELS: Record<string, string> = {
  issuer: 'Issuer (Clerk Frontend API URL)',
  apiUrl: 'mpath URL',
  clientId: 'Client ID',
  redirectUri: 'Redirect URI',
  loopbackRedirectUri: 'Loopback redirect URI',
  scopes: 'Scopes',
  hasClientSecret: 'Client secret',
}

/**
 * The scopes to request: the defaults, plus `write:tasks` when the person turned editing on.
 *
 * @example
 * scopesFor({ editing: true }) // [...DEFAULT_SCOPES, 'write:tasks']
 */
export function scopesFor(options: { editing: boolean }): string[] {
  return options.editing ? [...DEFAULT_SCOPES, WRITE_TASKS_SCOPE] : [...DEFAULT_SCOPES]
}

/** True for the host names a loopback URL may use (RFC 8252 §7.3 and `localhost`). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase())
}

/** True when `url` is `http:` on a loopback host, where TLS is neither possible nor needed. */
export function isLoopbackHttpUrl(url: string | URL): boolean {
  const parsed = typeof url === 'string' ? URL.parse(url) : url

  return parsed !== null && parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)
}

/**
 * Validates a connection profile from any source. Errors name the field and say what to fix:
 * `PROFILE_INVALID` for a missing or malformed value, `INSECURE_URL` for plain `http` to a host
 * that is not this computer.
 */
export function validateProfile(input: unknown): ConnectionProfile {
  const parsed = connectionProfileSchema.safeParse(input)

  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined
    const label = field === undefined ? 'The connection profile' : labelOf(field)

    throw new AppError('PROFILE_INVALID', `${label} is missing or not valid.`, {
      action:
        `Enter the ${field === undefined ? 'connection values' : label} ` +
        'your administrator gave you.',
    })
  }

  const profile = parsed.data
  const issuer = checkServerUrl('issuer', profile.issuer)
  const apiUrl = checkServerUrl('apiUrl', profile.apiUrl)
  const clientId = profile.clientId.trim()

  if (clientId === '' || /\s/.test(clientId)) {
    throw invalid('clientId', 'contains spaces', 'Paste the client ID exactly as given.')
  }

  checkRedirectUri(profile.redirectUri)

  if (profile.loopbackRedirectUri !== undefined) {
    checkLoopbackRedirectUri(profile.loopbackRedirectUri)
  }

  const scopes = checkScopes(profile.scopes)

  return { ...profile, issuer, apiUrl, clientId, scopes }
}

/** The profile saved in the app's settings, or undefined when none was saved. */
export function loadProfileFromSettings(store: KeyValueStore): ConnectionProfile | undefined {
  const stored = store.get(PROFILE_SETTINGS_KEY)

  return stored === undefined ? undefined : validateProfile(stored)
}

/** Validates and saves the profile in the app's settings. */
export function saveProfileToSettings(store: KeyValueStore, profile: ConnectionProfile): void {
  store.set(PROFILE_SETTINGS_KEY, validateProfile(profile))
}

/**
 * Reads the JSON profile file named by `MPATH_PROFILE` in `env`, or returns undefined when the
 * variable is unset. A `clientSecret` in the file is returned beside the profile, never in it.
 */
export async function loadProfileFromFile(
  env: Readonly<Record<string, string | undefined>>,
  read: (path: string) => Promise<string> = (path) => readFile(path, 'utf8'),
): Promise<LoadedProfile | undefined> {
  const path = env[PROFILE_FILE_ENV]?.trim()

  if (path === undefined || path === '') {
    return undefined
  }

  let document: unknown

  try {
    document = JSON.parse(await read(path))
  } catch (error) {
    throw new AppError(
      'PROFILE_INVALID',
      `The profile file named by ${PROFILE_FILE_ENV} could not be read as JSON.`,
      {
        action: `Check that ${PROFILE_FILE_ENV} names a readable JSON file.`,
        cause: error,
      },
    )
  }

  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new AppError(
      'PROFILE_INVALID',
      `The profile file named by ${PROFILE_FILE_ENV} is not a JSON object.`,
      {
        action: 'Write the profile as one JSON object with issuer, apiUrl and clientId.',
      },
    )
  }

  const { clientSecret, ...fields } = document as Record<string, unknown>

  if (clientSecret !== undefined && clientSecret !== null && typeof clientSecret !== 'string') {
    throw invalid('hasClientSecret', 'is not text', 'Write clientSecret as a JSON string.')
  }

  const secret = typeof clientSecret === 'string' && clientSecret !== '' ? clientSecret : undefined
  const profile = validateProfile({ ...fields, hasClientSecret: secret !== undefined })

  return secret === undefined ? { profile } : { profile, clientSecret: secret }
}

interface SandboxReadyDocument {
  issuer?: unknown
  apiUrl?: unknown
  clients?: Array<{ clientId?: unknown; kind?: unknown; redirectUris?: unknown; scopes?: unknown }>
}

/**
 * Builds a profile for a running local sandbox from its `sandbox.json`: its issuer, its API and
 * its public (PKCE) client, with the custom-scheme and loopback redirects it registered.
 */
export async function loadSandboxProfile(
  apiUrl: string,
  fetch: FetchPort,
): Promise<ConnectionProfile> {
  if (!isLoopbackHttpUrl(apiUrl)) {
    throw invalid(
      'apiUrl',
      'is not a local sandbox',
      'Use the http://127.0.0.1 address the sandbox printed.',
    )
  }

  const documentUrl = new URL('/sandbox.json', apiUrl)
  let document: SandboxReadyDocument

  try {
    const response = await fetch(documentUrl, { signal: AbortSignal.timeout(5_000) })

    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`)
    }

    document = (await response.json()) as SandboxReadyDocument
  } catch (error) {
    throw new AppError('PROFILE_MISSING', `No sandbox answered at ${documentUrl.href}.`, {
      action: 'Start the sandbox with `npm run sandbox`, then try again.',
      cause: error,
    })
  }

  const client = document.clients?.find((candidate) => candidate.kind === 'public')

  if (client === undefined || typeof client.clientId !== 'string') {
    throw new AppError('PROFILE_INVALID', 'The sandbox lists no public client.', {
      action: 'Restart the sandbox; it registers a public desktop client by default.',
    })
  }

  const redirectUris = Array.isArray(client.redirectUris)
    ? client.redirectUris.filter((uri): uri is string => typeof uri === 'string')
    : []
  const offered = Array.isArray(client.scopes) ? new Set(client.scopes) : undefined
  const scopes = DEFAULT_SCOPES.filter((scope) => offered === undefined || offered.has(scope))

  return validateProfile({
    issuer: document.issuer,
    apiUrl: typeof document.apiUrl === 'string' ? document.apiUrl : apiUrl,
    clientId: client.clientId,
    redirectUri: redirectUris.includes(DEFAULT_REDIRECT_URI)
      ? DEFAULT_REDIRECT_URI
      : redirectUris[0],
    loopbackRedirectUri: redirectUris.find(
      (uri) => URL.parse(uri)?.hostname === '127.0.0.1' && isLoopbackHttpUrl(uri),
    ),
    scopes: scopes.length > 0 ? scopes : undefined,
    hasClientSecret: false,
  })
}

function labelOf(field: string): string {
  return FIELD_LABELS[field] ?? field
}

function invalid(field: string, problem: string, action: string): AppError {
  return new AppError('PROFILE_INVALID', `${labelOf(field)} ${problem}.`, { action })
}

function checkServerUrl(field: 'issuer' | 'apiUrl', value: string): string {
  const trimmed = value.trim()
  const url = URL.parse(trimmed)

  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw invalid(field, 'is not a web address', 'Enter an address that starts with https://.')
  }

  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new AppError('INSECURE_URL', `${labelOf(field)} uses http:// to ${url.host}.`, {
      action: `Use the https:// address; plain http is allowed only for this computer (127.0.0.1).`,
    })
  }

  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw invalid(field, 'carries a query, fragment or credentials', 'Enter only the base address.')
  }

  return trimmed
}

function checkRedirectUri(value: string): void {
  if (value === DEFAULT_REDIRECT_URI) {
    return
  }

  const url = URL.parse(value)

  if (url === null || !isLoopbackHttpUrl(url)) {
    throw invalid(
      'redirectUri',
      'is neither mpath://oauth/callback nor a loopback http address',
      `Use ${DEFAULT_REDIRECT_URI}, or an http://127.0.0.1:<port>/<path> address registered for the app.`,
    )
  }

  checkExactLoopback('redirectUri', url, value)
}

function checkLoopbackRedirectUri(value: string): void {
  const url = URL.parse(value)

  // The listener binds 127.0.0.1 only (never all interfaces), so the registered address must use
  // that literal: `localhost` may resolve to ::1, where nothing listens.
  if (url === null || url.protocol !== 'http:' || url.hostname !== '127.0.0.1') {
    throw invalid(
      'loopbackRedirectUri',
      'is not an http://127.0.0.1 address',
      'Use the address registered for the app, e.g. http://127.0.0.1:7073/oauth/callback.',
    )
  }

  checkExactLoopback('loopbackRedirectUri', url, value)
}

function checkExactLoopback(field: string, url: URL, value: string): void {
  if (url.port === '') {
    throw invalid(
      field,
      'has no port',
      'Include the registered port, e.g. http://127.0.0.1:7073/oauth/callback.',
    )
  }

  if (url.search !== '' || url.hash !== '') {
    throw invalid(field, 'carries a query or fragment', 'Enter the address without ? or # parts.')
  }

  // The server compares redirect URIs as exact strings, and the token request repeats the
  // normalized form; a spelling that normalizes differently would fail at the exchange.
  if (url.href !== value) {
    throw invalid(field, `is not written in its normal form`, `Write it as ${url.href}.`)
  }
}

function checkScopes(scopes: readonly string[]): string[] {
  const cleaned = scopes.map((scope) => scope.trim())
  const malformed = cleaned.find((scope) => scope === '' || /\s/.test(scope))

  if (malformed !== undefined) {
    throw invalid(
      'scopes',
      'contain an empty value or a space inside a scope',
      'List each scope separately.',
    )
  }

  return [...new Set(cleaned)]
}
