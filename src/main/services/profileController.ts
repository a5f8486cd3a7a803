import type { ConnectionProfile } from '../../shared/connection/profile'
import { toErrorData } from '../../shared/errors/appError'
import type { InvokeArguments } from '../../shared/ipc/contract'
import type { ConnectionTestResult, ProfileInfo } from '../../shared/ipc/views'
import { discoverServer } from '../auth/discovery'
import {
  loadProfileFromFile,
  loadProfileFromSettings,
  loadSandboxProfile,
  PROFILE_FILE_ENV,
  PROFILE_SETTINGS_KEY,
  saveProfileToSettings,
  validateProfile,
} from '../auth/profile'
import type { AuthServer } from '../auth/types'
import type { Logger } from '../log/logger'
import type { FetchPort, KeyValueStore } from '../platform/ports'
import type { Vault } from '../vault/vault'

/** The vault entry of a confidential client's secret. */
export const CLIENT_SECRET_NAME = 'client-secret'

/** Where the profile of this run came from, and where to look for one. */
export interface ProfileSources {
  /** A JSON profile file (development and tests). */
  profileFile?: string
  /** A local sandbox whose `sandbox.json` "Use the local sandbox" reads. */
  sandboxApiUrl?: string
  /** Connect to that sandbox at start when no profile is saved (`npm start`, the preview). */
  connectSandboxAtStart?: boolean
}

/** The connection profile of the app: loaded at start, saved and forgotten by the person. */
export interface ProfileController {
  /** Resolves the profile at start: a saved one, then the profile file, then the sandbox. */
  load(): Promise<void>
  current(): ConnectionProfile | undefined
  info(): ProfileInfo
  /** Discovery for `profile`, remembered until the profile changes. */
  discover(profile: ConnectionProfile): Promise<AuthServer>
  save(request: InvokeArguments<'profile:save'>): Promise<ProfileInfo>
  test(profile: ConnectionProfile): Promise<ConnectionTestResult>
  propose(apiUrl?: string): Promise<ConnectionProfile>
  forget(): Promise<void>
  /** Called when the profile changes (saved, forgotten); not when it is first loaded. */
  onDidChange(listener: (profile: ConnectionProfile | undefined) => void): () => void
}

const identityOf = (profile: ConnectionProfile | undefined): string =>
  profile === undefined ? '' : JSON.stringify([profile.issuer, profile.clientId, profile.apiUrl])

/** Builds the {@link ProfileController}. */
export function createProfileController(options: {
  store: KeyValueStore
  vault: Vault
  fetch: FetchPort
  logger: Logger
  sources: ProfileSources
}): ProfileController {
  const log = options.logger.child('profile')
  let current:
    | { profile: ConnectionProfile; source: NonNullable<ProfileInfo['source']> }
    | undefined
  let discovery: { key: string; server: Promise<AuthServer> } | undefined
  const listeners = new Set<(profile: ConnectionProfile | undefined) => void>()

  const clientSecret = { get: () => options.vault.open(CLIENT_SECRET_NAME) }

  const discover = (profile: ConnectionProfile): Promise<AuthServer> => {
    const key = JSON.stringify(profile)

    if (discovery?.key !== key) {
      const server = discoverServer(profile, {
        fetch: options.fetch,
        clientSecret,
        logger: options.logger,
      })
      // A failed discovery is not remembered: the next attempt asks again.
      server.catch(() => {
        if (discovery?.server === server) {
          discovery = undefined
        }
      })
      discovery = { key, server }
    }

    return discovery.server
  }

  const announce = (): void => {
    discovery = undefined

    for (const listener of [...listeners]) {
      try {
        listener(current?.profile)
      } catch (error) {
        log.error('A profile listener failed', { error })
      }
    }
  }

  const fromSettings = (): ConnectionProfile | undefined => {
    try {
      return loadProfileFromSettings(options.store)
    } catch (error) {
      log.warn('Ignored a saved profile that is no longer valid', { code: toErrorData(error).code })

      return undefined
    }
  }

  return {
    async load() {
      const saved = fromSettings()

      if (saved !== undefined) {
        current = { profile: saved, source: 'settings' }

        return
      }

      try {
        const loaded =
          options.sources.profileFile === undefined
            ? undefined
            : await loadProfileFromFile({ [PROFILE_FILE_ENV]: options.sources.profileFile })

        if (loaded !== undefined) {
          if (loaded.clientSecret !== undefined) {
            await options.vault.seal(CLIENT_SECRET_NAME, loaded.clientSecret, {
              sensitivity: 'secret',
            })
          }

          current = { profile: loaded.profile, source: 'environment' }

          return
        }

        if (options.sources.sandboxApiUrl !== undefined && options.sources.connectSandboxAtStart) {
          const proposed = await loadSandboxProfile(options.sources.sandboxApiUrl, options.fetch)
          current = { profile: proposed, source: 'sandbox' }
        }
      } catch (error) {
        log.warn('Could not load a connection profile', { code: toErrorData(error).code, error })
      }
    },

    current: () => current?.profile,

    info: () => ({ profile: current?.profile ?? null, source: current?.source ?? null }),

    discover,

    async save(request) {
      const secret = request.clientSecret?.trim()
      // Without a new secret, the profile keeps one only if one is already sealed.
      const hasClientSecret =
        secret === undefined
          ? request.profile.hasClientSecret && (current?.profile.hasClientSecret ?? false)
          : secret !== ''
      const profile = validateProfile({ ...request.profile, hasClientSecret })
      const changed = identityOf(profile) !== identityOf(current?.profile)

      if (secret !== undefined) {
        if (secret === '') {
          await options.vault.remove(CLIENT_SECRET_NAME)
        } else {
          await options.vault.seal(CLIENT_SECRET_NAME, secret, { sensitivity: 'secret' })
        }
      }

      saveProfileToSettings(options.store, profile)
      current = { profile, source: 'settings' }
      log.info('Saved the connection profile', { changedOrganization: changed })
      announce()

      return { profile, source: 'settings' }
    },

    async test(input) {
      try {
        const server = await discoverServer(validateProfile(input), {
          fetch: options.fetch,
          clientSecret,
          logger: options.logger,
        })

        return {
          ok: true,
          message: `Found the authorization server ${server.issuer}.`,
          supportsDeviceGrant: server.supportsDeviceGrant,
          supportsRevocation: server.supportsRevocation,
        }
      } catch (error) {
        const data = toErrorData(error)

        return {
          ok: false,
          message: data.action === undefined ? data.message : `${data.message} ${data.action}`,
          supportsDeviceGrant: false,
          supportsRevocation: false,
        }
      }
    },

    propose: (apiUrl) =>
      loadSandboxProfile(
        apiUrl ?? options.sources.sandboxApiUrl ?? 'http://127.0.0.1:7072',
        options.fetch,
      ),

    async forget() {
      options.store.delete(PROFILE_SETTINGS_KEY)
      await options.vault.remove(CLIENT_SECRET_NAME)
      current = undefined
      log.info('Forgot the connection profile')
      announce()
    },

    onDidChange(listener) {
      listeners.add(listener)

      return () => {
        listeners.delete(listener)
      }
    },
  }
}
