import type { SessionState } from '../../shared/auth/sessionState'
import type { NavigationRequest } from '../../shared/ipc/contract'
import type { SyncStatus } from '../../shared/sync/syncStatus'
import type { TraySummary } from '../../shared/tray/traySummary'
import type { Logger } from '../log/logger'
import type { Clock } from '../platform/ports'
import type { MyWorkService } from '../work/myWork'
import { buildTraySummary } from './trayModel'

/** The windows the tray drives; bound by the Electron view (no-ops until then). */
export interface TrayShell {
  showMainWindow(): void
  showQuickView(): void
  hideQuickView(): void
}

/** What the tray service is built from. */
export interface TrayServiceOptions {
  work: Pick<MyWorkService, 'summary'>
  isConnected: () => boolean
  session: () => SessionState
  syncStatus: () => Pick<SyncStatus, 'phase'>
  /** Subscriptions to everything the summary depends on (data, session, sync, profile). */
  sources: Array<(listener: () => void) => () => void>
  signIn: () => Promise<unknown>
  requestNavigation: (navigation: NavigationRequest) => void
  clock: Pick<Clock, 'setTimeout'>
  logger: Logger
  /** How often the summary is recomputed without a change, so "today" follows the clock. */
  refreshEveryMs?: number
}

/**
 * The tray's main-process side: the summary of the moment, change notifications, and the
 * actions of the menu and the quick-view. Electron-free; the view binds a {@link TrayShell}.
 */
export interface TrayService {
  summary(): TraySummary
  /** Called with the new summary whenever it changes. */
  onDidChange(listener: (summary: TraySummary) => void): () => void
  openTask(id: string): void
  openApp(): void
  showTasks(): void
  signIn(): Promise<void>
  /** Binds the windows; returns the function that unbinds them. */
  bindShell(shell: TrayShell): () => void
  dispose(): void
}

const DEFAULT_REFRESH_MS = 5 * 60_000

const NO_SHELL: TrayShell = {
  showMainWindow: () => undefined,
  showQuickView: () => undefined,
  hideQuickView: () => undefined,
}

/** Builds the {@link TrayService}. */
export function createTrayService(options: TrayServiceOptions): TrayService {
  const log = options.logger.child('tray')
  const listeners = new Set<(summary: TraySummary) => void>()
  const refreshEveryMs = options.refreshEveryMs ?? DEFAULT_REFRESH_MS
  let shell = NO_SHELL
  let last = ''
  let isScheduled = false
  let isDisposed = false
  let timer: { cancel(): void } | undefined

  const summary = (): TraySummary =>
    buildTraySummary({
      work: options.work.summary(),
      isConnected: options.isConnected(),
      session: options.session(),
      sync: options.syncStatus(),
    })

  const publish = () => {
    isScheduled = false

    if (isDisposed || listeners.size === 0) {
      return
    }

    let next: TraySummary

    try {
      next = summary()
    } catch (error) {
      log.error('Could not build the tray summary', { error })

      return
    }

    const text = JSON.stringify(next)

    if (text === last) {
      return
    }

    last = text

    for (const listener of [...listeners]) {
      try {
        listener(next)
      } catch (error) {
        log.error('A tray listener failed', { error })
      }
    }
  }

  // Several sources change together (a sync touches every collection): one summary per tick.
  const schedule = () => {
    if (!isScheduled && !isDisposed) {
      isScheduled = true
      queueMicrotask(publish)
    }
  }

  const tick = () => {
    schedule()
    timer = options.clock.setTimeout(tick, refreshEveryMs)
  }

  const unsubscribes = options.sources.map((subscribe) => subscribe(schedule))
  timer = options.clock.setTimeout(tick, refreshEveryMs)

  return {
    summary,
    onDidChange(listener) {
      listeners.add(listener)

      return () => {
        listeners.delete(listener)
      }
    },
    openTask(id) {
      shell.hideQuickView()
      shell.showMainWindow()
      options.requestNavigation({ target: 'tasks', id })
    },
    openApp() {
      shell.hideQuickView()
      shell.showMainWindow()
    },
    showTasks() {
      shell.showQuickView()
    },
    async signIn() {
      if (!options.isConnected()) {
        shell.hideQuickView()
        shell.showMainWindow()

        return
      }

      await options.signIn()
    },
    bindShell(bound) {
      shell = bound

      return () => {
        if (shell === bound) {
          shell = NO_SHELL
        }
      }
    },
    dispose() {
      isDisposed = true
      timer?.cancel()
      listeners.clear()

      for (const unsubscribe of unsubscribes.splice(0)) {
        unsubscribe()
      }
    },
  }
}
