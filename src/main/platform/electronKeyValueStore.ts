import Store from 'electron-store'

import { createElectronKeyValueStore } from '../vault/electronStore'
import type { KeyValueStore } from './ports'

/**
 * Opens the app's settings file (`config.json` in the user-data folder) as the key-value port.
 * Call after the app's name is pinned: the name decides the folder.
 */
export function openElectronKeyValueStore(): KeyValueStore {
  return createElectronKeyValueStore(new Store())
}
