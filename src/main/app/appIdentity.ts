import type { App } from 'electron'

/** The product name people see; also the folder name of the app's data. */
export const APP_NAME = 'mpath Desktop'

/**
 * The reverse-domain identity: the macOS bundle id and Windows AppUserModelID (notifications
 * and task-bar grouping), the same as the installers' `appId`.
 */
export const APP_ID = 'dev.mpath.desktop'

/** The executable and package name on Linux; the installed desktop entry is named after it. */
export const LINUX_EXECUTABLE_NAME = 'mpath-desktop'

/** The desktop entry the deb package installs (`/usr/share/applications/…`). */
export const PACKAGED_DESKTOP_FILE = `${LINUX_EXECUTABLE_NAME}.desktop`

/**
 * Pins the name and identity before `ready`. The name decides the data folder and the macOS
 * keychain entry of safeStorage: set later, secrets sealed under one name would not open under
 * the other.
 */
export function pinAppIdentity(app: Pick<App, 'setName' | 'setAppUserModelId'>): void {
  app.setName(APP_NAME)
  app.setAppUserModelId(APP_ID)
}
