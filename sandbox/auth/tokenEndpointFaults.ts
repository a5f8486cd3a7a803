import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'

import type { SandboxFaults } from '../types'
import { readBody, sendJson } from './httpUtilities'

/** The request's body, read early; oidc-provider accepts it pre-read on `req.body`. */
type ReadableRequest = IncomingMessage & { body?: Buffer }

/**
 * Applies the token-endpoint faults of the live `faults` object. Returns true when the fault
 * answered (or deliberately withheld) the response, false when oidc-provider should proceed.
 * Responses held for the `timeout` fault are added to `held`, so closing the server can end
 * them.
 */
export async function applyTokenEndpointFaults(
  req: ReadableRequest,
  res: ServerResponse,
  faults: SandboxFaults,
  held: Set<ServerResponse>,
): Promise<boolean> {
  if (faults.latencyMs > 0) {
    await delay(faults.latencyMs)
  }

  if (faults.tokenEndpoint === 'fail') {
    sendJson(res, 500, {
      error: 'server_error',
      error_description: 'The authorization server failed to process the request.',
    })

    return true
  }

  if (faults.tokenEndpoint === 'timeout') {
    held.add(res)
    res.on('close', () => held.delete(res))

    return true
  }

  if (faults.refreshInvalidGrant) {
    req.body = await readBody(req)
    const grantType = new URLSearchParams(req.body.toString('utf8')).get('grant_type')

    if (grantType === 'refresh_token') {
      sendJson(res, 400, {
        error: 'invalid_grant',
        error_description: 'The refresh token is invalid, expired or revoked.',
      })

      return true
    }
  }

  return false
}

/**
 * Under the strict-revoke fault the revocation endpoint accepts only clients that present a
 * secret, as Clerk's specification reads. Returns true when it refused the request.
 */
export async function refuseRevocationWithoutSecret(
  req: ReadableRequest,
  res: ServerResponse,
  faults: SandboxFaults,
): Promise<boolean> {
  if (!faults.strictRevoke || req.headers.authorization?.startsWith('Basic ')) {
    return false
  }

  req.body = await readBody(req)

  if (new URLSearchParams(req.body.toString('utf8')).has('client_secret')) {
    return false
  }

  sendJson(res, 401, {
    error: 'invalid_client',
    error_description: 'Client authentication with a client secret is required.',
  })

  return true
}
