import { describe, expect, it, vi } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { createElectronCipher } from './electronCipher'
import { createElectronFetch } from './electronFetch'
import { createElectronOpener, isOpenableExternally } from './electronOpener'

describe('createElectronOpener', () => {
  it.each([
    ['https://clerk.example.com/oauth/authorize?x=1', true],
    ['http://127.0.0.1:7071/oauth/authorize', true],
    ['http://localhost:7071/', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['mpath://tasks/t1', false],
    ['javascript:alert(1)', false],
    ['smb://host/share', false],
    ['https://u:p@example.com/', false],
    ['not a url', false],
  ])('%s → %s', (url, isAllowed) => {
    expect(isOpenableExternally(url)).toBe(isAllowed)
  })

  it('opens only checked URLs', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) }
    const opener = createElectronOpener(shell, createTestLogger().logger)
    await opener.openExternal('https://www.mpath.dev/')
    await expect(opener.openExternal('file:///bin/sh')).rejects.toMatchObject({
      code: 'INSECURE_URL',
    })
    expect(shell.openExternal).toHaveBeenCalledTimes(1)
  })
})

describe('createElectronCipher', () => {
  it('touches safeStorage only after ready (S16)', async () => {
    const safeStorage = {
      isAsyncEncryptionAvailable: vi.fn(async () => true),
      encryptStringAsync: vi.fn(async () => Buffer.from('x')),
      decryptStringAsync: vi.fn(async () => ({ shouldReEncrypt: false, result: 'x' })),
    }
    let isReady = false
    const cipher = createElectronCipher(safeStorage, 'darwin', () => isReady)

    await expect(cipher.isAvailable()).rejects.toMatchObject({ code: 'VAULT_NOT_READY' })
    await expect(cipher.encrypt('secret')).rejects.toMatchObject({ code: 'VAULT_NOT_READY' })
    await expect(cipher.decrypt(new Uint8Array())).rejects.toMatchObject({
      code: 'VAULT_NOT_READY',
    })
    expect(() => cipher.backend()).toThrow(/before mpath Desktop was ready/)
    expect(safeStorage.isAsyncEncryptionAvailable).not.toHaveBeenCalled()
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled()

    isReady = true
    await expect(cipher.isAvailable()).resolves.toBe(true)
    expect(cipher.backend()).toBe('keychain')
  })
})

describe('createElectronFetch', () => {
  it('sends every request through net.fetch', async () => {
    const net = { fetch: vi.fn(async () => new Response('ok')) }
    const fetchPort = createElectronFetch(net)
    await fetchPort(new URL('https://www.mpath.dev/api'), { method: 'GET' })
    expect(net.fetch).toHaveBeenCalledWith('https://www.mpath.dev/api', { method: 'GET' })
  })
})
