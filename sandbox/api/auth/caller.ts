import type { SandboxDatabase } from '../database'
import { newId } from '../ids'
import type { TokenIdentity } from './tokenVerifier'

/** The kinds of data a `read:` scope grants. */
export type ReadKind = 'people' | 'tasks' | 'initiatives' | 'meetings'

/** The signed-in user as mpath maps a Clerk user: User, Person, organization and role. */
export interface Caller {
  userId: string
  clerkUserId: string
  email: string | null
  name: string | null
  organizationId: string | null
  clerkOrganizationId: string | null
  personId: string | null
  role: 'admin' | 'user' | null
  isAdmin: boolean
  scopes: ReadonlySet<string>
  /** Whether results of this kind may be shown (always true when scopes are not enforced). */
  canRead(kind: ReadKind): boolean
}

interface UserRecord {
  id: string
  email: string
  name: string
  person_id: string | null
}

interface Membership {
  organization_id: string
  clerk_organization_id: string
  role: string
}

/**
 * Maps a token's Clerk user to mpath's records. An unknown Clerk user gets a User row on
 * first use (as mpath creates one), linked to an existing User with the same e-mail if any.
 * The organization is the linked Person's, else the first membership's; the role comes from
 * that membership (`org:admin` → admin).
 */
export async function resolveCaller(
  db: SandboxDatabase,
  identity: TokenIdentity,
  input: { enforceScopes: boolean },
): Promise<Caller | { error: string }> {
  const user = await findOrCreateUser(db, identity)

  if (!user) {
    return { error: 'Clerk user not found or has no email' }
  }

  const personOrganization = user.person_id
    ? (
        await db.query<{ organization_id: string }>(
          'select organization_id from person where id = $1',
          [user.person_id],
        )
      ).rows[0]?.organization_id
    : undefined
  const memberships = (
    await db.query<Membership>(
      `select m.organization_id, o.clerk_organization_id, m.role
         from organization_member m join organization o on o.id = m.organization_id
        where m.user_id = $1 order by o.id`,
      [user.id],
    )
  ).rows
  const membership = personOrganization
    ? memberships.find((candidate) => candidate.organization_id === personOrganization)
    : memberships[0]
  const organizationId = personOrganization ?? membership?.organization_id ?? null
  const clerkOrganizationId =
    membership?.clerk_organization_id ??
    (organizationId
      ? ((
          await db.query<{ clerk_organization_id: string }>(
            'select clerk_organization_id from organization where id = $1',
            [organizationId],
          )
        ).rows[0]?.clerk_organization_id ?? null)
      : null)
  const role = membership ? (membership.role === 'org:admin' ? 'admin' : 'user') : null
  const scopes = identity.scopes

  return {
    userId: user.id,
    clerkUserId: identity.clerkUserId,
    email: user.email,
    name: user.name,
    organizationId,
    clerkOrganizationId,
    personId: user.person_id,
    role,
    isAdmin: role === 'admin',
    scopes,
    canRead: (kind) => !input.enforceScopes || scopes.has(`read:${kind}`),
  }
}

async function findOrCreateUser(
  db: SandboxDatabase,
  identity: TokenIdentity,
): Promise<UserRecord | null> {
  const existing = await db.query<UserRecord>(
    'select id, email, name, person_id from app_user where clerk_user_id = $1',
    [identity.clerkUserId],
  )

  if (existing.rows[0]) {
    return existing.rows[0]
  }

  if (!identity.email) {
    return null
  }

  const email = identity.email.toLowerCase()
  const byEmail = await db.query<UserRecord>(
    `update app_user set clerk_user_id = $1, updated_at = now() where lower(email) = $2
     returning id, email, name, person_id`,
    [identity.clerkUserId, email],
  )

  if (byEmail.rows[0]) {
    return byEmail.rows[0]
  }

  const created = await db.query<UserRecord>(
    `insert into app_user (id, email, name, clerk_user_id) values ($1, $2, $3, $4)
     returning id, email, name, person_id`,
    [newId(), email, identity.name ?? email, identity.clerkUserId],
  )

  return created.rows[0] ?? null
}
