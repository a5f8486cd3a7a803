import type { ErrorData } from '../../../shared/errors/appError'
import { Button } from './Button'
import { adviceFor } from './errorAdvice'

/** Props of {@link ErrorMessage}. */
export interface ErrorMessageProps {
  error: ErrorData
  /** A short title, e.g. "Could not load your work". */
  title?: string
  onRetry?: () => void
  retryLabel?: string
}

/** What happened and what to do, announced to screen readers. */
export function ErrorMessage({
  error,
  title,
  onRetry,
  retryLabel = 'Try again',
}: ErrorMessageProps): React.JSX.Element {
  const advice = adviceFor(error)

  return (
    <div className="error-message" role="alert">
      {title ? <p className="error-message-title">{title}</p> : null}
      <p>{error.message}</p>
      {advice ? <p className="error-message-advice">{advice}</p> : null}
      {onRetry ? <Button onClick={onRetry}>{retryLabel}</Button> : null}
    </div>
  )
}
