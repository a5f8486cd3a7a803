import * as oidc from 'openid-client'

import type { ConnectionProfile } from '../../shared/connection/profile'
import { AppError } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import type { FetchPort } from '../platform/ports'
import { isLoopbackHttpUrl, type ClientSecretSource } from './profile'
import type { AuthServer } from './types'

/** What discovery needs besides the profile. */
export interface DiscoveryOptions {
  /** Every request goes through this port (Electron's `net.fetch` in the app). */
  fetch: FetchPort
  /** The sealed secret of a confidential client; absent or empty means a public client. */
  clientSecret?: ClientSecretSource
  logger: Logger
  /** Patience for each discovery request, in seconds. Default 10. */
  discoveryTimeoutSeconds?: number
  /** Patience for every later request made with the configuration, in seconds. Default 30. */
  requestTimeoutSeconds?: number
}

type WellKnown = 'oauth2' | 'oidc'

const WELL_KNOWN_PATHS: Record<WellKnown, string> = {
  oauth2: '/.well-known/oauth-authorization-server',
  oidc: '/.well-known/openid-configuration',
}

/**
 * Learns the authorization server of a profile: RFC 8414 metadata first, then OpenID Connect
 * discovery, then the fixed paths of mpath's OAuth guide when neither document exists. The
 * metadata must name the profile's issuer (RFC 8414 §3.3) and offer PKCE with S256.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.3
 */
export async function discoverServer(
  profile: ConnectionProfile,
  options: DiscoveryOptions,
): Promise<AuthServer> {
  const logger = options.logger.child('auth')
  const issuerUrl = new URL(profile.issuer)
  // Plain http is tolerated for this computer only (the sandbox); openid-client's switch for it
  // would otherwise allow http to any host, so it is derived here and nowhere else.
  const allowPlainHttpOnLoopbackOnly = isLoopbackHttpUrl(issuerUrl)
  const secret = await readSecret(profile, options.clientSecret)
  const authentication = secret === undefined ? oidc.None() : oidc.ClientSecretBasic(secret)
  const customFetch: oidc.CustomFetch = (url, init) => options.fetch(url, init as RequestInit)
  const discoveryOptions: oidc.DiscoveryRequestOptions = {
    [oidc.customFetch]: customFetch,
    timeout: options.discoveryTimeoutSeconds ?? 10,
    execute: allowPlainHttpOnLoopbackOnly ? [oidc.allowInsecureRequests] : [],
  }

  let configuration: oidc.Configuration | undefined

  for (const algorithm of ['oauth2', 'oidc'] as const) {
    configuration = await tryWellKnown(issuerUrl, algorithm, profile.clientId, authentication, {
      ...discoveryOptions,
      algorithm,
    })

    if (configuration !== undefined) {
      logger.debug('discovered the authorization server', {
        document: WELL_KNOWN_PATHS[algorithm],
      })
      break
    }
  }

  if (configuration === undefined) {
    logger.warn('no discovery document; using the fixed paths of the mpath guide', {
      issuer: issuerUrl.origin,
    })
    configuration = new oidc.Configuration(
      fixedPathMetadata(profile.issuer),
      profile.clientId,
      undefined,
      authentication,
    )
    configuration[oidc.customFetch] = customFetch

    if (allowPlainHttpOnLoopbackOnly) {
      oidc.allowInsecureRequests(configuration)
    }
  }

  configuration.timeout = options.requestTimeoutSeconds ?? 30
  const metadata = configuration.serverMetadata()

  if (!metadata.supportsPKCE('S256')) {
    throw new AppError(
      'DISCOVERY_FAILED',
      `The authorization server ${issuerUrl.origin} does not offer PKCE with S256.`,
      { action: 'Check that the Issuer is your Clerk Frontend API URL; Clerk always offers S256.' },
    )
  }

  if (allowPlainHttpOnLoopbackOnly) {
    refuseInsecureEndpoints(metadata)
  }

  return {
    profile,
    configuration,
    issuer: metadata.issuer,
    supportsRevocation: typeof metadata.revocation_endpoint === 'string',
    supportsDeviceGrant: typeof metadata.device_authorization_endpoint === 'string',
    requiresIssParameter: metadata.authorization_response_iss_parameter_supported === true,
  }
}

/** The endpoints mpath's OAuth guide names under the Clerk Frontend API URL. */
export function fixedPathMetadata(issuer: string): oidc.ServerMetadata {
  const base = issuer.replace(/\/+$/, '')

  return {
    issuer,
    authorization_endpoint: `${base}/oauth/authorize`,
    token_endpoint: `${base}/oauth/token`,
    userinfo_endpoint: `${base}/oauth/userinfo`,
    revocation_endpoint: `${base}/oauth/token/revoke`,
    // Clerk offers S256 only; the guide predates PKCE but the endpoints accept it.
    code_challenge_methods_supported: ['S256'],
  }
}

async function readSecret(
  profile: ConnectionProfile,
  source: ClientSecretSource | undefined,
): Promise<string | undefined> {
  const secret = await source?.get()

  if (secret !== undefined && secret !== '') {
    return secret
  }

  if (profile.hasClientSecret) {
    throw new AppError('PROFILE_INVALID', 'Client secret is missing from the keychain.', {
      action: 'Enter the client secret again, or remove it to connect as a public client.',
    })
  }

  return undefined
}

/** A configuration from one well-known document, or undefined when that document is absent. */
async function tryWellKnown(
  issuerUrl: URL,
  algorithm: WellKnown,
  clientId: string,
  authentication: oidc.ClientAuth,
  options: oidc.DiscoveryRequestOptions,
): Promise<oidc.Configuration | undefined> {
  const documentUrl = `${issuerUrl.origin}${WELL_KNOWN_PATHS[algorithm]}`

  try {
    return await oidc.discovery(issuerUrl, clientId, undefined, authentication, options)
  } catch (error) {
    if (isAbsentDocument(error)) {
      return undefined
    }

    throw toDiscoveryError(error, documentUrl, issuerUrl)
  }
}

function isAbsentDocument(error: unknown): boolean {
  if (!(error instanceof oidc.ClientError)) {
    return false
  }

  if (error.code === 'OAUTH_RESPONSE_IS_NOT_JSON') {
    return true
  }

  const status = error.cause instanceof Response ? error.cause.status : undefined

  return error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' && status !== undefined && status < 500
}

function toDiscoveryError(error: unknown, documentUrl: string, issuerUrl: URL): AppError {
  const code = error instanceof oidc.ClientError ? error.code : undefined

  if (code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') {
    return new AppError(
      'DISCOVERY_FAILED',
      `The metadata at ${documentUrl} names a different issuer than ${issuerUrl.origin}.`,
      {
        action:
          'Set the Issuer to the Clerk Frontend API URL exactly, not the mpath URL or a proxy.',
        cause: error,
      },
    )
  }

  if (code === 'OAUTH_TIMEOUT') {
    return new AppError('DISCOVERY_FAILED', `${documentUrl} did not answer in time.`, {
      action: 'Check your network connection and the Issuer address, then try again.',
      cause: error,
    })
  }

  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
    return new AppError('DISCOVERY_FAILED', `${documentUrl} answered with a server error.`, {
      action: 'The authorization server is having trouble; try again in a few minutes.',
      cause: error,
    })
  }

  if (code === 'OAUTH_INVALID_RESPONSE' || code === 'OAUTH_PARSE_ERROR') {
    return new AppError('DISCOVERY_FAILED', `${documentUrl} is not valid server metadata.`, {
      action: 'Check that the Issuer is your Clerk Frontend API URL.',
      cause: error,
    })
  }

  return new AppError('DISCOVERY_FAILED', `Could not reach ${documentUrl}.`, {
    action: 'Check your network connection and the Issuer address, then try again.',
    cause: error,
  })
}

function refuseInsecureEndpoints(metadata: oidc.ServerMetadata): void {
  const endpoints = [
    metadata.authorization_endpoint,
    metadata.token_endpoint,
    metadata.userinfo_endpoint,
    metadata.revocation_endpoint,
    metadata.device_authorization_endpoint,
    metadata.introspection_endpoint,
  ]

  for (const endpoint of endpoints) {
    const url = endpoint === undefined ? null : URL.parse(endpoint)

    if (url !== null && url.protocol !== 'https:' && !isLoopbackHttpUrl(url)) {
      throw new AppError('INSECURE_URL', `The server metadata points to ${url.origin} over http.`, {
        action: 'A local issuer may only name endpoints on this computer; fix the server setup.',
      })
    }
  }
}
