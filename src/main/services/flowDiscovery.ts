import { AppError } from '../../shared/errors/appError'
import type { AuthServer } from '../auth/types'
import type { ProfileController } from './profileController'

/**
 * Resolves the authorization server for a sign-in: the current profile's, asking for its
 * scopes plus `extraScopes` (those of editing and of a step-up request).
 */
export function createFlowDiscovery(options: {
  profiles: Pick<ProfileController, 'current' | 'discover'>
  extraScopes: () => readonly string[]
}): () => Promise<AuthServer> {
  const { profiles } = options

  return async () => {
    const profile = profiles.current()

    if (profile === undefined) {
      throw new AppError('PROFILE_MISSING', 'mpath Desktop is not connected to an organization.', {
        action: 'Enter the connection values your administrator gave you.',
      })
    }

    const server = await profiles.discover(profile)
    const scopes = [...new Set([...profile.scopes, ...options.extraScopes()])]

    return { ...server, profile: { ...server.profile, scopes } }
  }
}
