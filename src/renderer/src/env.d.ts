import type { MpathApi } from '../../shared/ipc/bridgeApi'

declare global {
  interface Window {
    /** The narrow bridge to main; see src/shared/ipc/contract.ts. */
    mpath: MpathApi
  }
}
