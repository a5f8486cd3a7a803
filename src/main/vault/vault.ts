import { AppError } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import type { Clock, KeyValueStore } from '../platform/ports'
import type { Cipher, StorageBackend, StorageStrength } from './cipher'
import { createEnvelope, describeChange, envelopeKey, readEnvelope } from './envelope'
import { assessProtection, mayPersist, type Protection, type SecretSensitivity } from './protection'
import { isTestCipher } from './testing/testCipher'

export type { SecretSensitivity } from './protection'

/** What the vault can promise, for the settings and diagnostics views. */
export interface VaultStatus {
  backend: StorageBackend
  strength: StorageStrength
  /** Whether a refresh token sealed now would survive a restart. */
  persistent: boolean
  /** Why protection is weak or absent, and what the person can do about it. */
  reason?: string
}

/** A sealed value was removed because it no longer opens. */
export interface DroppedSecretEvent {
  name: string
  reason: string
}

/** What the vault needs from the app. */
export interface VaultOptions {
  cipher: Cipher
  store: KeyValueStore
  /** Who seals: the app's name and identity, recorded in each envelope. */
  appIdentity: string
  logger: Logger
  /** True once Electron's `ready` has fired; no cipher call happens before. */
  isReady: () => boolean
  /**
   * The person's consent to persist credentials under a weak backend
   * (`basic_text`). Risky: such a store only obfuscates; anyone with the file
   * can read the token.
   */
  allowWeakPersistence: () => boolean
  /** Production builds refuse the test cipher. */
  isProduction: boolean
  /** Source of the `sealedAt` time; the system clock by default. */
  clock?: Pick<Clock, 'now'>
  /** Selects the advice in status reasons; `process.platform` by default. */
  platform?: NodeJS.Platform
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/

function testCipherRefused(): AppError {
  return new AppError(
    'VAULT_TEST_CIPHER_REFUSED',
    'This build of mpath Desktop was given a test cipher and will not store credentials with it.',
    { action: 'Reinstall mpath Desktop; if it persists, report it.' },
  )
}

/**
 * Seals secrets with the OS keychain (through the cipher port) and persists
 * each in a versioned envelope. Says honestly when protection is weak or
 * absent, keeps values in memory for the session when it may not persist them,
 * and removes a value that no longer decrypts, alone, with the reason.
 */
export class Vault {
  readonly #options: VaultOptions
  readonly #log: Logger
  readonly #memory = new Map<string, string>()
  readonly #chains = new Map<string, Promise<unknown>>()
  readonly #dropListeners = new Set<(event: DroppedSecretEvent) => void>()
  #encryptionFailed = false

  constructor(options: VaultOptions) {
    if (options.isProduction && isTestCipher(options.cipher)) {
      throw testCipherRefused()
    }

    this.#options = options
    this.#log = options.logger.child('vault')
  }

  /**
   * Backend, strength and whether a sign-in would persist. Only after `ready`.
   */
  async status(): Promise<VaultStatus> {
    const protection = await this.#protection()
    const persistent = mayPersist(protection, 'refresh-token', this.#options.allowWeakPersistence())

    return protection.reason === undefined
      ? { backend: protection.backend, strength: protection.strength, persistent }
      : { ...protection, persistent }
  }

  /**
   * Seals `value` under `name`. Returns `persisted: false` when it is kept in
   * memory for this session only (no or weak encryption, the test cipher, a
   * failed write).
   */
  seal(
    name: string,
    value: string,
    options: { sensitivity: SecretSensitivity } = { sensitivity: 'secret' },
  ): Promise<{ persisted: boolean }> {
    return this.#serialize(name, async () => {
      const protection = await this.#protection()
      this.#memory.set(name, value)

      if (!mayPersist(protection, options.sensitivity, this.#options.allowWeakPersistence())) {
        // A stale copy on disk would outlive the new value (a rotated refresh
        // token).
        this.#deletePersisted(name)
        this.#log.info('Keeping a value in memory only', {
          name,
          sensitivity: options.sensitivity,
          backend: protection.backend,
          strength: protection.strength,
        })

        return { persisted: false }
      }

      return { persisted: await this.#persist(name, value, protection.backend) }
    })
  }

  /**
   * The value sealed under `name`, or undefined. A value that no longer
   * decrypts is removed and reported once: this call throws
   * `VAULT_DECRYPT_FAILED` with the reason, the next returns undefined.
   */
  open(name: string): Promise<string | undefined> {
    return this.#serialize(name, async () => {
      this.#assertReady()
      const remembered = this.#memory.get(name)

      if (remembered !== undefined) {
        return remembered
      }

      const stored = this.#options.store.get(envelopeKey(name))

      if (stored === undefined) {
        return undefined
      }

      const protection = await this.#protection()
      const reading = readEnvelope(stored)

      if (!reading.ok) {
        return this.#drop(name, reading.reason)
      }

      if (protection.strength === 'none') {
        // The keyring may be back next time; the blob is kept for then.
        throw new AppError('VAULT_UNAVAILABLE', 'Your saved sign-in cannot be opened now.', {
          action: protection.reason,
        })
      }

      const change = describeChange(reading.envelope, protection.backend, this.#options.appIdentity)
      let opened: { plainText: string; shouldReEncrypt: boolean }

      try {
        opened = await this.#options.cipher.decrypt(reading.sealed)
      } catch (error) {
        return this.#drop(name, change ?? 'the OS could not decrypt it', error)
      }

      this.#memory.set(name, opened.plainText)

      if (opened.shouldReEncrypt || change !== undefined) {
        this.#log.info('Sealing a value again', {
          name,
          keyRotated: opened.shouldReEncrypt,
          change,
        })
        await this.#persist(name, opened.plainText, protection.backend)
      }

      return opened.plainText
    })
  }

  /**
   * Forgets `name` in memory and on disk. Needs no cipher, so it works before
   * `ready`.
   */
  remove(name: string): Promise<void> {
    return this.#serialize(name, async () => {
      this.#memory.delete(name)
      this.#deletePersisted(name)
    })
  }

  /**
   * Fires when a value that no longer opens was removed; returns the
   * unsubscribe.
   */
  onDidDropSecret(listener: (event: DroppedSecretEvent) => void): () => void {
    this.#dropListeners.add(listener)

    return () => {
      this.#dropListeners.delete(listener)
    }
  }

  #assertReady(): void {
    if (!this.#options.isReady()) {
      throw new AppError(
        'VAULT_NOT_READY',
        'The vault was used before the app was ready; no credential was read or written.',
        { action: 'Restart mpath Desktop.' },
      )
    }
  }

  async #protection(): Promise<Protection> {
    this.#assertReady()
    const { cipher } = this.#options
    let available: boolean

    try {
      available = await cipher.isAvailable()
    } catch (error) {
      this.#log.warn('Could not ask whether encryption is available', { error })
      available = false
    }

    const backend = cipher.backend()

    if (this.#options.isProduction && (backend === 'test' || isTestCipher(cipher))) {
      throw testCipherRefused()
    }

    return assessProtection({
      available,
      backend,
      encryptionFailed: this.#encryptionFailed,
      platform: this.#options.platform ?? process.platform,
      allowWeakPersistence: this.#options.allowWeakPersistence(),
    })
  }

  async #persist(name: string, value: string, backend: StorageBackend): Promise<boolean> {
    let sealed: Uint8Array

    try {
      sealed = await this.#options.cipher.encrypt(value)
      assertNotClear(sealed, value)
    } catch (error) {
      // Nothing half-saved: no old blob that would outlive the value now held
      // in memory.
      this.#encryptionFailed = true
      this.#deletePersisted(name)
      this.#log.warn('Encryption failed; keeping values in memory for this session', {
        name,
        error,
      })

      return false
    }

    const now = new Date((this.#options.clock ?? Date).now())

    try {
      this.#options.store.set(
        envelopeKey(name),
        createEnvelope(sealed, backend, this.#options.appIdentity, now),
      )
    } catch (error) {
      this.#deletePersisted(name)
      this.#log.warn('Could not write a sealed value; keeping it in memory', { name, error })

      return false
    }

    return true
  }

  #deletePersisted(name: string): void {
    try {
      this.#options.store.delete(envelopeKey(name))
    } catch (error) {
      this.#log.warn('Could not delete a sealed value from disk', { name, error })
    }
  }

  #drop(name: string, reason: string, cause?: unknown): never {
    this.#memory.delete(name)
    this.#deletePersisted(name)
    this.#log.warn('Removed a sealed value that no longer opens', { name, reason, error: cause })

    for (const listener of [...this.#dropListeners]) {
      try {
        listener({ name, reason })
      } catch (error) {
        this.#log.error('A drop listener failed', { name, error })
      }
    }

    throw new AppError(
      'VAULT_DECRYPT_FAILED',
      `A saved credential (${name}) could not be opened and was removed: ${reason}.`,
      { action: 'Sign in again.', cause },
    )
  }

  #serialize<T>(name: string, task: () => Promise<T>): Promise<T> {
    if (!NAME.test(name)) {
      return Promise.reject(
        new AppError('INTERNAL', 'A vault name must be 1-64 letters, digits, "-" or "_".'),
      )
    }

    // One operation per name at a time, so a slow seal cannot land after a
    // newer one.
    const previous = this.#chains.get(name) ?? Promise.resolve()
    const result = previous.then(task)
    const settled = result.then(
      () => undefined,
      () => undefined,
    )
    this.#chains.set(name, settled)
    void settled.then(() => {
      if (this.#chains.get(name) === settled) {
        this.#chains.delete(name)
      }
    })

    return result
  }
}

function assertNotClear(sealed: Uint8Array, value: string): void {
  if (value.length >= 8 && Buffer.from(sealed).includes(Buffer.from(value, 'utf8'))) {
    throw new Error('The cipher returned the value in clear.')
  }
}

/**
 * Creates the vault. Throws `VAULT_TEST_CIPHER_REFUSED` at once when a
 * production build is handed the test cipher; calls nothing on the cipher until
 * `isReady()` says so.
 */
export function createVault(options: VaultOptions): Vault {
  return new Vault(options)
}
