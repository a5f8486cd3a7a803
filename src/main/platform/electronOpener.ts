import type { Shell } from 'electron'

import { AppError } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import { redactUrl } from '../log/redact'
import type { ExternalOpener } from './ports'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost'])
const MAX_EXTERNAL_URL_LENGTH = 8192

/**
 * True for what may be handed to the system browser: https anywhere, plain http only on this
 * computer (the local sandbox), no user name or password. Never `file:`, custom schemes or
 * anything the OS would run.
 */
export function isOpenableExternally(url: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) {
    return false
  }

  let parsed: URL

  try {
    parsed = new URL(url)
  } catch (_error) {
    return false
  }

  if (parsed.username !== '' || parsed.password !== '') {
    return false
  }

  return (
    parsed.protocol === 'https:' ||
    (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname))
  )
}

/**
 * Binds Electron's `shell.openExternal` to the opener port, checking every URL first: it is the
 * one way the app starts another program, so nothing else gets through it.
 */
export function createElectronOpener(
  shell: Pick<Shell, 'openExternal'>,
  logger: Logger,
): ExternalOpener {
  const log = logger.child('opener')

  return {
    async openExternal(url) {
      if (!isOpenableExternally(url)) {
        log.warn('Refused to open an address in the browser', { url: redactUrl(String(url)) })

        throw new AppError(
          'INSECURE_URL',
          'mpath Desktop opens only https addresses in the browser.',
          {
            action: 'Check the address, or open it in your browser yourself.',
          },
        )
      }

      await shell.openExternal(url, { activate: true })
    },
  }
}
