import type { ConnectionProfile } from '../../shared/connection/profile'
import { createApiClient, type ApiClient, type ApiClientOptions } from '../api/apiClient'

/** The API client of the current organization, built on first use and kept until it changes. */
export interface ApiClients {
  /** The client for the current profile's API, or null while not connected. */
  current(): ApiClient | null
  /** The client while signed in, else null. */
  signedIn(): ApiClient | null
  /** What the client in use measured from the server's `Date` header, if any. */
  serverClockOffsetMs(): number | null
  /** Drops the client, so the next call builds one for the organization now saved. */
  reset(): void
}

/** Builds a client per API address; a new address (another organization) gets a new one. */
export function createApiClients(
  options: Omit<ApiClientOptions, 'baseUrl'> & {
    profile: () => ConnectionProfile | undefined
    isSignedIn: () => boolean
  },
): ApiClients {
  const { profile: currentProfile, isSignedIn, ...clientOptions } = options
  let api: { key: string; client: ApiClient } | undefined

  const current = (): ApiClient | null => {
    const profile = currentProfile()

    if (profile === undefined) {
      return null
    }

    if (api?.key !== profile.apiUrl) {
      api = {
        key: profile.apiUrl,
        client: createApiClient({ ...clientOptions, baseUrl: profile.apiUrl }),
      }
    }

    return api.client
  }

  return {
    current,
    signedIn: () => (isSignedIn() ? current() : null),
    serverClockOffsetMs: () => api?.client.serverClockOffsetMs ?? null,
    reset() {
      api = undefined
    },
  }
}
