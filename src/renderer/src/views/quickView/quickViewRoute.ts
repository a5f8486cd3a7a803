/** The route the tray's window loads: the same page as the main window, another hash. */
export const QUICK_VIEW_ROUTE = '#/quick-view'

/** True for the quick-view's address hash. */
export function isQuickViewRoute(hash: string): boolean {
  return hash === QUICK_VIEW_ROUTE
}
