import type { MyWork } from '../../../../shared/ipc/views'
import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { formatDateTime } from '../../components/formatDate'
import { RagBadge } from '../../components/RagBadge'
import { useNavigationStore } from '../../stores/navigationStore'
import { TaskGroup } from './TaskGroup'

/** The other participant of a one-on-one, seen from the signed-in person. */
function otherParticipant(meeting: MyWork['nextOneOnOnes'][number], me: string | null): string {
  const other = meeting.managerId === me ? meeting.report : meeting.manager

  return other?.name ?? 'Someone'
}

/** My work once loaded: the task groups, the next one-on-ones and owned initiatives. */
export function WorkSummary({ summary }: { summary: MyWork }): React.JSX.Element {
  const navigate = useNavigationStore((state) => state.navigate)
  const openCount = summary.overdue.length + summary.today.length + summary.upcoming.length
  const me = summary.me.personId

  return (
    <div className="work">
      <div className="work-tasks">
        {openCount === 0 ? (
          <EmptyState
            title="Nothing due"
            action={<Button onClick={() => navigate('tasks')}>Browse all tasks</Button>}
          >
            Open tasks assigned to you with a due date appear here, grouped by when they are due.
          </EmptyState>
        ) : (
          <>
            <TaskGroup id="work-overdue" title="Overdue" tasks={summary.overdue} tone="overdue" />
            <TaskGroup id="work-today" title="Today" tasks={summary.today} />
            <TaskGroup id="work-upcoming" title="Upcoming" tasks={summary.upcoming} />
          </>
        )}
      </div>
      <section className="work-group" aria-labelledby="work-one-on-ones">
        <h2 id="work-one-on-ones">Next one-on-ones</h2>
        {summary.nextOneOnOnes.length === 0 ? (
          <EmptyState title="No one-on-ones scheduled">
            One-on-ones scheduled in mpath appear here once they are synced.
          </EmptyState>
        ) : (
          <ul className="item-list">
            {summary.nextOneOnOnes.map((meeting) => (
              <li key={meeting.id}>
                <button
                  type="button"
                  className="item"
                  onClick={() => navigate('one-on-ones', meeting.id)}
                >
                  <span className="item-title">With {otherParticipant(meeting, me)}</span>
                  <span className="item-meta">{formatDateTime(meeting.scheduledAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="work-group" aria-labelledby="work-initiatives">
        <h2 id="work-initiatives">Initiatives you own</h2>
        {summary.ownedInitiatives.length === 0 ? (
          <EmptyState title="You own no initiatives">
            Initiatives where you are named owner appear here.
          </EmptyState>
        ) : (
          <ul className="item-list">
            {summary.ownedInitiatives.map((initiative) => (
              <li key={initiative.id}>
                <button
                  type="button"
                  className="item"
                  onClick={() => navigate('initiatives', initiative.id)}
                >
                  <span className="item-title">{initiative.title}</span>
                  <span className="item-meta">
                    <RagBadge rag={initiative.rag} /> Confidence {initiative.confidence}%
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
