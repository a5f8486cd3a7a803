import { useEffect } from 'react'

import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { EntityPage } from '../../components/EntityPage'
import { formatDate } from '../../components/formatDate'
import { OptionList } from '../../components/OptionList'
import { useNavigationStore } from '../../stores/navigationStore'
import { usePeopleStore } from '../../stores/peopleStore'
import { TaskLinkSection } from '../tasks/TaskLinkSection'
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
  const open = (personId: string | null): void => useNavigationStore.getState().select(personId)

  useEffect(() => {
    void usePeopleStore.getState().loadPerson(id)
  }, [id])

  return (
    <EntityPage
      entity={person}
      error={error}
      headingId="person-title"
      heading={(loaded) => loaded.name}
      backLabel="Back to people"
      onBack={() => open(null)}
      errorTitle="Could not open this person"
      onRetry={() => void usePeopleStore.getState().loadPerson(id)}
      loadingLabel="Loading the person"
    >
      {(person) => (
        <>
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
          <TaskLinkSection
            headingId="person-tasks"
            page={tasks}
            label={`Tasks of ${person.name}`}
            filters={{ assigneeIds: [person.id] }}
            emptyText={`No tasks you can see are assigned to ${person.name}.`}
            now={now}
          />
        </>
      )}
    </EntityPage>
  )
}
