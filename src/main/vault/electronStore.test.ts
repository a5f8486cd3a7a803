import { describe, expect, it } from 'vitest'

import { createElectronKeyValueStore, type ElectronStoreLike } from './electronStore'

describe('createElectronKeyValueStore', () => {
  it('forwards get, set and delete to the store', () => {
    const data = new Map<string, unknown>()
    const store: ElectronStoreLike = {
      get: (key) => data.get(key),
      set: (key, value) => void data.set(key, value),
      delete: (key) => void data.delete(key),
    }
    const port = createElectronKeyValueStore(store)
    port.set('vault.refreshToken', { format: 1 })
    expect(port.get('vault.refreshToken')).toEqual({ format: 1 })
    port.delete('vault.refreshToken')
    expect(port.get('vault.refreshToken')).toBeUndefined()
  })
})
