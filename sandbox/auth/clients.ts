import type { SandboxClient } from '../types'
import { ALL_SCOPES } from './scopes'

/** The custom-scheme redirect URI every desktop client registers. */
export const CUSTOM_SCHEME_REDIRECT_URI = 'mpath://oauth/callback'

/** The public desktop client: PKCE S256, no secret. */
export const PUBLIC_CLIENT_ID = 'sandbox-desktop-public'
/** The confidential client that sends its secret with HTTP Basic. */
export const BASIC_CLIENT_ID = 'sandbox-desktop-basic'
/** The confidential client that sends its secret in the form body. */
export const POST_CLIENT_ID = 'sandbox-desktop-post'
/** The client the mpath API authenticates as when it introspects tokens. */
export const RESOURCE_SERVER_CLIENT_ID = 'sandbox-mpath-server'

// Fixed secrets keep a configured demo app working across sandbox runs; the sandbox only
// ever listens on loopback, so they guard nothing real.
const BASIC_CLIENT_SECRET = 'sandbox-desktop-basic-secret'
const POST_CLIENT_SECRET = 'sandbox-desktop-post-secret'
const RESOURCE_SERVER_CLIENT_SECRET = 'sandbox-mpath-server-secret'

const GRANT_TYPES = [
  'authorization_code',
  'refresh_token',
  'urn:ietf:params:oauth:grant-type:device_code',
]

/** The loopback redirect URI registered for the given port. */
export function loopbackRedirectUri(port: number): string {
  return `http://127.0.0.1:${port}/oauth/callback`
}

/** The desktop clients as the ready document lists them. */
export function buildSandboxClients(loopbackPort: number): SandboxClient[] {
  const redirectUris = [CUSTOM_SCHEME_REDIRECT_URI, loopbackRedirectUri(loopbackPort)]
  const scopes = [...ALL_SCOPES]

  return [
    {
      clientId: PUBLIC_CLIENT_ID,
      clientSecret: null,
      kind: 'public',
      authMethods: ['none'],
      redirectUris,
      scopes,
    },
    {
      clientId: BASIC_CLIENT_ID,
      clientSecret: BASIC_CLIENT_SECRET,
      kind: 'confidential',
      authMethods: ['client_secret_basic'],
      redirectUris,
      scopes,
    },
    {
      clientId: POST_CLIENT_ID,
      clientSecret: POST_CLIENT_SECRET,
      kind: 'confidential',
      authMethods: ['client_secret_post'],
      redirectUris,
      scopes,
    },
  ]
}

/** Credentials of the mpath API, allowed to introspect every token of the instance. */
export const RESOURCE_SERVER = {
  clientId: RESOURCE_SERVER_CLIENT_ID,
  clientSecret: RESOURCE_SERVER_CLIENT_SECRET,
} as const

const CLIENT_NAMES: Record<string, string> = {
  [PUBLIC_CLIENT_ID]: 'mpath Desktop',
  [BASIC_CLIENT_ID]: 'mpath Desktop (confidential, Basic)',
  [POST_CLIENT_ID]: 'mpath Desktop (confidential, form body)',
}

/** The clients in oidc-provider's registration-metadata form. */
export function toProviderClients(clients: readonly SandboxClient[]): Record<string, unknown>[] {
  const desktop = clients.map((client) => ({
    client_id: client.clientId,
    client_name: CLIENT_NAMES[client.clientId] ?? client.clientId,
    ...(client.clientSecret === null ? {} : { client_secret: client.clientSecret }),
    // Native, because oidc-provider refuses custom schemes and http loopback for web clients.
    application_type: 'native',
    redirect_uris: client.redirectUris,
    grant_types: GRANT_TYPES,
    response_types: ['code'],
    token_endpoint_auth_method: client.authMethods[0] ?? 'none',
    scope: client.scopes.join(' '),
  }))

  const resourceServer = {
    client_id: RESOURCE_SERVER.clientId,
    client_name: 'mpath server',
    client_secret: RESOURCE_SERVER.clientSecret,
    application_type: 'web',
    redirect_uris: [],
    grant_types: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
  }

  return [...desktop, resourceServer]
}
