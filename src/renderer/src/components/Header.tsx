import { useAppInfoStore } from '../stores/appInfoStore'
import { usePaletteStore } from '../stores/paletteStore'
import { useSessionStore } from '../stores/sessionStore'
import { Button } from './Button'
import { shortcutAria, shortcutLabel } from './navItems'
import { SyncProgress } from './SyncProgress'

/** The host of a URL, which is how people recognise their organization's server. */
function hostOf(url: string | undefined): string | null {
  if (!url) {
    return null
  }

  try {
    return new URL(url).host
  } catch {
    return url
  }
}

/** Who is signed in to which organization, the search button and sync progress. */
export function Header(): React.JSX.Element {
  const organization = useAppInfoStore((state) => hostOf(state.info?.organization?.apiUrl))
  const session = useSessionStore((state) => state.session)
  const openPalette = usePaletteStore((state) => state.open)
  const user =
    session?.status === 'signed-in' || session?.status === 'restoring' ? session.user : null
  const account = user ? (user.name ?? user.email ?? user.subject) : null

  return (
    <header className="header">
      <dl className="header-identity">
        {organization ? (
          <div>
            <dt>Organization</dt>
            <dd>{organization}</dd>
          </div>
        ) : null}
        {account ? (
          <div>
            <dt>Account</dt>
            <dd title={user?.email ?? undefined}>{account}</dd>
          </div>
        ) : null}
      </dl>
      <div className="header-actions">
        <SyncProgress />
        <Button
          variant="quiet"
          onClick={openPalette}
          title={`Search people, tasks and initiatives (${shortcutLabel('k')})`}
          aria-keyshortcuts={shortcutAria('k')}
        >
          Search
        </Button>
      </div>
    </header>
  )
}
