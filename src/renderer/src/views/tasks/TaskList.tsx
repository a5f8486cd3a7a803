import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useId, useRef } from 'react'
import type { KeyboardEvent } from 'react'

import type { Task } from '../../../../shared/mpath/tasks'
import { taskAt, useTasksStore } from '../../stores/tasksStore'
import { TaskRow } from './TaskRow'

/** The height of one row in pixels; rows are all the same height so none is measured. */
export const TASK_ROW_HEIGHT = 60

/** Rows drawn beyond the visible ones, so a quick scroll rarely shows placeholders. */
const OVERSCAN = 10

/** Props of {@link TaskList}. */
export interface TaskListProps {
  /** "Now" in milliseconds, for overdue marks. */
  now: number
  /** Changes whenever the query changes; the list then goes back to the top. */
  queryKey: string
  onOpen: (task: Task) => void
}

/**
 * The tasks matching the query as a virtualized listbox: only the rows in view (and a few
 * more) exist in the page, and their pages are asked of main as the person scrolls. Arrows,
 * Page Up/Down, Home and End move the selection; Enter opens the selected task.
 */
export function TaskList({ now, queryKey, onOpen }: TaskListProps): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null)
  const listId = useId()
  const total = useTasksStore((state) => state.total) ?? 0
  const pages = useTasksStore((state) => state.pages)
  const version = useTasksStore((state) => state.version)
  const pagesVersion = useTasksStore((state) => state.pagesVersion)
  const activeIndex = useTasksStore((state) => state.activeIndex)
  const isBusy = useTasksStore((state) => state.pendingPages.size > 0)
  const loadRange = useTasksStore((state) => state.loadRange)
  const setActiveIndex = useTasksStore((state) => state.setActiveIndex)

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => TASK_ROW_HEIGHT,
    overscan: OVERSCAN,
  })
  const rows = virtualizer.getVirtualItems()
  const firstRow = rows[0]?.index ?? 0
  const lastRow = rows[rows.length - 1]?.index ?? 0

  useEffect(() => {
    if (total > 0) {
      loadRange(firstRow, lastRow)
    }
  }, [firstRow, lastRow, total, version, pagesVersion, loadRange])

  useEffect(() => {
    virtualizer.scrollToOffset(0)
  }, [queryKey, virtualizer])

  const moveTo = (index: number): void => {
    const next = Math.min(Math.max(0, index), total - 1)
    setActiveIndex(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const pageRows = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? 0) / TASK_ROW_HEIGHT),
    )
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageRows,
      PageUp: activeIndex - pageRows,
      Home: 0,
      End: total - 1,
    }

    if (total === 0) {
      return
    }

    if (event.key in moves) {
      event.preventDefault()
      moveTo(moves[event.key] ?? 0)
    } else if (event.key === 'Enter') {
      const task = taskAt(useTasksStore.getState(), activeIndex)

      if (task) {
        event.preventDefault()
        onOpen(task)
      }
    }
  }

  const isActiveRendered = rows.some((row) => row.index === activeIndex)

  return (
    <div
      ref={scrollRef}
      className="task-list"
      role="listbox"
      tabIndex={0}
      aria-label="Tasks"
      aria-busy={isBusy}
      aria-activedescendant={isActiveRendered ? `${listId}-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="task-list-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const task = taskAt({ pages }, row.index)
          const isActive = row.index === activeIndex

          return (
            <div
              key={row.key}
              id={`${listId}-${row.index}`}
              role="option"
              aria-selected={isActive}
              aria-setsize={total}
              aria-posinset={row.index + 1}
              className={`task-row${isActive ? ' task-row-active' : ''}${task ? '' : ' task-row-loading'}`}
              style={{ height: TASK_ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onClick={() => {
                setActiveIndex(row.index)

                if (task) {
                  onOpen(task)
                }
              }}
            >
              {task ? <TaskRow task={task} now={now} /> : <span>Loading…</span>}
            </div>
          )
        })}
      </div>
    </div>
  )
}
