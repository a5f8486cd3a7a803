import type { QueryPage, TaskQuery } from '../../../shared/ipc/queries'
import { TASK_STATUSES, type Task } from '../../../shared/mpath/tasks'
import type { CollectionSnapshot } from '../dataStore'
import {
  compareNumbers,
  compareText,
  dateBounds,
  foldCase,
  timeOf,
  wanted,
  type Direction,
} from './compare'
import { createResultCache, perSnapshot, queryKey, windowOf } from './snapshotCache'

type TaskSnapshot = CollectionSnapshot<Task>

/** Sort keys of every task, computed once per snapshot (arrays parallel to `items`). */
interface TaskIndex {
  title: string[]
  assignee: string[]
  statusRank: Float64Array
  due: Float64Array
  created: Float64Array
}

const STATUS_RANK = new Map<string, number>(TASK_STATUSES.map((status, rank) => [status, rank]))

const indexOf = perSnapshot((snapshot: TaskSnapshot): TaskIndex => {
  const count = snapshot.items.length
  const index: TaskIndex = {
    title: new Array<string>(count),
    assignee: new Array<string>(count),
    statusRank: new Float64Array(count),
    due: new Float64Array(count),
    created: new Float64Array(count),
  }

  snapshot.items.forEach((task, position) => {
    index.title[position] = foldCase(task.title)
    index.assignee[position] = foldCase(task.assignee?.name)
    index.statusRank[position] = STATUS_RANK.get(task.status) ?? TASK_STATUSES.length
    index.due[position] = timeOf(task.dueDate)
    index.created[position] = timeOf(task.createdAt)
  })

  return index
})

const results = createResultCache<TaskSnapshot, Task[]>()

type Comparator = (left: number, right: number) => number

function comparatorFor(index: TaskIndex, sort: TaskQuery['sort'], tasks: readonly Task[]) {
  const by = (field: NonNullable<TaskQuery['sort']>['field'], direction: Direction): Comparator => {
    switch (field) {
      case 'status':
        return (left, right) =>
          compareNumbers(index.statusRank[left]!, index.statusRank[right]!, direction)
      case 'dueDate':
        return (left, right) => compareNumbers(index.due[left]!, index.due[right]!, direction)
      case 'priority':
        return (left, right) =>
          compareNumbers(tasks[left]!.priority, tasks[right]!.priority, direction)
      case 'assignee':
        return (left, right) =>
          compareText(index.assignee[left]!, index.assignee[right]!, direction)
      case 'title':
        return (left, right) => compareText(index.title[left]!, index.title[right]!, direction)
      case 'createdAt':
        return (left, right) =>
          compareNumbers(index.created[left]!, index.created[right]!, direction)
    }
  }

  // The server's default order: workflow status, then due date (none last), then creation.
  const chain: Comparator[] =
    sort === undefined
      ? [by('status', 'asc'), by('dueDate', 'asc'), by('createdAt', 'asc')]
      : [by(sort.field, sort.direction)]

  return (left: number, right: number): number => {
    for (const compare of chain) {
      const order = compare(left, right)

      if (order !== 0) {
        return order
      }
    }

    return left - right
  }
}

function filterAndSort(snapshot: TaskSnapshot, query: TaskQuery): Task[] {
  const index = indexOf(snapshot)
  const tasks = snapshot.items
  const statuses = wanted(query.statuses)
  const priorities = wanted(query.priorities)
  const assignees = wanted(query.assigneeIds)
  const initiatives = wanted(query.initiativeIds)
  const hasDateFilter = query.dueFrom !== undefined || query.dueTo !== undefined
  const bounds = dateBounds(query.dueFrom, query.dueTo)
  const search = foldCase(query.search?.trim())
  const positions: number[] = []

  for (let position = 0; position < tasks.length; position++) {
    const task = tasks[position]!

    if (statuses !== undefined && !statuses.has(task.status as never)) {
      continue
    }

    if (priorities !== undefined && !priorities.has(task.priority)) {
      continue
    }

    if (assignees !== undefined && !assignees.has(task.assigneeId ?? 'unassigned')) {
      continue
    }

    if (initiatives !== undefined && !initiatives.has(task.initiativeId ?? 'none')) {
      continue
    }

    if (hasDateFilter) {
      const due = index.due[position]!

      if (Number.isNaN(due) || due < bounds.from || due > bounds.to) {
        continue
      }
    }

    if (search !== '' && !index.title[position]!.includes(search)) {
      continue
    }

    positions.push(position)
  }

  positions.sort(comparatorFor(index, query.sort, tasks))

  return positions.map((position) => tasks[position]!)
}

/** The folded titles of the tasks of a snapshot, parallel to its items (built once). */
export function taskSearchKeys(snapshot: TaskSnapshot): readonly string[] {
  return indexOf(snapshot).title
}

/**
 * Filters, sorts and windows the cached tasks. `unassigned` among the assignee ids matches
 * tasks without an assignee, `none` among the initiative ids tasks without an initiative;
 * search is a case-insensitive substring of the title, as on the server.
 */
export function queryTasks(snapshot: TaskSnapshot, query: TaskQuery): QueryPage<Task> {
  const matches = results.get(snapshot, queryKey(query), () => filterAndSort(snapshot, query))

  return windowOf(matches, query.offset, query.limit)
}
