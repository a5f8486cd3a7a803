import type { TrayTask } from '../../../../shared/tray/traySummary'
import { QuickViewTask } from './QuickViewTask'

/** Props of {@link QuickViewGroup}. */
export interface QuickViewGroupProps {
  id: string
  title: string
  tasks: TrayTask[]
  /** How many tasks the group has in all (it may show fewer). */
  total: number
  tone?: 'overdue'
  canComplete: boolean
  completingIds: readonly string[]
  onComplete: (task: TrayTask) => void
  onOpen: (task: TrayTask) => void
}

/** One group of the quick-view (Overdue, Today, Upcoming); nothing when it is empty. */
export function QuickViewGroup(props: QuickViewGroupProps): React.JSX.Element | null {
  const { id, title, tasks, total } = props

  if (tasks.length === 0) {
    return null
  }

  const hidden = total - tasks.length

  return (
    <section
      className={`quick-view-group${props.tone ? ` quick-view-group-${props.tone}` : ''}`}
      aria-labelledby={id}
    >
      <h2 id={id}>
        {title} <span className="count">({total})</span>
      </h2>
      <ul className="quick-view-list">
        {tasks.map((task) => (
          <QuickViewTask
            key={task.id}
            task={task}
            canComplete={props.canComplete}
            isCompleting={props.completingIds.includes(task.id)}
            onComplete={props.onComplete}
            onOpen={props.onOpen}
          />
        ))}
      </ul>
      {hidden > 0 ? <p className="quick-view-more">{hidden} more in mpath Desktop</p> : null}
    </section>
  )
}
