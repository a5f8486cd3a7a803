import type { InvokeHandlers } from '../ipc/dispatch'
import type { TrayService } from './trayService'

/** The tray's request channels. */
export type TrayChannelName =
  | 'tray:get-summary'
  | 'tray:open-task'
  | 'tray:open-app'
  | 'tray:sign-in'

/** Maps the tray's channels of the contract to the {@link TrayService}. */
export function createTrayHandlers(tray: TrayService): Pick<InvokeHandlers, TrayChannelName> {
  return {
    'tray:get-summary': async () => tray.summary(),
    'tray:open-task': async (request) => tray.openTask(request.id),
    'tray:open-app': async () => tray.openApp(),
    'tray:sign-in': () => tray.signIn(),
  }
}
