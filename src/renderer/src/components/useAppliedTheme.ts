import { useEffect } from 'react'

import { useSettingsStore } from '../stores/settingsStore'

/**
 * Applies the theme setting to the document. "system" removes the override so the style sheet
 * follows `prefers-color-scheme`.
 */
export function useAppliedTheme(): void {
  const theme = useSettingsStore((state) => state.settings?.theme ?? 'system')

  useEffect(() => {
    const root = document.documentElement

    if (theme === 'system') {
      delete root.dataset.theme
    } else {
      root.dataset.theme = theme
    }

    return () => {
      delete root.dataset.theme
    }
  }, [theme])
}
