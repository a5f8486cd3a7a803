import type { Logger } from '../log/logger'
import type { Clock, KeyValueStore } from '../platform/ports'
import { createReminders, type ReminderApi, type Reminders } from '../reminders/reminders'
import type { SettingsService } from '../settings/settingsService'
import type { DataStore } from '../sync/dataStore'
import type { Sync } from '../sync/sync'
import { createTrayService, type TrayService } from '../tray/trayService'
import type { MyWorkService } from '../work/myWork'
import type { AuthController } from './authController'
import type { NavigationRequests } from './navigationRequests'
import type { ProfileController } from './profileController'

/**
 * Builds the tray (summary and actions) and the task reminders, whose notifications open
 * tasks through the tray's windows.
 */
export function createTrayAndReminders(options: {
  work: MyWorkService
  profiles: ProfileController
  auth: AuthController
  sync: Sync
  data: DataStore
  settings: SettingsService
  navigation: NavigationRequests
  api: () => ReminderApi | null
  store: KeyValueStore
  timeZone: () => string
  clock: Clock
  logger: Logger
}): { tray: TrayService; reminders: Reminders } {
  const { auth, sync, data, profiles, clock, logger } = options
  const tray = createTrayService({
    work: options.work,
    isConnected: () => profiles.current() !== undefined,
    session: () => auth.state(),
    syncStatus: () => sync.status(),
    sources: [
      (listener) => data.onDidChange(listener),
      (listener) => auth.onDidChange(listener),
      (listener) => sync.onDidChangeStatus(listener),
      (listener) => profiles.onDidChange(listener),
    ],
    signIn: () => auth.signIn(undefined),
    requestNavigation: (request) => options.navigation.request(request),
    clock,
    logger,
  })
  const reminders = createReminders({
    api: options.api,
    store: options.store,
    clock,
    logger,
    isEnabled: () => options.settings.get().notificationsEnabled,
    timeZone: options.timeZone,
    openTask: (id) => tray.openTask(id),
    showTasks: () => tray.showTasks(),
  })

  return { tray, reminders }
}
