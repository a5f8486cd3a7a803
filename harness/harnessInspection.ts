import type { KeyValueStore } from '../src/main/platform/ports'
import type { Cipher } from '../src/main/vault/cipher'
import { envelopeKey, readEnvelope } from '../src/main/vault/envelope'
import { SESSION_VAULT_NAME } from '../src/main/auth/tokenStore'

/** What the vault sealed for the session, opened with the harness's test cipher. */
export interface InspectedSession {
  refreshToken: string
  issuer: string
  clientId: string
  scopes: string[]
  user: { subject: string; name: string | null; email: string | null }
}

/**
 * Views of what main keeps, for journeys to check from the test process: never bound to the
 * page, and only possible because the harness's cipher is the plainly-marked test cipher.
 */
export interface HarnessInspection {
  /**
   * The sealed session in the store, or undefined when none is stored (under the `test`
   * backend nothing is: the vault keeps the session in memory only).
   */
  sealedSession(): Promise<InspectedSession | undefined>
  /** Every key in the store (settings, the profile, sealed envelopes, cache blobs). */
  storeKeys(): string[]
}

/** A key-value store that also lists its keys, as the harness's stores do. */
export type ListableStore = KeyValueStore & { keys(): string[] }

/** Builds the inspection of a harness's store. */
export function createHarnessInspection(store: ListableStore, cipher: Cipher): HarnessInspection {
  return {
    async sealedSession() {
      const reading = readEnvelope(store.get(envelopeKey(SESSION_VAULT_NAME)))

      if (!reading.ok) {
        return undefined
      }

      const { plainText } = await cipher.decrypt(reading.sealed)

      return JSON.parse(plainText) as InspectedSession
    },
    storeKeys: () => store.keys(),
  }
}

/** Wraps a store so it can list its keys (the memory store keeps a Map). */
export function listable(store: KeyValueStore & { data: Map<string, unknown> }): ListableStore {
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
    keys: () => [...store.data.keys()],
  }
}
