import { CommandPalette } from '../views/palette/CommandPalette'
import { CurrentView } from './CurrentView'
import { Header } from './Header'
import { SessionBanner } from './SessionBanner'
import { Sidebar } from './Sidebar'
import { SyncBanner } from './SyncBanner'
import { useGlobalShortcuts } from './useGlobalShortcuts'

/** The signed-in window: sidebar, header, banners, the current view and the palette. */
export function AppShell(): React.JSX.Element {
  useGlobalShortcuts()

  return (
    <div className="shell">
      <Sidebar />
      <div className="shell-main">
        <Header />
        <SessionBanner />
        <SyncBanner />
        <CurrentView />
      </div>
      <CommandPalette />
    </div>
  )
}
