import type { ConnectionProfile } from '../../shared/connection/profile'
import type { AppInfo } from '../../shared/ipc/views'
import type { Logger } from '../log/logger'
import type { VaultStatus } from '../vault/vault'

/** What the app knows about the process it runs in. */
export type AppEnvironment = {
  appVersion: string
  platform: string
  runtime: AppInfo['runtime']
}

/** The product name, as the About box and diagnostics show it. */
export const APP_NAME = 'mpath Desktop'

/** One line naming the app, its version and where it runs, for the diagnostics report. */
export function describeApp(env: AppEnvironment): string {
  return `${APP_NAME} ${env.appVersion} (${env.platform}, ${env.runtime})`
}

/** Answers `app:get-info`: what runs, where, and whether credentials reach the disk. */
export function createAppInfo(options: {
  env: AppEnvironment
  vaultStatus: () => Promise<VaultStatus>
  profile: () => ConnectionProfile | undefined
  logger: Logger
}): () => Promise<AppInfo> {
  const { env } = options

  return async () => {
    let persistent = false

    try {
      persistent = (await options.vaultStatus()).persistent
    } catch (error) {
      options.logger.debug('Vault status unavailable for app info', { error })
    }

    const profile = options.profile()

    return {
      name: APP_NAME,
      version: env.appVersion,
      platform: env.platform,
      runtime: env.runtime,
      credentialsInMemoryOnly: env.runtime === 'preview' || !persistent,
      organization:
        profile === undefined ? null : { issuer: profile.issuer, apiUrl: profile.apiUrl },
    }
  }
}
