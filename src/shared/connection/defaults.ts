// Plain constants, apart from the schema, so the window can use them without the schema library.

/** The scopes requested when the person has not chosen otherwise. */
export const DEFAULT_SCOPES = [
  'openid',
  'profile',
  'email',
  'offline_access',
  'read:people',
  'read:tasks',
  'read:initiatives',
  'read:meetings',
] as const

/** Added to the default scopes when the person turns editing on. */
export const WRITE_TASKS_SCOPE = 'write:tasks'

/** The redirect URI registered for the desktop app unless the administrator says otherwise. */
export const DEFAULT_REDIRECT_URI = 'mpath://oauth/callback'
