import type { BrowserWindow, RenderProcessGoneDetails, WebContents } from 'electron'

import type { Logger } from '../log/logger'
import { redactUrl } from '../log/redact'
import type { ExternalOpener } from '../platform/ports'
import { decideNavigation, type NavigationPolicy } from './navigationPolicy'

/** What the guards of a window need. */
export interface HardeningOptions {
  policy: NavigationPolicy
  /** Opens allowed external links in the system browser (it checks the URL again). */
  opener: ExternalOpener
  logger: Logger
}

/** Options of {@link hardenWindow}. */
export interface WindowHardeningOptions extends HardeningOptions {
  /** The window's renderer died (not a clean exit): offer a reload. */
  onRendererGone?: (details: RenderProcessGoneDetails) => void
}

/**
 * Guards one webContents. Security-sensitive: these handlers are what keeps a compromised or
 * confused page from leaving the app's own pages; re-check `decideNavigation` and each event
 * below before changing them.
 *
 * - `will-navigate`: the app's own pages only; an external https link opens in the system
 *   browser instead, anything else is refused.
 * - `will-redirect`: the app's own pages only; a redirect elsewhere is refused outright.
 * - new windows: always denied; an external https link goes to the system browser.
 * - `<webview>`: never attached.
 */
export function hardenWebContents(contents: WebContents, options: HardeningOptions): void {
  const log = options.logger.child('windows')

  const openInBrowser = (url: string) => {
    options.opener.openExternal(url).catch((error: unknown) => {
      log.warn('Could not open a link in the browser', { url: redactUrl(url), error })
    })
  }

  const guard = (
    event: { preventDefault(): void },
    url: string,
    kind: 'navigate' | 'redirect' | 'window',
  ) => {
    const decision = decideNavigation(url, options.policy)

    if (decision.action === 'allow' && kind !== 'window') {
      return
    }

    event.preventDefault()

    if (decision.action === 'open-external' && kind !== 'redirect') {
      openInBrowser(decision.url)

      return
    }

    const reason = decision.action === 'deny' ? decision.reason : `a ${kind} is never followed`
    log.warn('Blocked a page from leaving the app', { kind, reason, url: redactUrl(url) })
  }

  contents.on('will-navigate', (event) => guard(event, event.url, 'navigate'))
  contents.on('will-redirect', (event) => guard(event, event.url, 'redirect'))
  contents.setWindowOpenHandler(({ url }) => {
    guard({ preventDefault: () => undefined }, url, 'window')

    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('Refused to attach a <webview>')
  })
}

/**
 * Hardens an app window: the guards of {@link hardenWebContents}, and a crash handler that
 * offers a reload when the renderer dies.
 */
export function hardenWindow(window: BrowserWindow, options: WindowHardeningOptions): void {
  hardenWebContents(window.webContents, options)
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') {
      return
    }

    options.logger
      .child('windows')
      .error('The window stopped', { reason: details.reason, exitCode: details.exitCode })
    options.onRendererGone?.(details)
  })
}
