import { useEffect } from 'react'

import { EmptyState } from '../../components/EmptyState'
import { EntityPage } from '../../components/EntityPage'
import { formatDate } from '../../components/formatDate'
import { OptionList } from '../../components/OptionList'
import { RagBadge } from '../../components/RagBadge'
import { useInitiativesStore } from '../../stores/initiativesStore'
import { useNavigationStore } from '../../stores/navigationStore'
import { TaskLinkSection } from '../tasks/TaskLinkSection'
import { priorityLabel } from '../tasks/taskLabels'
import { initiativeStatusLabel, progressOf } from './initiativeLabels'
import { ProgressBar } from './ProgressBar'

const ROLE_LABELS: Readonly<Record<string, string>> = {
  owner: 'Owner',
  sponsor: 'Sponsor',
  collaborator: 'Collaborator',
}

/** Props of {@link InitiativePage}. */
export interface InitiativePageProps {
  id: string
  now: number
}

/** One initiative: health, dates, owners, objectives with key results, and its tasks. */
export function InitiativePage({ id, now }: InitiativePageProps): React.JSX.Element {
  const initiative = useInitiativesStore((state) =>
    state.initiative?.id === id ? state.initiative : null,
  )
  const tasks = useInitiativesStore((state) => state.initiativeTasks)
  const error = useInitiativesStore((state) => state.detailError)

  useEffect(() => {
    void useInitiativesStore.getState().loadInitiative(id)
  }, [id])

  const objectives = [...(initiative?.objectives ?? [])].sort(
    (left, right) => left.sortIndex - right.sortIndex,
  )

  return (
    <EntityPage
      entity={initiative}
      error={error}
      headingId="initiative-title"
      heading={(loaded) => loaded.title}
      backLabel="Back to initiatives"
      onBack={() => useNavigationStore.getState().select(null)}
      errorTitle="Could not open this initiative"
      onRetry={() => void useInitiativesStore.getState().loadInitiative(id)}
      loadingLabel="Loading the initiative"
    >
      {(initiative) => (
        <>
          <dl className="facts">
            <dt>RAG</dt>
            <dd>
              <RagBadge rag={initiative.rag} />
            </dd>
            <dt>Status</dt>
            <dd>{initiativeStatusLabel(initiative.status)}</dd>
            <dt>Confidence</dt>
            <dd>{Math.round(initiative.confidence)}%</dd>
            <dt>Progress</dt>
            <dd>
              <ProgressBar progress={progressOf(initiative)} />
            </dd>
            <dt>Target date</dt>
            <dd>{initiative.targetDate ? formatDate(initiative.targetDate) : 'None set'}</dd>
            <dt>Started</dt>
            <dd>{initiative.startDate ? formatDate(initiative.startDate) : 'Not started'}</dd>
            <dt>Team</dt>
            <dd>{initiative.teamName ?? initiative.team?.name ?? 'No team'}</dd>
            <dt>Priority</dt>
            <dd>{priorityLabel(initiative.priority)}</dd>
          </dl>
          {initiative.summary ? <p>{initiative.summary}</p> : null}
          {initiative.outcome ? (
            <p>
              <strong>Outcome:</strong> {initiative.outcome}
            </p>
          ) : null}
          <section aria-labelledby="initiative-owners">
            <h3 id="initiative-owners">People</h3>
            {initiative.owners.length === 0 ? (
              <EmptyState title="No owner">Give this initiative an owner in mpath.</EmptyState>
            ) : (
              <OptionList
                label={`People on ${initiative.title}`}
                items={initiative.owners}
                getKey={(owner) => `${owner.personId}-${owner.role}`}
                onOpen={(owner) => useNavigationStore.getState().navigate('people', owner.personId)}
                renderItem={(owner) => (
                  <>
                    <span className="option-title">{owner.person?.name ?? owner.personId}</span>
                    <span className="option-meta">{ROLE_LABELS[owner.role] ?? owner.role}</span>
                  </>
                )}
              />
            )}
          </section>
          <section aria-labelledby="initiative-objectives">
            <h3 id="initiative-objectives">Objectives</h3>
            {objectives.length === 0 ? (
              <EmptyState title="No objectives">
                Add objectives in mpath to say what this initiative should achieve.
              </EmptyState>
            ) : (
              <ol className="objectives">
                {objectives.map((objective) => (
                  <li key={objective.id}>
                    <span className="option-title">{objective.title}</span>
                    {objective.keyResult ? (
                      <span className="option-meta"> Key result: {objective.keyResult}</span>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <TaskLinkSection
            headingId="initiative-tasks"
            page={tasks}
            label={`Tasks of ${initiative.title}`}
            filters={{ initiativeIds: [initiative.id] }}
            emptyText="No tasks you can see belong to this initiative."
            now={now}
          />
        </>
      )}
    </EntityPage>
  )
}
