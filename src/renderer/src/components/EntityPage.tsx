import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'

import type { ErrorData } from '../../../shared/errors/appError'
import { Button } from './Button'
import { ErrorMessage } from './ErrorMessage'
import { Skeleton } from './Skeleton'

/** Props of {@link EntityPage}. */
export interface EntityPageProps<Entity extends { id: string }> {
  /** The loaded entity, or null while it loads or when it could not be loaded. */
  entity: Entity | null
  error: ErrorData | null
  /** The id of the page's heading, which names the whole page. */
  headingId: string
  heading: (entity: Entity) => string
  /** The button that leaves the page, e.g. "Back to people". */
  backLabel: string
  onBack: () => void
  /** e.g. "Could not open this person". */
  errorTitle: string
  onRetry: () => void
  /** What the skeleton announces while loading, e.g. "Loading the person". */
  loadingLabel: string
  /** The page's body under its heading, once the entity has loaded. */
  children: (entity: Entity) => ReactNode
}

/**
 * The frame of one person's or initiative's page: a way back, the load error or a skeleton,
 * then the heading and body. The heading takes focus whenever another entity loads, so screen
 * readers announce the page that opened.
 */
export function EntityPage<Entity extends { id: string }>({
  entity,
  error,
  headingId,
  heading,
  backLabel,
  onBack,
  errorTitle,
  onRetry,
  loadingLabel,
  children,
}: EntityPageProps<Entity>): React.JSX.Element {
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [entity?.id])

  return (
    <article className="entity-page" aria-labelledby={headingId}>
      <Button variant="quiet" onClick={onBack}>
        {backLabel}
      </Button>
      {error ? <ErrorMessage title={errorTitle} error={error} onRetry={onRetry} /> : null}
      {!entity && !error ? <Skeleton label={loadingLabel} rows={4} /> : null}
      {entity ? (
        <>
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="entity-title">
            {heading(entity)}
          </h2>
          {children(entity)}
        </>
      ) : null}
    </article>
  )
}
