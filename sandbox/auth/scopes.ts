import type { SandboxAccount } from '../types'

/** The OpenID Connect scopes Clerk offers. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const

/** The mpath scopes of its published API guide; enforcement is the API's job. */
export const MPATH_SCOPES = [
  'read:people',
  'write:people',
  'read:tasks',
  'write:tasks',
  'read:initiatives',
  'write:initiatives',
  'read:meetings',
  'write:meetings',
  'admin',
] as const

/** Every scope the sandbox knows; anything else is `invalid_scope`. */
export const ALL_SCOPES: readonly string[] = [...OIDC_SCOPES, ...MPATH_SCOPES]

/** The scope only organization admins receive; others have it silently dropped. */
export const ADMIN_SCOPE = 'admin'

/** Which userinfo and ID token claims each scope releases. */
export const CLAIMS_BY_SCOPE: Record<string, string[]> = {
  openid: ['sub', 'user_id', 'object', 'instance_id'],
  email: ['email', 'email_verified'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username'],
}

const SCOPE_DESCRIPTIONS: Record<string, string> = {
  openid: 'Confirm who you are',
  profile: 'See your name',
  email: 'See your email address',
  offline_access: 'Stay signed in when you are away',
  'read:people': 'See people and teams',
  'write:people': 'Change people and teams',
  'read:tasks': 'See tasks and task reminders',
  'write:tasks': 'Create and change tasks',
  'read:initiatives': 'See initiatives and objectives',
  'write:initiatives': 'Change initiatives and objectives',
  'read:meetings': 'See one-on-ones',
  'write:meetings': 'Change one-on-ones',
  admin: 'Administer the organization',
}

/** A sentence a person can read on the consent page. */
export function describeScope(scope: string): string {
  return SCOPE_DESCRIPTIONS[scope] ?? scope
}

/** The requested scopes that are not known to the sandbox at all. */
export function findUnknownScopes(scope: string | undefined): string[] {
  const requested = scope?.split(' ').filter(Boolean) ?? []

  return requested.filter((name) => !ALL_SCOPES.includes(name))
}

/** Whether the account may receive the given scope. */
export function isScopeAllowedFor(account: SandboxAccount, scope: string): boolean {
  return scope !== ADMIN_SCOPE || account.orgRole === 'admin'
}
