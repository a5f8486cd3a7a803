import { describe, expect, it, vi } from 'vitest'

import { AppError } from '../../shared/errors/appError'
import { memoryLogSink } from '../log/testing/memoryLogSink'
import { createLogger } from '../log/createLogger'
import {
  memoryKeyValueStore,
  type MemoryKeyValueStore,
} from '../platform/testing/memoryKeyValueStore'
import type { Cipher, StorageBackend } from './cipher'
import { envelopeKey, type SealedEnvelope } from './envelope'
import { createTestCipher, type TestCipher } from './testing/testCipher'
import { createVault, type Vault, type VaultOptions } from './vault'

const TOKEN = 'rt-very-secret-refresh-token'
const SEALED_AT = Date.UTC(2025, 0, 2, 3, 4, 5)

interface Setup {
  vault: Vault
  cipher: TestCipher
  store: MemoryKeyValueStore
  logText: () => string
  ready: { value: boolean }
  allowWeak: { value: boolean }
}

function setup(
  options: {
    backend?: StorageBackend
    available?: boolean
    ready?: boolean
    store?: MemoryKeyValueStore
    cipher?: TestCipher
    overrides?: Partial<VaultOptions>
  } = {},
): Setup {
  const cipher =
    options.cipher ??
    createTestCipher({
      backend: options.backend ?? 'gnome_libsecret',
      available: options.available,
    })
  const store = options.store ?? memoryKeyValueStore()
  const sink = memoryLogSink()
  const ready = { value: options.ready ?? true }
  const allowWeak = { value: false }
  const vault = createVault({
    cipher,
    store,
    appIdentity: 'mpath Desktop',
    logger: createLogger(sink, { level: 'trace' }),
    isReady: () => ready.value,
    allowWeakPersistence: () => allowWeak.value,
    isProduction: false,
    clock: { now: () => SEALED_AT },
    platform: 'linux',
    ...options.overrides,
  })

  return { vault, cipher, store, logText: () => sink.text(), ready, allowWeak }
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AppError)

  return error as AppError
}

function storedEnvelope(store: MemoryKeyValueStore, name: string): SealedEnvelope {
  return store.data.get(envelopeKey(name)) as SealedEnvelope
}

describe('Vault with a strong backend', () => {
  it('persists a versioned envelope that never holds the value in clear', async () => {
    const { vault, store, logText } = setup()
    await expect(
      vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' }),
    ).resolves.toEqual({
      persisted: true,
    })
    const envelope = storedEnvelope(store, 'refreshToken')
    expect(envelope).toEqual({
      format: 1,
      backend: 'gnome_libsecret',
      appIdentity: 'mpath Desktop',
      sealedAt: '2025-01-02T03:04:05.000Z',
      ciphertext: expect.stringMatching(/^[A-Za-z0-9+/=]+$/),
    })
    expect(JSON.stringify([...store.data])).not.toContain(TOKEN)
    expect(logText()).not.toContain(TOKEN)
  })

  it('opens the value in a later session from the same store', async () => {
    const first = setup()
    await first.vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' })
    const second = setup({ store: first.store, cipher: first.cipher })
    await expect(second.vault.open('refreshToken')).resolves.toBe(TOKEN)
    await expect(second.vault.open('missing')).resolves.toBeUndefined()
  })

  it('reports its status as strong and persistent', async () => {
    await expect(setup().vault.status()).resolves.toEqual({
      backend: 'gnome_libsecret',
      strength: 'strong',
      persistent: true,
    })
  })

  it('seals again when decryption says the key rotated', async () => {
    const first = setup()
    await first.vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' })
    const before = storedEnvelope(first.store, 'refreshToken').ciphertext
    first.cipher.rotateKey()
    const second = setup({ store: first.store, cipher: first.cipher })
    await expect(second.vault.open('refreshToken')).resolves.toBe(TOKEN)
    const after = storedEnvelope(first.store, 'refreshToken').ciphertext
    expect(after).not.toBe(before)
    expect(Buffer.from(after, 'base64').toString()).toMatch(/^mpath-test-cipher:k2:/)
  })

  it('removes a value from memory and disk', async () => {
    const { vault, store } = setup()
    await vault.seal('clientSecret', 'cs-value-123')
    await vault.remove('clientSecret')
    expect(store.data.size).toBe(0)
    await expect(vault.open('clientSecret')).resolves.toBeUndefined()
  })

  it('keeps the order of seals of one name however slow the cipher is', async () => {
    const inner = createTestCipher({ backend: 'keychain' })
    let releaseFirst: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      releaseFirst = resolve
    })
    let encryptions = 0
    const cipher = Object.assign(Object.create(inner) as TestCipher, {
      encrypt: async (plainText: string) => {
        encryptions += 1

        if (encryptions === 1) {
          await gate
        }

        return inner.encrypt(plainText)
      },
    })
    const { vault, store } = setup({ cipher })
    const older = vault.seal('refreshToken', 'rotated-old-1', { sensitivity: 'refresh-token' })
    const newer = vault.seal('refreshToken', 'rotated-new-2', { sensitivity: 'refresh-token' })
    releaseFirst()
    await Promise.all([older, newer])
    const reopened = setup({ store, cipher: inner })
    await expect(reopened.vault.open('refreshToken')).resolves.toBe('rotated-new-2')
  })

  it('rejects names that could not be a store key', async () => {
    const { vault } = setup()
    expect((await rejection(vault.seal('a.b', 'x'))).code).toBe('INTERNAL')
    expect((await rejection(vault.open(''))).code).toBe('INTERNAL')
  })

  it('keeps a value in memory when the cipher hands it back in clear', async () => {
    const inner = createTestCipher({ backend: 'keychain' })
    const cipher = Object.assign(Object.create(inner) as TestCipher, {
      encrypt: async (plainText: string) => new TextEncoder().encode(`x${plainText}`),
    })
    const { vault, store } = setup({ cipher })
    await expect(
      vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' }),
    ).resolves.toEqual({
      persisted: false,
    })
    expect(store.data.size).toBe(0)
  })

  it('keeps a value in memory when the store cannot be written', async () => {
    const store = memoryKeyValueStore()
    store.set = () => {
      throw new Error('EACCES')
    }
    const { vault } = setup({ store })
    await expect(
      vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' }),
    ).resolves.toEqual({
      persisted: false,
    })
    await expect(vault.open('refreshToken')).resolves.toBe(TOKEN)
  })
})

describe('S16: no cipher call before ready', () => {
  it('refuses every operation that needs the cipher and never calls it', async () => {
    const { vault, cipher, ready } = setup({ ready: false })
    expect((await rejection(vault.status())).code).toBe('VAULT_NOT_READY')
    expect((await rejection(vault.seal('refreshToken', TOKEN))).code).toBe('VAULT_NOT_READY')
    expect((await rejection(vault.open('refreshToken'))).code).toBe('VAULT_NOT_READY')
    await vault.remove('refreshToken')
    expect(cipher.calls).toEqual({ isAvailable: 0, backend: 0, encrypt: 0, decrypt: 0 })

    ready.value = true
    await vault.seal('refreshToken', TOKEN)
    expect(cipher.calls.encrypt).toBe(1)
  })

  it('calls nothing on the cipher while being created', () => {
    const spies = {
      isAvailable: vi.fn(),
      backend: vi.fn(),
      encrypt: vi.fn(),
      decrypt: vi.fn(),
    }
    setup({ ready: false, cipher: spies as unknown as TestCipher })
    Object.values(spies).forEach((spy) => expect(spy).not.toHaveBeenCalled())
  })
})

describe('S15: a value that no longer decrypts', () => {
  it('is removed alone, reported once with a redacted reason, then absent', async () => {
    const first = setup()
    await first.vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' })
    await first.vault.seal('clientSecret', 'cs-value-123')
    first.store.set(envelopeKey('refreshToken'), {
      ...storedEnvelope(first.store, 'refreshToken'),
      ciphertext: Buffer.from('garbage from another machine').toString('base64'),
    })
    const second = setup({ store: first.store, cipher: first.cipher })
    const dropped = vi.fn()
    second.vault.onDidDropSecret(dropped)

    const error = await rejection(second.vault.open('refreshToken'))
    expect(error.code).toBe('VAULT_DECRYPT_FAILED')
    expect(error.message).toContain('the OS could not decrypt it')
    expect(error.action).toBe('Sign in again.')
    expect(dropped).toHaveBeenCalledWith({
      name: 'refreshToken',
      reason: 'the OS could not decrypt it',
    })
    expect(second.store.data.has(envelopeKey('refreshToken'))).toBe(false)
    await expect(second.vault.open('refreshToken')).resolves.toBeUndefined()
    await expect(second.vault.open('clientSecret')).resolves.toBe('cs-value-123')
    expect(second.logText()).toContain('Removed a sealed value that no longer opens')
    expect(second.logText()).not.toContain(TOKEN)
    expect(dropped).toHaveBeenCalledTimes(1)
  })

  it('explains a switched Linux backend', async () => {
    const first = setup({ backend: 'kwallet5' })
    await first.vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' })
    first.cipher.setBackend('gnome_libsecret')
    first.cipher.resetKeys()
    const second = setup({ store: first.store, cipher: first.cipher })
    const error = await rejection(second.vault.open('refreshToken'))
    expect(error.message).toContain('it was sealed under kwallet5, now gnome_libsecret')
  })

  it('explains a renamed app', async () => {
    const first = setup({ overrides: { appIdentity: 'Electron' } })
    await first.vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' })
    first.cipher.resetKeys()
    const second = setup({ store: first.store, cipher: first.cipher })
    const error = await rejection(second.vault.open('refreshToken'))
    expect(error.message).toContain('it was sealed by "Electron", this app is "mpath Desktop"')
  })

  it('moves a value that still opens to the new backend and identity', async () => {
    const first = setup({ backend: 'kwallet5', overrides: { appIdentity: 'Electron' } })
    await first.vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' })
    first.cipher.setBackend('kwallet6')
    const second = setup({ store: first.store, cipher: first.cipher })
    await expect(second.vault.open('refreshToken')).resolves.toBe(TOKEN)
    expect(storedEnvelope(first.store, 'refreshToken')).toMatchObject({
      backend: 'kwallet6',
      appIdentity: 'mpath Desktop',
    })
  })

  it.each([
    ['plain text left by an old build', TOKEN, 'the stored value is not a sealed envelope'],
    ['a newer format', { format: 2 }, 'it was sealed in format 2 by a newer version'],
    [
      'damaged base64',
      { format: 1, backend: 'keychain', appIdentity: 'a', sealedAt: 'x', ciphertext: '%%%' },
      'the stored envelope is damaged',
    ],
  ])('drops %s without echoing it', async (_label, stored, reason) => {
    const { vault, store, cipher, logText } = setup({ store: memoryKeyValueStore() })
    store.set(envelopeKey('refreshToken'), stored)
    const error = await rejection(vault.open('refreshToken'))
    expect(error.code).toBe('VAULT_DECRYPT_FAILED')
    expect(error.message).toContain(reason)
    expect(error.message).not.toContain(TOKEN)
    expect(logText()).not.toContain(TOKEN)
    expect(store.data.size).toBe(0)
    expect(cipher.calls.decrypt).toBe(0)
  })
})

describe('S14: the basic_text backend is weak and said to be', () => {
  it('keeps the refresh token in memory only and reports it honestly', async () => {
    const { vault, store } = setup({ backend: 'basic_text' })
    const status = await vault.status()
    expect(status).toMatchObject({ backend: 'basic_text', strength: 'weak', persistent: false })
    expect(status.reason).toContain('basic_text')
    expect(status.reason).toContain('--password-store=gnome-libsecret')
    await expect(
      vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' }),
    ).resolves.toEqual({
      persisted: false,
    })
    expect(store.data.size).toBe(0)
    await expect(vault.open('refreshToken')).resolves.toBe(TOKEN)
  })

  it('persists it when the person opted in, but never cached personal data', async () => {
    const { vault, store, allowWeak } = setup({ backend: 'basic_text' })
    allowWeak.value = true
    await expect(vault.status()).resolves.toMatchObject({ strength: 'weak', persistent: true })
    await expect(
      vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' }),
    ).resolves.toEqual({
      persisted: true,
    })
    await expect(vault.seal('cacheKey', 'k', { sensitivity: 'cache' })).resolves.toEqual({
      persisted: false,
    })
    expect([...store.data.keys()]).toEqual([envelopeKey('refreshToken')])
  })

  it('removes a persisted copy once the person withdraws consent', async () => {
    const { vault, store, allowWeak } = setup({ backend: 'basic_text' })
    allowWeak.value = true
    await vault.seal('refreshToken', 'older-token-1', { sensitivity: 'refresh-token' })
    allowWeak.value = false
    await vault.seal('refreshToken', 'newer-token-2', { sensitivity: 'refresh-token' })
    expect(store.data.size).toBe(0)
  })
})

describe('S12: no keyring at all', () => {
  it('keeps the sign-in for this session only and says how to fix it', async () => {
    const { vault, store, cipher } = setup({ backend: 'basic_text', available: false })
    const status = await vault.status()
    expect(status).toMatchObject({ strength: 'none', persistent: false })
    expect(status.reason).toContain('--password-store=gnome-libsecret')
    await expect(
      vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' }),
    ).resolves.toEqual({
      persisted: false,
    })
    await expect(vault.seal('clientSecret', 'cs-value-123')).resolves.toEqual({ persisted: false })
    await expect(vault.open('refreshToken')).resolves.toBe(TOKEN)
    expect(store.data.size).toBe(0)
    expect(cipher.calls.encrypt).toBe(0)
  })

  it('gives platform advice on macOS and Windows', async () => {
    const mac = setup({ backend: 'keychain', available: false, overrides: { platform: 'darwin' } })
    expect((await mac.vault.status()).reason).toContain('Keychain')
    const windows = setup({ backend: 'dpapi', available: false, overrides: { platform: 'win32' } })
    expect((await windows.vault.status()).reason).toContain('Windows')
  })

  it('treats a cipher that throws on availability as none', async () => {
    const inner = createTestCipher({ backend: 'keychain' })
    const cipher = Object.assign(Object.create(inner) as TestCipher, {
      isAvailable: async () => {
        throw new Error('keyring daemon crashed')
      },
    })
    await expect(setup({ cipher }).vault.status()).resolves.toMatchObject({ strength: 'none' })
  })

  it('keeps a sealed value for a later session when the keyring is only missing now', async () => {
    const first = setup()
    await first.vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' })
    first.cipher.setAvailable(false)
    const second = setup({ store: first.store, cipher: first.cipher })
    const error = await rejection(second.vault.open('refreshToken'))
    expect(error.code).toBe('VAULT_UNAVAILABLE')
    expect(error.action).toContain('--password-store=gnome-libsecret')
    expect(first.store.data.has(envelopeKey('refreshToken'))).toBe(true)
  })
})

describe('S13: encryption throws', () => {
  it('keeps values in memory, removes the stale blob, and reports none', async () => {
    const { vault, store, cipher, logText } = setup()
    await vault.seal('refreshToken', 'older-token-1', { sensitivity: 'refresh-token' })
    cipher.setEncryptFails(true)
    await expect(
      vault.seal('refreshToken', TOKEN, { sensitivity: 'refresh-token' }),
    ).resolves.toEqual({
      persisted: false,
    })
    expect(store.data.size).toBe(0)
    await expect(vault.open('refreshToken')).resolves.toBe(TOKEN)
    const status = await vault.status()
    expect(status).toMatchObject({ strength: 'none', persistent: false })
    expect(status.reason).toBeTruthy()
    expect(logText()).toContain('Encryption failed')
    expect(logText()).not.toContain(TOKEN)
  })
})

describe('the test cipher', () => {
  it('is refused in production before anything runs', () => {
    const cipher = createTestCipher()
    let error: unknown

    try {
      setup({ cipher, overrides: { isProduction: true } })
    } catch (caught) {
      error = caught
    }

    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('VAULT_TEST_CIPHER_REFUSED')
    expect(cipher.calls).toEqual({ isAvailable: 0, backend: 0, encrypt: 0, decrypt: 0 })
  })

  it('is refused in production when any cipher claims the test backend', async () => {
    const cipher: Cipher = {
      isAvailable: async () => true,
      backend: () => 'test',
      encrypt: async () => new Uint8Array(),
      decrypt: async () => ({ plainText: '', shouldReEncrypt: false }),
    }
    const { vault } = setup({
      cipher: cipher as TestCipher,
      overrides: { isProduction: true },
    })
    expect((await rejection(vault.seal('refreshToken', TOKEN))).code).toBe(
      'VAULT_TEST_CIPHER_REFUSED',
    )
  })

  it('writes nothing in development and says so', async () => {
    const { vault, store, allowWeak } = setup({ backend: 'test' })
    allowWeak.value = true
    const status = await vault.status()
    expect(status).toMatchObject({ backend: 'test', strength: 'weak', persistent: false })
    expect(status.reason).toContain('test cipher')
    await expect(vault.seal('clientSecret', 'cs-value-123')).resolves.toEqual({ persisted: false })
    expect(store.data.size).toBe(0)
  })
})
