import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useId, useRef } from 'react'
import type { KeyboardEvent } from 'react'

import type { Task } from '../../../../shared/mpath/tasks'
import { taskAt, useTasksStore } from '../../stores/tasksStore'
import { TaskRow } from './TaskRow'

/** The height of one row in pixels; rows are all the same height so none is measured. */
export const TASK_ROW_HEIGHT = 60

/**
 * Rows per virtual item. The virtualizer keeps an entry per item, so grouping rows keeps a
 * list of 100,000 tasks as cheap to lay out as one of a few thousand.
 */
export const TASK_BLOCK_SIZE = 10

/** Blocks drawn beyond the visible ones, so a quick scroll rarely shows placeholders. */
const OVERSCAN_BLOCKS = 1

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

  const blockCount = Math.ceil(total / TASK_BLOCK_SIZE)
  const virtualizer = useVirtualizer({
    count: blockCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => TASK_ROW_HEIGHT * TASK_BLOCK_SIZE,
    overscan: OVERSCAN_BLOCKS,
  })
  const blocks = virtualizer.getVirtualItems()
  const firstRow = (blocks[0]?.index ?? 0) * TASK_BLOCK_SIZE
  const lastRow = Math.min(
    total - 1,
    ((blocks[blocks.length - 1]?.index ?? 0) + 1) * TASK_BLOCK_SIZE - 1,
  )

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
    const list = scrollRef.current
    setActiveIndex(next)

    if (!list) {
      return
    }

    // Scroll only as far as needed to bring the row into view, as a native list does.
    const top = next * TASK_ROW_HEIGHT

    if (top < list.scrollTop) {
      list.scrollTop = top
    } else if (top + TASK_ROW_HEIGHT > list.scrollTop + list.clientHeight) {
      list.scrollTop = top + TASK_ROW_HEIGHT - list.clientHeight
    }
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

  const rows: number[] = []

  for (let row = firstRow; blocks.length > 0 && row <= lastRow; row++) {
    rows.push(row)
  }

  const isActiveRendered = activeIndex >= firstRow && activeIndex <= lastRow && blocks.length > 0

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
        {rows.map((index) => {
          const task = taskAt({ pages }, index)
          const isActive = index === activeIndex

          return (
            <div
              key={index}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={isActive}
              aria-setsize={total}
              aria-posinset={index + 1}
              className={
                `task-row${isActive ? ' task-row-active' : ''}` +
                `${task ? '' : ' task-row-loading'}`
              }
              style={{
                height: TASK_ROW_HEIGHT,
                transform: `translateY(${index * TASK_ROW_HEIGHT}px)`,
              }}
              onClick={() => {
                setActiveIndex(index)

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
