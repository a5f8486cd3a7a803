import {
  appSettingsSchema,
  DEFAULT_SETTINGS,
  type AppSettings,
} from '../../shared/settings/appSettings'
import type { Logger } from '../log/logger'
import type { KeyValueStore } from '../platform/ports'

/** The store key of the person's settings. */
export const SETTINGS_KEY = 'app.settings'

/** The person's preferences: read, changed in part, and announced on change. */
export interface SettingsService {
  get(): AppSettings
  /** Applies a validated partial change, saves it and tells listeners; returns the whole. */
  update(change: Partial<AppSettings>): AppSettings
  onDidChange(listener: (settings: AppSettings) => void): () => void
}

/**
 * Reads what is stored field by field: a field that is missing or no longer valid (an older
 * or hand-edited file) falls back to its default alone, and the rest is kept.
 */
function readStored(stored: unknown, logger: Logger): AppSettings {
  if (stored === undefined) {
    return { ...DEFAULT_SETTINGS }
  }

  const source =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
  const settings: Record<string, unknown> = {}
  const dropped: string[] = []

  for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    const field = appSettingsSchema.shape[key as keyof AppSettings]
    const parsed = field.safeParse(source[key])

    if (parsed.success) {
      settings[key] = parsed.data
    } else {
      settings[key] = fallback

      if (key in source) {
        dropped.push(key)
      }
    }
  }

  if (dropped.length > 0 || source !== stored) {
    logger.warn('Reset settings that were not valid to their defaults', { fields: dropped })
  }

  return settings as AppSettings
}

/** Builds the {@link SettingsService} over the key-value store. */
export function createSettingsService(options: {
  store: KeyValueStore
  logger: Logger
}): SettingsService {
  const log = options.logger.child('settings')
  let current = readStored(options.store.get(SETTINGS_KEY), log)
  const listeners = new Set<(settings: AppSettings) => void>()

  return {
    get: () => ({ ...current }),
    update(change) {
      // A field sent as undefined (allowed by the partial schema) means "unchanged".
      const defined = Object.fromEntries(
        Object.entries(change).filter(([, value]) => value !== undefined),
      )
      const next = appSettingsSchema.parse({ ...current, ...defined })
      const changed = (Object.keys(next) as (keyof AppSettings)[]).filter(
        (key) => next[key] !== current[key],
      )

      if (changed.length === 0) {
        return { ...current }
      }

      current = next
      options.store.set(SETTINGS_KEY, current)
      log.info('Settings changed', { fields: changed })

      for (const listener of [...listeners]) {
        try {
          listener({ ...current })
        } catch (error) {
          log.error('A settings listener failed', { error })
        }
      }

      return { ...current }
    },
    onDidChange(listener) {
      listeners.add(listener)

      return () => {
        listeners.delete(listener)
      }
    },
  }
}
