import { useEffect } from 'react'

import { ErrorMessage } from '../../components/ErrorMessage'
import { Skeleton } from '../../components/Skeleton'
import { useMyWorkStore } from '../../stores/myWorkStore'
import { WorkSummary } from './WorkSummary'

/** The signed-in person's open tasks, next one-on-ones and the initiatives they own. */
export function MyWorkView(): React.JSX.Element {
  const summary = useMyWorkStore((state) => state.summary)
  const error = useMyWorkStore((state) => state.error)
  const load = useMyWorkStore((state) => state.load)

  useEffect(() => {
    void load()
  }, [load])

  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title" className="view-title" tabIndex={-1}>
        My work
      </h1>
      {error ? (
        <ErrorMessage title="Could not load your work" error={error} onRetry={() => void load()} />
      ) : null}
      {!summary && !error ? <Skeleton label="Loading your work" rows={5} /> : null}
      {summary ? <WorkSummary summary={summary} /> : null}
    </section>
  )
}
