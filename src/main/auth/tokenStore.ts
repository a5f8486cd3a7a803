import { z } from 'zod'

import type { SessionUser } from '../../shared/auth/sessionState'
import { AppError } from '../../shared/errors/appError'

/** The part of the vault the session uses; the vault service satisfies it. */
export interface SessionVault {
  seal(
    name: string,
    value: string,
    options: { sensitivity: 'refresh-token' | 'secret' | 'cache' },
  ): Promise<{ persisted: boolean }>
  /** Throws `VAULT_DECRYPT_FAILED` once when the value no longer decrypts (it is removed). */
  open(name: string): Promise<string | undefined>
  remove(name: string): Promise<void>
  onDidDropSecret?(listener: (event: { name: string; reason: string }) => void): () => void
}

/** The vault entry that holds the session. */
export const SESSION_VAULT_NAME = 'auth-session'

const sealedSessionSchema = z.object({
  version: z.literal(1),
  refreshToken: z.string().min(1),
  issuer: z.string().min(1),
  clientId: z.string().min(1),
  scopes: z.array(z.string()),
  user: z.object({
    subject: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
  }),
  savedAt: z.string(),
})

/**
 * What survives a restart: the refresh token and who and where it belongs to. The access
 * token is never stored; it lives in memory only.
 */
export interface SealedSession {
  refreshToken: string
  /** The issuer and client the token was issued to: a changed profile must not reuse it. */
  issuer: string
  clientId: string
  scopes: string[]
  user: SessionUser
}

/** Reads and writes the one sealed session record. */
export interface TokenStore {
  /**
   * Seals the record as a whole, refresh token included. `persisted` is false when the vault
   * keeps it for this run only (weak or no keychain).
   */
  save(session: SealedSession): Promise<{ persisted: boolean }>
  /** The sealed record, or undefined when none; throws `VAULT_DECRYPT_FAILED` as the vault does. */
  load(): Promise<SealedSession | undefined>
  clear(): Promise<void>
}

/** A token store over the vault, sealing with the `refresh-token` sensitivity. */
export function createTokenStore(vault: SessionVault, now: () => number): TokenStore {
  return {
    save(session) {
      const record = { version: 1, ...session, savedAt: new Date(now()).toISOString() }

      return vault.seal(SESSION_VAULT_NAME, JSON.stringify(record), {
        sensitivity: 'refresh-token',
      })
    },
    async load() {
      const text = await vault.open(SESSION_VAULT_NAME)

      if (text === undefined) {
        return undefined
      }

      const parsed = sealedSessionSchema.safeParse(parseJson(text))

      if (!parsed.success) {
        // A record we cannot read is as good as a value that no longer decrypts: drop it
        // alone and let the person sign in again.
        await vault.remove(SESSION_VAULT_NAME)
        throw new AppError('VAULT_DECRYPT_FAILED', 'The saved sign-in could not be read.', {
          action: 'Sign in again.',
        })
      }

      const { refreshToken, issuer, clientId, scopes, user } = parsed.data

      return { refreshToken, issuer, clientId, scopes, user }
    },
    clear: () => vault.remove(SESSION_VAULT_NAME),
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
