/**
 * Fakes for the authorization flow's unit tests: an opener that records what it was asked to
 * open, and an authorization server answered by a fake `fetch` (metadata documents and a token
 * endpoint). Their clock is the manual one in platform/testing.
 */
import * as oidc from 'openid-client'

import { connectionProfileSchema, type ConnectionProfile } from '../../../shared/connection/profile'
import type { ExternalOpener, FetchPort } from '../../platform/ports'
import type { AuthServer } from '../types'

/** The issuer every fake uses. */
export const FAKE_ISSUER = 'https://clerk.example.test'

/** An opener that records URLs instead of starting a browser. */
export interface RecordingOpener extends ExternalOpener {
  readonly opened: string[]
  /** Resolves with the next URL opened (or the latest one, if it was already opened). */
  nextUrl(): Promise<string>
}

/** Creates a recording opener; `fail` makes every call reject, as when no browser exists. */
export function createRecordingOpener(options: { fail?: boolean } = {}): RecordingOpener {
  const opened: string[] = []
  let taken = 0
  const waiters: Array<(url: string) => void> = []

  return {
    opened,
    async openExternal(url) {
      if (options.fail === true) {
        throw new Error('No browser is installed.')
      }

      opened.push(url)
      waiters.shift()?.(url)
    },
    nextUrl() {
      if (opened.length > taken) {
        taken = opened.length

        return Promise.resolve(opened[opened.length - 1] as string)
      }

      return new Promise((resolve) => {
        waiters.push((url) => {
          taken = opened.length
          resolve(url)
        })
      })
    },
  }
}

/** A profile for the fake issuer, with any field overridden. */
export function fakeProfile(overrides: Partial<ConnectionProfile> = {}): ConnectionProfile {
  return connectionProfileSchema.parse({
    issuer: FAKE_ISSUER,
    apiUrl: 'https://mpath.example.test',
    clientId: 'desktop-client',
    loopbackRedirectUri: 'http://127.0.0.1:7073/oauth/callback',
    ...overrides,
  })
}

/** Clerk-shaped RFC 8414 metadata for `issuer`. */
export function fakeMetadata(
  issuer = FAKE_ISSUER,
  overrides: Partial<oidc.ServerMetadata> = {},
): oidc.ServerMetadata {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    token_endpoint: `${issuer}/oauth/token`,
    revocation_endpoint: `${issuer}/oauth/token/revoke`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
    authorization_response_iss_parameter_supported: true,
    ...overrides,
  }
}

/** One request the fake server saw. */
export interface RecordedRequest {
  url: string
  method: string
  headers: Headers
  body: string
}

/** Answers requests by path; unknown paths are 404. */
export type FakeRoutes = Record<string, (request: RecordedRequest) => Response | Promise<Response>>

/** A `fetch` answered by `routes`, recording every request. */
export function createFakeFetch(routes: FakeRoutes): FetchPort & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = []
  const fake = async (input: Parameters<FetchPort>[0], init?: Parameters<FetchPort>[1]) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const body = init?.body
    const request: RecordedRequest = {
      url,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body:
        typeof body === 'string' ? body : body instanceof URLSearchParams ? body.toString() : '',
    }
    requests.push(request)
    const route = routes[new URL(url).pathname]

    return route === undefined ? new Response('Not found', { status: 404 }) : route(request)
  }

  return Object.assign(fake as FetchPort, { requests })
}

/** A JSON response, as an OAuth server sends it. */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

/**
 * An `AuthServer` for the fake issuer whose token endpoint answers with `token` (or a default
 * bearer token without an ID token); no discovery request is made.
 */
export function createFakeAuthServer(
  options: {
    profile?: ConnectionProfile
    metadata?: Partial<oidc.ServerMetadata>
    token?: (request: RecordedRequest) => Response | Promise<Response>
    /** More endpoints, e.g. the device authorization endpoint. */
    routes?: FakeRoutes
  } = {},
): AuthServer & { fetch: ReturnType<typeof createFakeFetch> } {
  const profile = options.profile ?? fakeProfile({ scopes: ['offline_access', 'read:tasks'] })
  const metadata = fakeMetadata(profile.issuer, options.metadata)
  const fetch = createFakeFetch({
    ...options.routes,
    '/oauth/token':
      options.token ??
      (() =>
        jsonResponse({
          access_token: 'access-1',
          refresh_token: 'refresh-1',
          token_type: 'Bearer',
          expires_in: 86400,
          scope: profile.scopes.join(' '),
        })),
  })
  const configuration = new oidc.Configuration(metadata, profile.clientId, undefined, oidc.None())
  configuration[oidc.customFetch] = (url, init) => fetch(url, init as RequestInit)

  return {
    profile,
    configuration,
    issuer: metadata.issuer,
    supportsRevocation: metadata.revocation_endpoint !== undefined,
    supportsDeviceGrant: metadata.device_authorization_endpoint !== undefined,
    requiresIssParameter: metadata.authorization_response_iss_parameter_supported === true,
    fetch,
  }
}

/** The callback URL a server would redirect to for the authorization URL the opener saw. */
export function callbackFor(
  authorizationUrl: string,
  params: Record<string, string>,
  options: { keepState?: boolean; iss?: string | null } = {},
): string {
  const request = new URL(authorizationUrl).searchParams
  const callback = new URL(request.get('redirect_uri') ?? 'mpath://oauth/callback')

  for (const [key, value] of Object.entries(params)) {
    callback.searchParams.set(key, value)
  }

  if (options.keepState !== false && !callback.searchParams.has('state')) {
    callback.searchParams.set('state', request.get('state') ?? '')
  }

  if (options.iss !== null) {
    callback.searchParams.set('iss', options.iss ?? new URL(authorizationUrl).origin)
  }

  return callback.href
}

/** A device authorization endpoint answering with a fixed code and a very short interval. */
export function fakeDeviceAuthorizationRoute(issuer = FAKE_ISSUER): FakeRoutes {
  return {
    '/oauth/device_authorization': () =>
      jsonResponse({
        device_code: 'device-code-1',
        user_code: 'WDJB-MJHT',
        verification_uri: `${issuer}/oauth/device`,
        expires_in: 600,
        interval: 0.01,
      }),
  }
}
