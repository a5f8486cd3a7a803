import type { App } from 'electron'

import type { Logger } from '../log/logger'

/**
 * Takes the single-instance lock. A second launch quits at once: Electron hands its command
 * line (and the link in it) to the first instance's `second-instance` event.
 */
export function acquireSingleInstanceLock(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit'>,
  logger: Logger,
): boolean {
  if (app.requestSingleInstanceLock()) {
    return true
  }

  logger.child('app').info('Another instance is running; handing over to it')
  app.quit()

  return false
}
