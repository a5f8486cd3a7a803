/** Props of {@link Skeleton}. */
export interface SkeletonProps {
  /** What is loading, read to screen readers, e.g. "Loading your work". */
  label: string
  rows?: number
}

/** Grey placeholder rows shown while data loads, so the window is never blank. */
export function Skeleton({ label, rows = 3 }: SkeletonProps): React.JSX.Element {
  return (
    <div className="skeleton" role="status" aria-label={label} aria-busy="true">
      {Array.from({ length: rows }, (_unused, index) => (
        <div key={index} className="skeleton-row" aria-hidden="true" />
      ))}
    </div>
  )
}
