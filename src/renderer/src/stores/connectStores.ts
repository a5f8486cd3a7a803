import { useAppInfoStore } from './appInfoStore'
import { MY_WORK_COLLECTIONS, useMyWorkStore } from './myWorkStore'
import { logProblem, mpath } from './mpathBridge'
import { useNavigationStore } from './navigationStore'
import type { ViewId } from './navigationStore'
import { useProfileStore } from './profileStore'
import { useSessionStore } from './sessionStore'
import { useSettingsStore } from './settingsStore'
import { useSyncStore } from './syncStore'

const NAVIGATION_VIEWS: Record<'tasks' | 'people' | 'initiatives', ViewId> = {
  tasks: 'tasks',
  people: 'people',
  initiatives: 'initiatives',
}

/**
 * Keeps the stores in step with main: applies every `…:did-…` event and asks for a refresh when
 * the window regains focus. Returns the function that undoes all of it.
 */
export function connectStores(): () => void {
  const api = mpath()
  const requestRefresh = (): void => api.sync.requestRefresh()
  const stops = [
    api.auth.onDidChangeSession((session) => {
      useSessionStore.getState().receiveSession(session)

      if (session.status === 'signed-in') {
        void useAppInfoStore.getState().load()
      }
    }),
    api.sync.onDidChangeStatus((status) => useSyncStore.getState().receiveStatus(status)),
    api.settings.onDidChange((settings) => useSettingsStore.getState().receiveSettings(settings)),
    api.app.onDidRequestNavigation(({ target, id }) =>
      useNavigationStore.getState().navigate(NAVIGATION_VIEWS[target], id),
    ),
    api.data.onDidChange(({ collections }) => {
      const myWork = useMyWorkStore.getState()

      // My work reloads only once it has been shown; otherwise its view loads it on mount.
      if (myWork.summary && collections.some((name) => MY_WORK_COLLECTIONS.includes(name))) {
        void myWork.load()
      }
    }),
  ]
  window.addEventListener('focus', requestRefresh)
  // A link or the tray may have asked for an item before this window could listen.
  api.app
    .takePendingNavigation()
    .then((request) => {
      if (request) {
        useNavigationStore.getState().navigate(NAVIGATION_VIEWS[request.target], request.id)
      }
    })
    .catch((error: unknown) => logProblem('Could not read a pending link', error))

  return () => {
    window.removeEventListener('focus', requestRefresh)

    for (const stop of stops) {
      stop()
    }
  }
}

/** Reads everything the window needs before it can decide what to show. */
export async function loadStores(): Promise<void> {
  await Promise.all([
    useProfileStore.getState().load(),
    useSessionStore.getState().load(),
    useSettingsStore.getState().load(),
    useSyncStore.getState().load(),
    useAppInfoStore.getState().load(),
  ])
}
