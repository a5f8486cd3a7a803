import { useEffect, useId, useState } from 'react'

import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorMessage } from '../../components/ErrorMessage'
import { formatDate } from '../../components/formatDate'
import { RagBadge } from '../../components/RagBadge'
import { Skeleton } from '../../components/Skeleton'
import { useInitiativesStore } from '../../stores/initiativesStore'
import { useNavigationStore } from '../../stores/navigationStore'
import { OptionList } from '../people/OptionList'
import { InitiativePage } from './InitiativePage'
import {
  INITIATIVE_STATUS_CHOICES,
  RAG_CHOICES,
  initiativeStatusLabel,
  namesInRole,
  progressOf,
} from './initiativeLabels'
import { ProgressBar } from './ProgressBar'
import './initiatives.css'

/** Initiatives with RAG, confidence, progress, target date, owners and objectives. */
export function InitiativesView(): React.JSX.Element {
  const selectedId = useNavigationStore((state) => state.selectedId)
  const [now] = useState(() => Date.now())

  useEffect(() => {
    const initiatives = useInitiativesStore.getState()
    const stop = initiatives.listenForChanges()
    void initiatives.loadInitiatives()

    return stop
  }, [])

  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title" className="view-title" tabIndex={-1}>
        Initiatives
      </h1>
      {selectedId ? <InitiativePage id={selectedId} now={now} /> : <InitiativeList />}
    </section>
  )
}

function InitiativeList(): React.JSX.Element {
  const search = useInitiativesStore((state) => state.search)
  const filters = useInitiativesStore((state) => state.filters)
  const initiatives = useInitiativesStore((state) => state.initiatives)
  const total = useInitiativesStore((state) => state.total)
  const error = useInitiativesStore((state) => state.error)
  const id = useId()
  const store = useInitiativesStore.getState
  const isFiltered = search.trim() !== '' || filters.rag !== '' || filters.status !== ''

  return (
    <>
      <div className="task-filters">
        <div className="filter-field filter-search">
          <label htmlFor={`${id}-search`}>Search</label>
          <input
            id={`${id}-search`}
            type="search"
            placeholder="Search initiative titles"
            value={search}
            onChange={(event) => store().setSearch(event.target.value)}
          />
        </div>
        <div className="filter-field">
          <label htmlFor={`${id}-rag`}>RAG</label>
          <select
            id={`${id}-rag`}
            value={filters.rag}
            onChange={(event) =>
              store().setFilters({ rag: event.target.value as 'green' | 'amber' | 'red' | '' })
            }
          >
            <option value="">Any RAG</option>
            {RAG_CHOICES.map(({ rag, label }) => (
              <option key={rag} value={rag}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={filters.status}
            onChange={(event) => store().setFilters({ status: event.target.value })}
          >
            <option value="">Any status</option>
            {INITIATIVE_STATUS_CHOICES.map((status) => (
              <option key={status} value={status}>
                {initiativeStatusLabel(status)}
              </option>
            ))}
          </select>
        </div>
        {isFiltered ? (
          <Button variant="quiet" onClick={() => store().clearFilters()}>
            Clear filters
          </Button>
        ) : null}
      </div>
      <p className="result-count" role="status">
        {total === null ? '' : `${total} ${total === 1 ? 'initiative' : 'initiatives'}`}
      </p>
      {error ? (
        <ErrorMessage
          title="Could not load initiatives"
          error={error}
          onRetry={() => void store().loadInitiatives()}
        />
      ) : null}
      {total === null && !error ? <Skeleton label="Loading initiatives" rows={4} /> : null}
      {total === 0 ? (
        isFiltered ? (
          <EmptyState
            title="No initiatives match"
            action={<Button onClick={() => store().clearFilters()}>Clear filters</Button>}
          >
            Try other words, or clear the filters to see every initiative.
          </EmptyState>
        ) : (
          <EmptyState title="No initiatives yet">
            Initiatives appear here once mpath has synced. Create one in mpath to track its
            objectives and tasks.
          </EmptyState>
        )
      ) : null}
      {initiatives.length > 0 ? (
        <OptionList
          label="Initiatives"
          className="initiative-list"
          items={initiatives}
          getKey={(initiative) => initiative.id}
          onOpen={(initiative) => useNavigationStore.getState().select(initiative.id)}
          renderItem={(initiative) => {
            const owners = namesInRole(initiative, 'owner')

            return (
              <>
                <span className="initiative-row-head">
                  <span className="option-title">{initiative.title}</span>
                  <RagBadge rag={initiative.rag} />
                </span>
                <span className="option-meta initiative-row-meta">
                  <span>{initiativeStatusLabel(initiative.status)}</span>
                  <span>Confidence {Math.round(initiative.confidence)}%</span>
                  <ProgressBar progress={progressOf(initiative)} isDecorative />
                  <span>
                    {initiative.targetDate
                      ? `Target ${formatDate(initiative.targetDate)}`
                      : 'No target date'}
                  </span>
                  <span>{owners.length > 0 ? `Owner: ${owners.join(', ')}` : 'No owner'}</span>
                  <span>
                    {initiative.objectives.length}{' '}
                    {initiative.objectives.length === 1 ? 'objective' : 'objectives'}
                  </span>
                </span>
              </>
            )
          }}
        />
      ) : null}
    </>
  )
}
