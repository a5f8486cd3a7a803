import type { WebPreferences } from 'electron'

/**
 * The web preferences of every app window. Security-sensitive: each flag closes a way from a
 * compromised page to Node or to the OS; re-check Electron's security checklist before changing
 * any of them.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // A middle click would otherwise open a link as a new window without a click event.
    disableBlinkFeatures: 'Auxclick',
  }
}
