import type { Net } from 'electron'

import type { FetchPort } from './ports'

/**
 * Binds Electron's `net.fetch` to the fetch port: it goes through Chromium's network stack, so
 * it honours the system proxy and the OS certificate store (corporate networks).
 */
export function createElectronFetch(net: Pick<Net, 'fetch'>): FetchPort {
  return (input, init) => net.fetch(input instanceof URL ? input.href : input, init)
}
