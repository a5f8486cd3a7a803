import { describe, expect, it } from 'vitest'

import { DEFAULT_SETTINGS } from '../../shared/settings/appSettings'
import { createTestLogger } from '../log/testing/testLogger'
import { memoryKeyValueStore } from '../platform/testing/memoryKeyValueStore'
import { createSettingsService, SETTINGS_KEY } from './settingsService'

describe('createSettingsService', () => {
  it('starts from the defaults and persists a change, announcing it once', () => {
    const store = memoryKeyValueStore()
    const settings = createSettingsService({ store, logger: createTestLogger().logger })
    const heard: unknown[] = []
    settings.onDidChange((value) => heard.push(value))

    expect(settings.get()).toEqual(DEFAULT_SETTINGS)
    const next = settings.update({ theme: 'dark', editingEnabled: true })
    settings.update({ theme: 'dark' })

    expect(next).toMatchObject({ theme: 'dark', editingEnabled: true })
    expect(store.get(SETTINGS_KEY)).toEqual(next)
    expect(heard).toEqual([next])
    expect(createSettingsService({ store, logger: createTestLogger().logger }).get()).toEqual(next)
  })

  it('keeps valid stored fields and resets only the broken ones', () => {
    const store = memoryKeyValueStore({
      [SETTINGS_KEY]: { theme: 'neon', trayEnabled: false, extra: 1 },
    })
    const { logger, entries } = createTestLogger()
    const settings = createSettingsService({ store, logger })

    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, trayEnabled: false })
    expect(entries.some((entry) => entry.message.includes('not valid'))).toBe(true)
  })

  it('refuses an invalid change without saving it', () => {
    const store = memoryKeyValueStore()
    const settings = createSettingsService({ store, logger: createTestLogger().logger })
    expect(() => settings.update({ theme: 'neon' as never })).toThrow()
    expect(store.get(SETTINGS_KEY)).toBeUndefined()
  })
})
