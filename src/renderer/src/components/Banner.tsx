import type { ReactNode } from 'react'

/** Props of {@link Banner}. */
export interface BannerProps {
  tone: 'info' | 'warning' | 'error'
  title: string
  children?: ReactNode
  /** Buttons shown at the end of the banner. */
  actions?: ReactNode
}

/**
 * A full-width message above the view. Errors are announced at once (`alert`); the rest
 * politely (`status`).
 */
export function Banner({ tone, title, children, actions }: BannerProps): React.JSX.Element {
  return (
    <div
      className={`banner banner-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-label={title}
    >
      <div className="banner-text">
        <strong>{title}</strong>
        {children ? <span> {children}</span> : null}
      </div>
      {actions ? <div className="banner-actions">{actions}</div> : null}
    </div>
  )
}
