import type { FetchPort } from '../src/main/platform/ports'

/** The harness's network, as the test process controls and observes it. */
export interface HarnessNetwork {
  /**
   * While true every request of the main services fails to connect, as when the computer
   * drops off the network (main reports it as NETWORK_OFFLINE).
   */
  offline: boolean
  /** The bearer token of the latest request to the mpath API (test process only). */
  lastAccessToken(): string | undefined
  /**
   * Makes the current access token dead at the API while its refresh token lives on: from now
   * on the API receives a token it does not know in its place, and answers as the server does
   * for a dead token (a bare 500 from list routes in `--compat real`). Revoking the token at the
   * sandbox would end the whole grant instead. With `afterNext`, the token dies only once
   * the next request to that API path has been answered (e.g. so a sync's first list request
   * meets it dead). Returns the token it kills.
   */
  killAccessToken(options?: { afterNext?: string }): string | undefined
}

/**
 * The fetch port of the harness's main services: Node's fetch behind a switch that takes the
 * network away, and a tap on the API's bearer token. Tokens stay in the test process; the page
 * never sees one.
 */
export function createHarnessNetwork(apiUrl: string): {
  network: HarnessNetwork
  fetch: FetchPort
} {
  const apiOrigin = new URL(apiUrl).origin
  const dead = new Set<string>()
  let pendingKill: { token: string; path: string } | undefined
  let lastAccessToken: string | undefined
  const network: HarnessNetwork = {
    offline: false,
    lastAccessToken: () => lastAccessToken,
    killAccessToken(options = {}) {
      if (lastAccessToken === undefined) {
        return undefined
      }

      if (options.afterNext === undefined) {
        dead.add(lastAccessToken)
      } else {
        pendingKill = { token: lastAccessToken, path: options.afterNext }
      }

      return lastAccessToken
    },
  }

  const fetchPort: FetchPort = async (input, init) => {
    if (network.offline) {
      // The shape undici gives a refused connection: a TypeError with the system code on cause.
      const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
      throw new TypeError('fetch failed', { cause: refused })
    }

    const request = new Request(input, init)

    if (new URL(request.url).origin !== apiOrigin) {
      return globalThis.fetch(request)
    }

    const bearer = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1]

    if (bearer === undefined) {
      return globalThis.fetch(request)
    }

    lastAccessToken = bearer

    if (!dead.has(bearer)) {
      const response = await globalThis.fetch(request)

      if (pendingKill?.token === bearer && new URL(request.url).pathname === pendingKill.path) {
        dead.add(bearer)
        pendingKill = undefined
      }

      return response
    }

    const headers = new Headers(request.headers)
    headers.set('authorization', 'Bearer harness-dead-token')

    return globalThis.fetch(new Request(request, { headers }))
  }

  return { network, fetch: fetchPort }
}
