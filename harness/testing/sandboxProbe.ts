import * as openid from 'openid-client'

import { authorizeOverHttp } from '../../sandbox/auth/testing/driveLogin'
import type { RunningSandbox } from '../../sandbox/start'

/**
 * An access token for a sandbox user, obtained over HTTP outside the app, so a journey can
 * ask the sandbox what the truth is (e.g. a person's open tasks) independently of the app.
 */
export async function probeToken(
  sandbox: RunningSandbox,
  email: string,
  password: string,
): Promise<string> {
  const client = sandbox.ready.clients.find((candidate) => candidate.kind === 'public')

  if (!client) {
    throw new Error('The sandbox offers no public client.')
  }

  const config = await openid.discovery(
    new URL(sandbox.ready.issuer),
    client.clientId,
    undefined,
    openid.None(),
    {
      execute: [openid.allowInsecureRequests],
    },
  )
  const verifier = openid.randomPKCECodeVerifier()
  const state = openid.randomState()
  const redirectUri = 'mpath://oauth/callback'
  const url = openid.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope:
      'openid profile email offline_access read:people read:tasks read:initiatives read:meetings',
    code_challenge: await openid.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    prompt: 'consent',
  })
  const callback = await authorizeOverHttp({
    authorizationUrl: url.href,
    email,
    password,
    decision: 'allow',
  })
  const tokens = await openid.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    idTokenExpected: true,
  })

  return tokens.access_token
}

/** GETs a sandbox API path with a bearer token and returns the parsed JSON. */
export async function probeApi<T>(
  sandbox: RunningSandbox,
  token: string,
  path: string,
): Promise<T> {
  const response = await fetch(new URL(path, sandbox.ready.apiUrl), {
    headers: { authorization: `Bearer ${token}` },
  })

  if (!response.ok) {
    throw new Error(`The sandbox answered ${response.status} to ${path}`)
  }

  return (await response.json()) as T
}

/**
 * Asks the sandbox's introspection endpoint about a token, as the mpath server does (with the
 * resource server's own credentials): whether it is still active.
 */
export async function introspect(
  sandbox: RunningSandbox,
  token: string,
): Promise<{ active: boolean }> {
  const { clientId, clientSecret } = sandbox.resourceServer
  const response = await fetch(`${sandbox.ready.issuer}/oauth/token_info`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ token }),
  })

  if (!response.ok) {
    throw new Error(`The sandbox answered ${response.status} to introspection`)
  }

  return (await response.json()) as { active: boolean }
}
