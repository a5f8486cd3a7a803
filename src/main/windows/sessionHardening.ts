import type { App, Session } from 'electron'

import type { Logger } from '../log/logger'
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from './contentSecurityPolicy'

/**
 * Locks down a session. Security-sensitive: the app needs no browser permission (camera,
 * notifications through the page, clipboard reads, geolocation…), so every request and every
 * check is answered no; native notifications come from main. The CSP header repeats the
 * page's `<meta>` policy so a page served without it is still covered.
 */
export function hardenSession(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'
  >,
  logger: Logger,
  policy: string = CONTENT_SECURITY_POLICY,
): void {
  const log = logger.child('windows')

  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    log.warn('Denied a permission request', { permission })
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) })
  })
}

/**
 * Guards every webContents the app will ever create, including ones no window code knows about:
 * no `<webview>` and no new windows. Each window adds its own navigation guard.
 */
export function hardenAllWebContents(app: Pick<App, 'on'>, logger: Logger): void {
  const log = logger.child('windows')

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => {
      event.preventDefault()
      log.warn('Refused to attach a <webview>')
    })
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}
