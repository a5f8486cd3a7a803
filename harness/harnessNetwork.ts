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
}

/**
 * The fetch port of the harness's main services: Node's fetch behind a switch that takes the
 * network away, and a tap that remembers the API's bearer token so a journey can revoke it at
 * the sandbox. The token stays in the test process; the page never sees it.
 */
export function createHarnessNetwork(apiUrl: string): {
  network: HarnessNetwork
  fetch: FetchPort
} {
  const apiOrigin = new URL(apiUrl).origin
  let lastAccessToken: string | undefined
  const network: HarnessNetwork = {
    offline: false,
    lastAccessToken: () => lastAccessToken,
  }

  const fetchPort: FetchPort = async (input, init) => {
    if (network.offline) {
      // The shape undici gives a refused connection: a TypeError with the system code on cause.
      const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
      throw new TypeError('fetch failed', { cause: refused })
    }

    const url = new URL(input instanceof Request ? input.url : String(input))

    if (url.origin === apiOrigin) {
      const headers = new Headers(input instanceof Request ? input.headers : init?.headers)
      const bearer = /^Bearer (.+)$/.exec(headers.get('authorization') ?? '')?.[1]
      lastAccessToken = bearer ?? lastAccessToken
    }

    return globalThis.fetch(input, init)
  }

  return { network, fetch: fetchPort }
}
