import type { QueryPage } from '../../../../shared/ipc/queries'
import type { Task } from '../../../../shared/mpath/tasks'
import { Skeleton } from '../../components/Skeleton'
import type { TaskFilters } from '../../stores/tasksStore'
import { TaskLinkList } from './TaskLinkList'

/** Props of {@link TaskLinkSection}. */
export interface TaskLinkSectionProps {
  /** The id of the section's "Tasks" heading. */
  headingId: string
  /** The first tasks, or null while they load. */
  page: QueryPage<Task> | null
  /** The accessible name of the list, e.g. "Tasks of Grace Hopper". */
  label: string
  /** The Tasks view filters that show the whole of this list. */
  filters: Partial<TaskFilters>
  emptyText: string
  now: number
}

/** The "Tasks (count)" section of a person's or initiative's page. */
export function TaskLinkSection({
  headingId,
  page,
  label,
  filters,
  emptyText,
  now,
}: TaskLinkSectionProps): React.JSX.Element {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        Tasks <span className="count">({page?.total ?? '…'})</span>
      </h3>
      {page ? (
        <TaskLinkList label={label} page={page} filters={filters} emptyText={emptyText} now={now} />
      ) : (
        <Skeleton label="Loading tasks" rows={2} />
      )}
    </section>
  )
}
