import { useEffect } from 'react'

import { ErrorMessage } from '../../components/ErrorMessage'
import { Skeleton } from '../../components/Skeleton'
import { useSettingsStore } from '../../stores/settingsStore'
import { ConnectionSection } from './ConnectionSection'
import { ThemeSetting } from './ThemeSetting'
import { ToggleSetting } from './ToggleSetting'
import { WeakStorageSetting } from './WeakStorageSetting'

/** Preferences, security choices and the connection. */
export function SettingsView(): React.JSX.Element {
  const settings = useSettingsStore((state) => state.settings)
  const error = useSettingsStore((state) => state.error)
  const load = useSettingsStore((state) => state.load)
  const update = useSettingsStore((state) => state.update)

  useEffect(() => {
    if (!useSettingsStore.getState().settings) {
      void load()
    }
  }, [load])

  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title" className="view-title" tabIndex={-1}>
        Settings
      </h1>
      {error ? <ErrorMessage title="Could not change the setting" error={error} /> : null}
      {settings ? (
        <>
          <section className="settings-section" aria-labelledby="settings-general">
            <h2 id="settings-general">General</h2>
            <ThemeSetting theme={settings.theme} onChange={(theme) => void update({ theme })} />
            <ToggleSetting
              label="Show in the tray"
              help="Keeps a quick view of your tasks in the system tray or menu bar."
              checked={settings.trayEnabled}
              onToggle={(trayEnabled) => void update({ trayEnabled })}
            />
            <ToggleSetting
              label="Notifications"
              help="Tells you when a task of yours is due."
              checked={settings.notificationsEnabled}
              onToggle={(notificationsEnabled) => void update({ notificationsEnabled })}
            />
            <ToggleSetting
              label="Start at login"
              help="Opens mpath Desktop when you log in to this computer."
              checked={settings.startAtLogin}
              onToggle={(startAtLogin) => void update({ startAtLogin })}
            />
          </section>
          <section className="settings-section" aria-labelledby="settings-security">
            <h2 id="settings-security">Editing and security</h2>
            <ToggleSetting
              label="Allow editing tasks"
              help="Asks for permission to change tasks (write:tasks) the next time you sign in."
              checked={settings.editingEnabled}
              onToggle={(editingEnabled) => void update({ editingEnabled })}
            />
            <WeakStorageSetting
              isAllowed={settings.allowWeakRefreshTokenStorage}
              onChange={(allowWeakRefreshTokenStorage) =>
                void update({ allowWeakRefreshTokenStorage })
              }
            />
          </section>
        </>
      ) : error ? null : (
        <Skeleton label="Loading settings" />
      )}
      <ConnectionSection />
    </section>
  )
}
