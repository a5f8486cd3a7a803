import type { AboutPanelOptionsOptions, Dialog } from 'electron'

import { APP_NAME } from './appIdentity'

/** What the About box shows. */
export interface AboutFacts {
  version: string
  /** `process.versions`: Electron, Chrome and Node. */
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>
}

const WEBSITE = 'https://www.mpath.dev'
const COPYRIGHT = `© ${APP_NAME} contributors`

/** The options of macOS's standard About panel (`app.setAboutPanelOptions`). */
export function aboutPanelOptions(facts: AboutFacts): AboutPanelOptionsOptions {
  return {
    applicationName: APP_NAME,
    applicationVersion: facts.version,
    copyright: COPYRIGHT,
    website: WEBSITE,
    credits: runtimeLine(facts),
  }
}

function runtimeLine(facts: AboutFacts): string {
  const { electron, chrome, node } = facts.versions

  return `Electron ${electron ?? '?'}, Chromium ${chrome ?? '?'}, Node.js ${node ?? '?'}`
}

/** The About box of Windows and Linux: a plain dialog with the same facts. */
export async function showAboutDialog(
  dialog: Pick<Dialog, 'showMessageBox'>,
  facts: AboutFacts,
): Promise<void> {
  await dialog.showMessageBox({
    type: 'info',
    title: `About ${APP_NAME}`,
    message: `${APP_NAME} ${facts.version}`,
    detail: `${runtimeLine(facts)}\n${WEBSITE}\n${COPYRIGHT}`,
    buttons: ['OK'],
    noLink: true,
  })
}
