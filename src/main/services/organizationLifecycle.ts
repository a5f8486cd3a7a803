import type { ConnectionProfile } from '../../shared/connection/profile'
import type { AuthorizationFlow } from '../auth/authorizationFlow'
import type { Session } from '../auth/session'
import type { Sync } from '../sync/sync'
import type { ProfileController } from './profileController'

/** Forgetting the organization, and noticing when the saved one is replaced by another. */
export interface OrganizationLifecycle {
  /** Ends any sign-in, signs out, clears the cache, then forgets the profile. */
  forget(): Promise<void>
  /** Takes the organization loaded at start as the current one, without signing out. */
  remember(profile: ConnectionProfile | undefined): void
  /** Follows a profile change; another organization signs out and clears the cache. */
  followProfile(profile: ConnectionProfile | undefined): void
}

const organizationOf = (profile: ConnectionProfile | undefined): string =>
  profile === undefined ? '' : `${profile.issuer} ${profile.clientId} ${profile.apiUrl}`

/** Creates the lifecycle; `onDidSwitch` drops whatever belongs to the previous organization. */
export function createOrganizationLifecycle(options: {
  flow: Pick<AuthorizationFlow, 'cancel'>
  session: Pick<Session, 'signOut'>
  sync: Pick<Sync, 'clear'>
  profiles: Pick<ProfileController, 'forget'>
  onDidSwitch: () => void
}): OrganizationLifecycle {
  const { flow, session, sync, profiles } = options
  let organization = ''

  return {
    async forget() {
      flow.cancel()
      await session.signOut()
      await sync.clear()
      await profiles.forget()
    },
    remember(profile) {
      organization = organizationOf(profile)
    },
    followProfile(profile) {
      const identity = organizationOf(profile)

      // Another organization: the session and the cache belong to the previous one.
      if (identity !== organization) {
        options.onDidSwitch()
        void session.signOut().then(() => sync.clear())
      }

      organization = identity
    },
  }
}
