import { join } from 'node:path'

import type { Dialog } from 'electron'

import type { Logger } from '../log/logger'

/** Whether updates run, and from where. */
export type UpdateDecision =
  | { isEnabled: true; feedUrl?: string }
  | { isEnabled: false; reason: string }

/** What decides whether updates run. */
export interface UpdateInput {
  isPackaged: boolean
  env: Readonly<Record<string, string | undefined>>
  /** `process.resourcesPath`, where electron-builder writes `app-update.yml`. */
  resourcesPath: string | undefined
  fileExists: (path: string) => boolean
}

/** The part of electron-updater's `autoUpdater` used here. */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<unknown>
  quitAndInstall(): void
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

/**
 * Updates run only in an installed build with a feed: `MPATH_UPDATE_URL` (https) or the
 * `app-update.yml` electron-builder writes when a publish target is configured. Never in
 * development; `MPATH_UPDATES=off` turns them off.
 */
export function decideUpdates(input: UpdateInput): UpdateDecision {
  if (!input.isPackaged) {
    return { isEnabled: false, reason: 'development build' }
  }

  if (input.env.MPATH_UPDATES === 'off') {
    return { isEnabled: false, reason: 'turned off with MPATH_UPDATES=off' }
  }

  const feedUrl = input.env.MPATH_UPDATE_URL

  if (feedUrl !== undefined && feedUrl !== '') {
    return /^https:\/\//i.test(feedUrl)
      ? { isEnabled: true, feedUrl }
      : { isEnabled: false, reason: 'MPATH_UPDATE_URL is not an https address' }
  }

  if (
    input.resourcesPath !== undefined &&
    input.fileExists(join(input.resourcesPath, 'app-update.yml'))
  ) {
    return { isEnabled: true }
  }

  return { isEnabled: false, reason: 'no update feed is configured' }
}

/** Options of {@link startUpdates}. */
export interface StartUpdatesOptions {
  decision: UpdateDecision
  /** Loads electron-updater; called only when updates are on, so nothing else loads it. */
  loadUpdater: () => Promise<Updater>
  /** Asks the person whether to restart now for `version`; false means later. */
  askToRestart: (version: string) => Promise<boolean>
  logger: Logger
}

/**
 * Checks for an update in the background and downloads it; once downloaded, the person chooses
 * to restart now or later (it installs when they next quit).
 */
export async function startUpdates(options: StartUpdatesOptions): Promise<Updater | undefined> {
  const log = options.logger.child('updates')
  const { decision } = options

  if (!decision.isEnabled) {
    log.info('Updates are off', { reason: decision.reason })

    return undefined
  }

  const updater = await options.loadUpdater()
  updater.autoDownload = true
  updater.autoInstallOnAppQuit = true

  if (decision.feedUrl !== undefined) {
    updater.setFeedURL({ provider: 'generic', url: decision.feedUrl })
  }

  updater.on('error', (error) => log.warn('An update check failed', { error }))
  updater.on('update-downloaded', (info) => {
    log.info('An update is ready', { version: info.version })
    options
      .askToRestart(info.version)
      .then((isNow) => {
        if (isNow) {
          updater.quitAndInstall()
        }
      })
      .catch((error: unknown) => log.warn('Could not ask about the update', { error }))
  })

  try {
    await updater.checkForUpdates()
  } catch (error) {
    log.warn('An update check failed', { error })
  }

  return updater
}

/** Asks with a dialog whether to restart now for the downloaded update. */
export async function askToRestartWithDialog(
  dialog: Pick<Dialog, 'showMessageBox'>,
  version: string,
): Promise<boolean> {
  const answer = await dialog.showMessageBox({
    type: 'info',
    title: 'Update ready',
    message: `mpath Desktop ${version} is ready to install.`,
    detail: 'Restart now to use it, or later: it installs when you next quit.',
    buttons: ['Restart now', 'Later'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  })

  return answer.response === 0
}
