import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { TokenAuthority } from '../auth/tokenVerifier'

interface FakeToken {
  clerkUserId: string
  email: string
  scope: string
  active: boolean
  exp: number
}

/** A stand-in for Clerk's introspection and userinfo endpoints, for API tests. */
export interface FakeAuthority {
  authority: TokenAuthority
  /** Mints an opaque token for a Clerk user with the given scopes. */
  issue(input: {
    clerkUserId: string
    email: string
    scope: string
    expiresInSeconds?: number
  }): string
  revoke(token: string): void
  /** How many introspection calls arrived (each API request makes one). */
  introspections(): number
  close(): Promise<void>
}

/**
 * Starts a loopback server answering `POST /oauth/token_info` (HTTP Basic with the resource
 * server's credentials) and `GET /oauth/userinfo` (bearer), as Clerk does.
 */
export async function startFakeAuthority(): Promise<FakeAuthority> {
  const tokens = new Map<string, FakeToken>()
  const clientId = 'fake-resource-server'
  const clientSecret = 'fake-resource-secret'
  let introspectionCount = 0
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' })
        response.end(JSON.stringify(body))
      }

      if (request.method === 'POST' && request.url === '/oauth/token_info') {
        introspectionCount += 1
        const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`

        if (request.headers.authorization !== expected) {
          return send(401, { error: 'invalid_client' })
        }

        const token = tokens.get(
          new URLSearchParams(Buffer.concat(chunks).toString()).get('token') ?? '',
        )

        if (!token || !token.active) {
          return send(200, { active: false })
        }

        return send(200, {
          active: true,
          sub: token.clerkUserId,
          exp: token.exp,
          scope: token.scope,
        })
      }

      if (request.method === 'GET' && request.url === '/oauth/userinfo') {
        const token = tokens.get((request.headers.authorization ?? '').replace(/^Bearer /, ''))

        if (!token || !token.active || token.exp * 1000 < Date.now()) {
          return send(401, { error: 'invalid_token' })
        }

        return send(200, {
          object: 'user_info',
          user_id: token.clerkUserId,
          sub: token.clerkUserId,
          email: token.email,
        })
      }

      send(404, { error: 'not_found' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    authority: { issuer: `http://127.0.0.1:${port}`, clientId, clientSecret },
    issue(input) {
      const token = `oat_${randomBytes(16).toString('hex')}`
      tokens.set(token, {
        clerkUserId: input.clerkUserId,
        email: input.email,
        scope: input.scope,
        active: true,
        exp: Math.floor(Date.now() / 1000) + (input.expiresInSeconds ?? 3600),
      })

      return token
    },
    revoke(token) {
      const found = tokens.get(token)

      if (found) {
        found.active = false
      }
    },
    introspections: () => introspectionCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
