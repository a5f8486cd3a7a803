import type { BrowserWindow, Dialog, RenderProcessGoneDetails } from 'electron'

import type { Logger } from '../log/logger'

/** Options of {@link offerReload}. */
export interface OfferReloadOptions {
  window: Pick<BrowserWindow, 'isDestroyed' | 'reload' | 'close'>
  dialog: Pick<Dialog, 'showMessageBox'>
  details: Pick<RenderProcessGoneDetails, 'reason'>
  logger: Logger
}

const RELOAD = 0

/**
 * Asks the person whether to reload a window whose page stopped, and does what they chose. The
 * window is not reloaded without asking: a page that crashes on load would otherwise loop.
 */
export async function offerReload(options: OfferReloadOptions): Promise<'reloaded' | 'closed'> {
  const { window } = options
  const answer = await options.dialog.showMessageBox({
    type: 'error',
    title: 'mpath Desktop',
    message: 'The mpath Desktop window stopped working.',
    detail: `Reload it to continue; your sign-in is kept. (Reason: ${options.details.reason}.)`,
    buttons: ['Reload', 'Close window'],
    defaultId: RELOAD,
    cancelId: 1,
    noLink: true,
  })

  if (window.isDestroyed()) {
    return 'closed'
  }

  if (answer.response === RELOAD) {
    options.logger.child('windows').info('Reloading the window after a crash')
    window.reload()

    return 'reloaded'
  }

  window.close()

  return 'closed'
}
