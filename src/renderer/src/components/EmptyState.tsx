import type { ReactNode } from 'react'

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  title: string
  /** What the person can do to fill this space. */
  children: ReactNode
  action?: ReactNode
}

/** Says why an area is empty and what to do about it. */
export function EmptyState({ title, children, action }: EmptyStateProps): React.JSX.Element {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      <p className="empty-state-text">{children}</p>
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  )
}
