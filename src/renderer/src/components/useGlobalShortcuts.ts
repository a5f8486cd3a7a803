import { useEffect } from 'react'

import { useNavigationStore } from '../stores/navigationStore'
import { usePaletteStore } from '../stores/paletteStore'
import { NAV_ITEMS } from './navItems'

/**
 * Ctrl/Cmd+1…7 switch views and Ctrl/Cmd+K opens the command palette, wherever the focus is.
 * Both modifiers are accepted so the shortcuts also work in the browser preview on any OS.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) {
        return
      }

      if (event.key.toLowerCase() === 'k') {
        event.preventDefault()
        usePaletteStore.getState().open()

        return
      }

      const item = NAV_ITEMS.find((candidate) => String(candidate.digit) === event.key)

      if (item) {
        event.preventDefault()
        usePaletteStore.getState().close()
        useNavigationStore.getState().navigate(item.view)
      }
    }
    window.addEventListener('keydown', onKeyDown)

    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
