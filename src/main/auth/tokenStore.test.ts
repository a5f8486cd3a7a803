import { describe, expect, it } from 'vitest'

import { createTestVault } from '../vault/testing/testVault'
import { createTokenStore, SESSION_VAULT_NAME } from './tokenStore'

const SESSION = {
  refreshToken: 'rt-secret-value',
  issuer: 'https://auth.test',
  clientId: 'desktop-client',
  scopes: ['openid', 'offline_access'],
  user: { subject: 'user_1', name: 'Ada Lovelace', email: null },
}

describe('createTokenStore', () => {
  it('seals the record and reads it back in a new process, never in clear', async () => {
    const { vault, store, cipher } = createTestVault()
    await expect(createTokenStore(vault, () => 0).save(SESSION)).resolves.toEqual({
      persisted: true,
    })

    expect(JSON.stringify([...store.data])).not.toContain('rt-secret-value')
    const reopened = createTokenStore(createTestVault(store, cipher).vault, () => 0)
    await expect(reopened.load()).resolves.toEqual(SESSION)
  })

  it('removes a record it cannot parse and reports it as unreadable', async () => {
    const { vault } = createTestVault()
    await vault.seal(SESSION_VAULT_NAME, '{"version":1}', { sensitivity: 'refresh-token' })
    const tokens = createTokenStore(vault, () => 0)

    await expect(tokens.load()).rejects.toMatchObject({ code: 'VAULT_DECRYPT_FAILED' })
    await expect(tokens.load()).resolves.toBeUndefined()
  })

  it('clears the record', async () => {
    const { vault, store } = createTestVault()
    const tokens = createTokenStore(vault, () => 0)
    await tokens.save(SESSION)
    await tokens.clear()

    expect(store.data.size).toBe(0)
    await expect(tokens.load()).resolves.toBeUndefined()
  })
})
