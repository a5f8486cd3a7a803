import { useEffect } from 'react'

import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Skeleton } from '../../components/Skeleton'
import { useAppliedTheme } from '../../components/useAppliedTheme'
import { mpath } from '../../stores/mpathBridge'
import { useSettingsStore } from '../../stores/settingsStore'
import { useTrayStore } from '../../stores/trayStore'
import { QuickViewGroup } from './QuickViewGroup'
import './quickView.css'

const GROUPS = [
  { key: 'overdue', title: 'Overdue' },
  { key: 'today', title: 'Today' },
  { key: 'upcoming', title: 'Upcoming' },
] as const

/**
 * The tray's quick-view: my open tasks grouped Overdue / Today / Upcoming, each with Complete
 * (when editing works) and Open in mpath Desktop; Sign in when signed out. Every control is a
 * native button with a name that says which task it acts on; Escape closes the window (main
 * handles the key, so it works wherever focus is).
 */
export function QuickView(): React.JSX.Element {
  const summary = useTrayStore((state) => state.summary)
  const error = useTrayStore((state) => state.error)
  const writeAvailability = useTrayStore((state) => state.writeAvailability)
  const completingIds = useTrayStore((state) => state.completingIds)
  const actionError = useTrayStore((state) => state.actionError)
  const announcement = useTrayStore((state) => state.announcement)

  useAppliedTheme()

  useEffect(() => {
    const tray = useTrayStore.getState()
    const stopTray = tray.listen()
    const stopSettings = mpath().settings.onDidChange((settings) =>
      useSettingsStore.getState().receiveSettings(settings),
    )
    void tray.load()
    void useSettingsStore.getState().load()

    return () => {
      stopTray()
      stopSettings()
    }
  }, [])

  const actions = useTrayStore.getState()
  const canComplete = writeAvailability?.available === true
  const onComplete = (task: { id: string; title: string }) =>
    void actions.completeTask(task.id, task.title)
  const onOpen = (task: { id: string }) => void actions.openTask(task.id)
  const isListed =
    summary !== null &&
    (summary.condition === 'ready' ||
      summary.condition === 'offline' ||
      summary.condition === 'error')
  const isEmpty =
    summary !== null &&
    summary.counts.overdue + summary.counts.today + summary.counts.upcoming === 0

  return (
    <main className="quick-view" aria-labelledby="quick-view-title">
      <header className="quick-view-header">
        <h1 id="quick-view-title">My tasks</h1>
        {summary && isListed ? (
          <p className="quick-view-counts">{summary.tooltip.replace(/^[^:]*: /, '')}</p>
        ) : null}
      </header>
      {error ? (
        <ErrorMessage
          title="Could not load your tasks"
          error={error}
          onRetry={() => void actions.load()}
        />
      ) : null}
      {!summary && !error ? <Skeleton label="Loading your tasks" rows={4} /> : null}
      {summary?.notice ? (
        <p className={`quick-view-notice quick-view-notice-${summary.condition}`}>
          {summary.notice}
        </p>
      ) : null}
      {actionError ? (
        <ErrorMessage
          error={actionError}
          onRetry={() => actions.dismissActionError()}
          retryLabel="Dismiss"
        />
      ) : null}
      {summary?.condition === 'signed-out' ? (
        <div className="quick-view-call">
          <Button variant="primary" onClick={() => void actions.signIn()}>
            Sign in
          </Button>
        </div>
      ) : null}
      {isListed && summary ? (
        <div className="quick-view-groups">
          {isEmpty ? (
            <EmptyState title="Nothing is due">
              No open tasks are assigned to you. New ones show here after the next sync.
            </EmptyState>
          ) : null}
          {GROUPS.map((group) => (
            <QuickViewGroup
              key={group.key}
              id={`quick-view-${group.key}`}
              title={group.title}
              tone={group.key === 'overdue' ? 'overdue' : undefined}
              tasks={summary.groups[group.key]}
              total={summary.counts[group.key]}
              canComplete={canComplete}
              completingIds={completingIds}
              onComplete={onComplete}
              onOpen={onOpen}
            />
          ))}
        </div>
      ) : null}
      <footer className="quick-view-footer">
        <Button variant="quiet" onClick={() => void actions.openApp()}>
          Open mpath Desktop
        </Button>
      </footer>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </main>
  )
}
