import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

import { resetAllStores } from '../stores/testing/resetStores'
import { uninstallFakeMpath } from './fakeMpath'

// Unmounting first undoes every subscription a component made before the stores are reset.
afterEach(() => {
  cleanup()
  resetAllStores()
  uninstallFakeMpath()
})
