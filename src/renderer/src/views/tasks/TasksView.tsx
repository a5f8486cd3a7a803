import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'

import { Button } from '../../components/Button'
import { ErrorMessage } from '../../components/ErrorMessage'
import { ListEmptyState } from '../../components/ListEmptyState'
import { ResultCount } from '../../components/ResultCount'
import { Skeleton } from '../../components/Skeleton'
import { useNavigationStore } from '../../stores/navigationStore'
import { hasTaskFilters, taskQueryOf, useTasksStore } from '../../stores/tasksStore'
import { TaskDetail } from './TaskDetail'
import { TaskFilterBar } from './TaskFilterBar'
import { TaskList } from './TaskList'
import './tasks.css'

/** How often the overdue marks are re-evaluated, so a list left open overnight stays right. */
const NOW_REFRESH_MS = 60_000

/**
 * Every task the person can see: search, filters and sort answered by main, a virtualized
 * list, and a detail panel (Enter opens it, Escape closes it).
 */
export function TasksView(): React.JSX.Element {
  const total = useTasksStore((state) => state.total)
  const error = useTasksStore((state) => state.error)
  const queryKey = useTasksStore((state) => JSON.stringify(taskQueryOf(state)))
  const isFiltered = useTasksStore(hasTaskFilters)
  const detail = useTasksStore((state) => state.detail)
  const detailError = useTasksStore((state) => state.detailError)
  const selectedId = useNavigationStore((state) => state.selectedId)
  const [now, setNow] = useState(() => Date.now())
  const listAreaRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const tasks = useTasksStore.getState()
    const stop = tasks.listenForChanges()
    tasks.reload()
    void tasks.loadChoices()
    void tasks.loadWriteAvailability()
    const timer = window.setInterval(() => setNow(Date.now()), NOW_REFRESH_MS)

    return () => {
      stop()
      window.clearInterval(timer)
    }
  }, [])

  useEffect(() => {
    void useTasksStore.getState().loadDetail(selectedId)
  }, [selectedId])

  const closeDetail = (): void => {
    useNavigationStore.getState().select(null)
    listAreaRef.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus()
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && selectedId !== null) {
      event.preventDefault()
      closeDetail()
    }
  }

  return (
    <section className="view tasks-view" aria-labelledby="view-title" onKeyDown={onKeyDown}>
      <h1 id="view-title" className="view-title" tabIndex={-1}>
        Tasks
      </h1>
      <TaskFilterBar />
      <ResultCount total={total} singular="task" plural="tasks" />
      {error ? (
        <ErrorMessage
          title="Could not load tasks"
          error={error}
          onRetry={() => useTasksStore.getState().reload()}
        />
      ) : null}
      <div className={`tasks-layout${selectedId ? ' tasks-layout-with-detail' : ''}`}>
        <div className="tasks-list-area" ref={listAreaRef}>
          {total === null && !error ? <Skeleton label="Loading tasks" rows={8} /> : null}
          {total === 0 ? (
            <ListEmptyState
              isFiltered={isFiltered}
              onClearFilters={() => useTasksStore.getState().clearFilters()}
              noMatchTitle="No tasks match"
              noMatchText="Try other words, or clear the filters to see every task."
              emptyTitle="No tasks yet"
              emptyText={
                'Tasks you can see in mpath appear here once they have synced. Create one in ' +
                'mpath, or check the sync status at the top of the window.'
              }
            />
          ) : null}
          {total !== null && total > 0 ? (
            <TaskList
              now={now}
              queryKey={queryKey}
              onOpen={(task) => useNavigationStore.getState().select(task.id)}
            />
          ) : null}
        </div>
        {selectedId ? (
          <div className="tasks-detail-area">
            {detailError ? (
              <>
                <ErrorMessage title="Could not open the task" error={detailError} />
                <Button onClick={closeDetail}>Close</Button>
              </>
            ) : null}
            {detail ? <TaskDetail task={detail} now={now} onClose={closeDetail} /> : null}
            {!detail && !detailError ? <Skeleton label="Loading the task" rows={4} /> : null}
          </div>
        ) : null}
      </div>
    </section>
  )
}
