import { useEffect, useState } from 'react'

import { ErrorMessage } from '../../components/ErrorMessage'
import { FilterBar } from '../../components/FilterBar'
import { FilterInput } from '../../components/FilterInput'
import { FilterSelect } from '../../components/FilterSelect'
import { formatDate } from '../../components/formatDate'
import { ListEmptyState } from '../../components/ListEmptyState'
import { OptionList } from '../../components/OptionList'
import { RagBadge } from '../../components/RagBadge'
import { ResultCount } from '../../components/ResultCount'
import { Skeleton } from '../../components/Skeleton'
import { useInitiativesStore } from '../../stores/initiativesStore'
import { useNavigationStore } from '../../stores/navigationStore'
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
  const store = useInitiativesStore.getState
  const isFiltered = search.trim() !== '' || filters.rag !== '' || filters.status !== ''

  return (
    <>
      <FilterBar isFiltered={isFiltered} onClearFilters={() => store().clearFilters()}>
        <FilterInput
          label="Search"
          type="search"
          placeholder="Search initiative titles"
          value={search}
          onValueChange={(value) => store().setSearch(value)}
        />
        <FilterSelect
          label="RAG"
          value={filters.rag}
          options={[
            { value: '', label: 'Any RAG' },
            ...RAG_CHOICES.map(({ rag, label }) => ({ value: rag, label })),
          ]}
          onValueChange={(rag) => store().setFilters({ rag })}
        />
        <FilterSelect
          label="Status"
          value={filters.status}
          options={[
            { value: '', label: 'Any status' },
            ...INITIATIVE_STATUS_CHOICES.map((status) => ({
              value: status,
              label: initiativeStatusLabel(status),
            })),
          ]}
          onValueChange={(status) => store().setFilters({ status })}
        />
      </FilterBar>
      <ResultCount total={total} singular="initiative" plural="initiatives" />
      {error ? (
        <ErrorMessage
          title="Could not load initiatives"
          error={error}
          onRetry={() => void store().loadInitiatives()}
        />
      ) : null}
      {total === null && !error ? <Skeleton label="Loading initiatives" rows={4} /> : null}
      {total === 0 ? (
        <ListEmptyState
          isFiltered={isFiltered}
          onClearFilters={() => store().clearFilters()}
          noMatchTitle="No initiatives match"
          noMatchText="Try other words, or clear the filters to see every initiative."
          emptyTitle="No initiatives yet"
          emptyText={
            'Initiatives appear here once mpath has synced. Create one in mpath to track its ' +
            'objectives and tasks.'
          }
        />
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
