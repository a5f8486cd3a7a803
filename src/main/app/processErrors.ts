import type { Logger } from '../log/logger'
import { redactText } from '../log/redact'

/** What the handlers need. */
export interface ProcessErrorOptions {
  process: {
    on(
      event: 'uncaughtException' | 'unhandledRejection',
      listener: (error: unknown) => void,
    ): unknown
  }
  logger: Logger
  /** Electron's `dialog.showErrorBox`. */
  showError: (title: string, content: string) => void
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)

  return redactText(message).slice(0, 400)
}

/**
 * The main process's last line: an uncaught exception or unhandled rejection is logged (the
 * logger redacts it) and shown to the person once — a burst of the same failure would
 * otherwise stack dialogs. The app keeps running; the log has the details.
 */
export function installProcessErrorHandlers(options: ProcessErrorOptions): void {
  const log = options.logger.child('process')
  let isShown = false

  const handle = (kind: string, error: unknown) => {
    log.error(`${kind} in the main process`, { error })

    if (isShown) {
      return
    }

    isShown = true

    try {
      options.showError(
        'mpath Desktop ran into a problem',
        `${describe(error)}\n\nThe app keeps running; if something looks wrong, restart it. ` +
          'The details are in the log file (Help ▸ Diagnostics).',
      )
    } catch (dialogError) {
      log.error('Could not show the error dialog', { error: dialogError })
    }
  }

  options.process.on('uncaughtException', (error) => handle('Uncaught exception', error))
  options.process.on('unhandledRejection', (reason) => handle('Unhandled rejection', reason))
}
