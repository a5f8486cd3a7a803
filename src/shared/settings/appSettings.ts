import { z } from 'zod'

/** The person's preferences, owned by main and mirrored in the renderer. */
export const appSettingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  trayEnabled: z.boolean(),
  notificationsEnabled: z.boolean(),
  startAtLogin: z.boolean(),
  /** Ask for `write:tasks` at the next sign-in so tasks can be edited. */
  editingEnabled: z.boolean(),
  /**
   * Keep the refresh token on disk even when the OS offers only weak storage (`basic_text`).
   * Off by default: the risk is that anyone who can read the disk can reuse the token.
   */
  allowWeakRefreshTokenStorage: z.boolean(),
})

/** Validated settings. */
export type AppSettings = z.infer<typeof appSettingsSchema>

/** Settings as they are on first run. */
export const DEFAULT_SETTINGS: AppSettings = {
  theme: 'system',
  trayEnabled: true,
  notificationsEnabled: true,
  startAtLogin: false,
  editingEnabled: false,
  allowWeakRefreshTokenStorage: false,
}
