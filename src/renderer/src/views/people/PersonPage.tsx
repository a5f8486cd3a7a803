import { useEffect, useRef } from 'react'

import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorMessage } from '../../components/ErrorMessage'
import { formatDate } from '../../components/formatDate'
import { Skeleton } from '../../components/Skeleton'
import { useNavigationStore } from '../../stores/navigationStore'
import { usePeopleStore } from '../../stores/peopleStore'
import { TaskLinkList } from '../tasks/TaskLinkList'
import { OptionList } from './OptionList'
import { personStatusLabel } from './personLabels'

/** Props of {@link PersonPage}. */
export interface PersonPageProps {
  id: string
  now: number
}

/** One person: role, team, manager, reports (each opens their page) and their tasks. */
export function PersonPage({ id, now }: PersonPageProps): React.JSX.Element {
  const person = usePeopleStore((state) => (state.person?.id === id ? state.person : null))
  const reports = usePeopleStore((state) => state.reports)
  const tasks = usePeopleStore((state) => state.personTasks)
  const error = usePeopleStore((state) => state.personError)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const open = (personId: string | null): void => useNavigationStore.getState().select(personId)

  useEffect(() => {
    void usePeopleStore.getState().loadPerson(id)
  }, [id])

  useEffect(() => {
    headingRef.current?.focus()
  }, [person?.id])

  return (
    <article className="entity-page" aria-labelledby="person-title">
      <Button variant="quiet" onClick={() => open(null)}>
        Back to people
      </Button>
      {error ? (
        <ErrorMessage
          title="Could not open this person"
          error={error}
          onRetry={() => void usePeopleStore.getState().loadPerson(id)}
        />
      ) : null}
      {!person && !error ? <Skeleton label="Loading the person" rows={4} /> : null}
      {person ? (
        <>
          <h2 id="person-title" ref={headingRef} tabIndex={-1} className="entity-title">
            {person.name}
          </h2>
          <dl className="facts">
            <dt>Role</dt>
            <dd>{person.role ?? person.jobRoleTitle ?? 'No role given'}</dd>
            <dt>Team</dt>
            <dd>{person.teamName ?? 'No team'}</dd>
            <dt>Manager</dt>
            <dd>
              {person.managerId ? (
                <Button variant="quiet" onClick={() => open(person.managerId)}>
                  {person.managerName ?? 'Their manager'}
                </Button>
              ) : (
                'No manager'
              )}
            </dd>
            <dt>Status</dt>
            <dd>{personStatusLabel(person.status)}</dd>
            {person.email ? (
              <>
                <dt>Email</dt>
                <dd>{person.email}</dd>
              </>
            ) : null}
            {person.startDate ? (
              <>
                <dt>Started</dt>
                <dd>{formatDate(person.startDate)}</dd>
              </>
            ) : null}
          </dl>
          <div className="button-row">
            <Button
              onClick={() => {
                usePeopleStore.getState().showInChart(person.id)
                open(null)
              }}
            >
              Show in org chart
            </Button>
          </div>
          <section aria-labelledby="person-reports">
            <h3 id="person-reports">
              Reports <span className="count">({reports.length})</span>
            </h3>
            {reports.length === 0 ? (
              <EmptyState title="No reports">Nobody reports to {person.name} in mpath.</EmptyState>
            ) : (
              <OptionList
                label={`Reports of ${person.name}`}
                items={reports}
                getKey={(report) => report.id}
                onOpen={(report) => open(report.id)}
                renderItem={(report) => (
                  <>
                    <span className="option-title">{report.name}</span>
                    <span className="option-meta">{report.role ?? 'No role given'}</span>
                  </>
                )}
              />
            )}
          </section>
          <section aria-labelledby="person-tasks">
            <h3 id="person-tasks">
              Tasks <span className="count">({tasks?.total ?? '…'})</span>
            </h3>
            {tasks ? (
              <TaskLinkList
                label={`Tasks of ${person.name}`}
                page={tasks}
                filters={{ assigneeIds: [person.id] }}
                emptyText={`No tasks you can see are assigned to ${person.name}.`}
                now={now}
              />
            ) : (
              <Skeleton label="Loading tasks" rows={2} />
            )}
          </section>
        </>
      ) : null}
    </article>
  )
}
