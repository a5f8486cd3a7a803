import { useEffect, useState } from 'react'

import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Skeleton } from '../../components/Skeleton'
import { useNavigationStore } from '../../stores/navigationStore'
import { usePeopleStore } from '../../stores/peopleStore'
import { OrgChart } from './OrgChart'
import { PeopleList } from './PeopleList'
import { PersonPage } from './PersonPage'
import './people.css'

/** People as a list or an org chart; choosing someone opens their page. */
export function PeopleView(): React.JSX.Element {
  const mode = usePeopleStore((state) => state.mode)
  const orgChart = usePeopleStore((state) => state.orgChart)
  const orgChartError = usePeopleStore((state) => state.orgChartError)
  const chartFocusId = usePeopleStore((state) => state.chartFocusId)
  const selectedId = useNavigationStore((state) => state.selectedId)
  const [now] = useState(() => Date.now())

  useEffect(() => {
    const people = usePeopleStore.getState()
    const stop = people.listenForChanges()
    void people.loadPeople()
    void people.loadTeams()
    void people.loadOrgChart()

    return stop
  }, [])

  const showMode = (next: 'list' | 'chart'): void => {
    usePeopleStore.getState().setMode(next)
    useNavigationStore.getState().select(null)
  }

  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title" className="view-title" tabIndex={-1}>
        People
      </h1>
      <div className="button-row" role="group" aria-label="Show people as">
        <Button aria-pressed={!selectedId && mode === 'list'} onClick={() => showMode('list')}>
          List
        </Button>
        <Button aria-pressed={!selectedId && mode === 'chart'} onClick={() => showMode('chart')}>
          Org chart
        </Button>
      </div>
      {selectedId ? <PersonPage id={selectedId} now={now} /> : null}
      {!selectedId && mode === 'list' ? <PeopleList /> : null}
      {!selectedId && mode === 'chart' ? (
        <>
          {orgChartError ? (
            <ErrorMessage
              title="Could not draw the org chart"
              error={orgChartError}
              onRetry={() => void usePeopleStore.getState().loadOrgChart()}
            />
          ) : null}
          {!orgChart && !orgChartError ? <Skeleton label="Loading the org chart" rows={4} /> : null}
          {orgChart?.length === 0 ? (
            <EmptyState title="No one to chart yet">
              The org chart is drawn from the people mpath has synced and their managers.
            </EmptyState>
          ) : null}
          {orgChart && orgChart.length > 0 ? (
            <OrgChart
              nodes={orgChart}
              focusId={chartFocusId}
              onFocus={(id) => usePeopleStore.getState().showInChart(id)}
              onOpenPerson={(id) => useNavigationStore.getState().select(id)}
            />
          ) : null}
        </>
      ) : null}
    </section>
  )
}
