import type { Cipher, StorageBackend } from '../cipher'

const TEST_CIPHER_BRAND = Symbol.for('mpath.testCipher')
const PREFIX = 'mpath-test-cipher'

/** Options of {@link createTestCipher}. */
export interface TestCipherOptions {
  /**
   * The backend it claims; default `test`. Any claim is still refused in
   * production.
   */
  backend?: StorageBackend
  /** Whether `isAvailable()` says yes; default true. */
  available?: boolean
}

/**
 * A reversible cipher that only pretends to encrypt, for tests and the desktop
 * harness, with knobs to simulate what OS keyrings do. Refused by the vault in
 * production.
 */
export interface TestCipher extends Cipher {
  /** How often each method was called, to prove nothing ran before `ready`. */
  readonly calls: { isAvailable: number; backend: number; encrypt: number; decrypt: number }
  setAvailable(available: boolean): void
  setBackend(backend: StorageBackend): void
  /**
   * Make every `encrypt` throw as an unavailable keyring does, or stop doing
   * so.
   */
  setEncryptFails(fails: boolean): void
  /** Rotate the key: older blobs still decrypt but ask to be sealed again. */
  rotateKey(): void
  /**
   * Forget every key: older blobs no longer decrypt, as after a keyring reset.
   */
  resetKeys(): void
  readonly [TEST_CIPHER_BRAND]: true
}

/**
 * True for a cipher made by {@link createTestCipher}, without calling any of
 * its methods.
 */
export function isTestCipher(cipher: Cipher): boolean {
  return (cipher as Partial<TestCipher>)[TEST_CIPHER_BRAND] === true
}

/**
 * Creates a plainly-marked fake cipher: blobs read
 * `mpath-test-cipher:k<key>:<base64>`.
 *
 * @example
 * const cipher = createTestCipher({ backend: 'gnome_libsecret' })
 */
export function createTestCipher(options: TestCipherOptions = {}): TestCipher {
  let backend = options.backend ?? 'test'
  let available = options.available ?? true
  let encryptFails = false
  let key = 1
  let oldestKey = 1
  const calls = { isAvailable: 0, backend: 0, encrypt: 0, decrypt: 0 }

  return {
    [TEST_CIPHER_BRAND]: true,
    calls,
    setAvailable: (value) => {
      available = value
    },
    setBackend: (value) => {
      backend = value
    },
    setEncryptFails: (value) => {
      encryptFails = value
    },
    rotateKey: () => {
      key += 1
    },
    resetKeys: () => {
      key += 1
      oldestKey = key
    },
    isAvailable: async () => {
      calls.isAvailable += 1

      return available
    },
    backend: () => {
      calls.backend += 1

      return backend
    },
    encrypt: async (plainText) => {
      calls.encrypt += 1

      if (encryptFails || !available) {
        throw new Error('Encryption is not available.')
      }

      const text = `${PREFIX}:k${key}:${Buffer.from(plainText, 'utf8').toString('base64')}`

      return new Uint8Array(Buffer.from(text, 'utf8'))
    },
    decrypt: async (sealed) => {
      calls.decrypt += 1
      const match = /^mpath-test-cipher:k(\d+):([A-Za-z0-9+/=]*)$/.exec(
        Buffer.from(sealed).toString('utf8'),
      )
      const sealedKey = Number(match?.[1])

      if (match === null || sealedKey < oldestKey || sealedKey > key) {
        throw new Error(
          'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
        )
      }

      return {
        plainText: Buffer.from(match[2] ?? '', 'base64').toString('utf8'),
        shouldReEncrypt: sealedKey < key,
      }
    },
  }
}
