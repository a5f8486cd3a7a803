import * as oidc from 'openid-client'

import { AppError } from '../../../shared/errors/appError'
import type { Clock } from '../../platform/ports'
import type { AuthServer } from '../types'

/** What the person types, and where, for the device authorization grant. */
export interface DeviceCodePrompt {
  userCode: string
  verificationUri: string
  /** Milliseconds since the epoch when the code stops working. */
  expiresAt: number
}

/** What a device authorization needs. */
export interface DeviceAuthorizationOptions {
  server: AuthServer
  scopes: readonly string[]
  clock: Clock
  /** Aborts polling (Cancel, or a newer sign-in). */
  signal: AbortSignal
  /** Called once the server has issued the code the person must type. */
  onPrompt(prompt: DeviceCodePrompt): void
}

/**
 * Runs the device authorization grant (RFC 8628): asks the server for a user code, hands it to
 * `onPrompt`, then polls the token endpoint at the server's interval until the person approves,
 * declines, the code expires, or `signal` aborts. Needs no redirect at all, which is why it
 * helps where neither the scheme nor the loopback listener comes back.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8628
 */
export async function runDeviceAuthorization(
  options: DeviceAuthorizationOptions,
): Promise<oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers> {
  const { server, clock, signal } = options

  if (!server.supportsDeviceGrant) {
    throw new AppError(
      'AUTH_TRANSPORT_UNAVAILABLE',
      'This server does not offer sign-in with a code.',
      {
        action: 'Sign in through the browser instead.',
      },
    )
  }

  const authorization = await oidc.initiateDeviceAuthorization(server.configuration, {
    scope: options.scopes.join(' '),
  })

  options.onPrompt({
    userCode: authorization.user_code,
    verificationUri: authorization.verification_uri,
    expiresAt: clock.now() + authorization.expires_in * 1000,
  })

  // openid-client stops at `expires_in` only when no signal is given; keep both limits.
  const polling = AbortSignal.any([signal, AbortSignal.timeout(authorization.expires_in * 1000)])

  return oidc.pollDeviceAuthorizationGrant(server.configuration, authorization, undefined, {
    signal: polling,
  })
}
