import { useNavigationStore } from '../stores/navigationStore'
import { NAV_ITEMS, shortcutAria, shortcutLabel } from './navItems'

/** The list of views, with each shortcut in its tooltip. */
export function Sidebar(): React.JSX.Element {
  const current = useNavigationStore((state) => state.view)
  const navigate = useNavigationStore((state) => state.navigate)

  return (
    <nav className="sidebar" aria-label="Views">
      <p className="sidebar-brand" aria-hidden="true">
        mpath
      </p>
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.view}>
            <button
              type="button"
              className="sidebar-link"
              aria-current={item.view === current ? 'page' : undefined}
              aria-keyshortcuts={shortcutAria(String(item.digit))}
              title={`${item.label} (${shortcutLabel(String(item.digit))})`}
              onClick={() => navigate(item.view)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
