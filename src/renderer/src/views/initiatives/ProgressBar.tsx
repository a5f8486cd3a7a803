import type { InitiativeProgress } from './initiativeLabels'
import { progressLabel } from './initiativeLabels'

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  progress: InitiativeProgress | null
  /** True inside a list option, where the bar must not be a separate control. */
  isDecorative?: boolean
}

/** A thin bar and its words; in a list the words alone carry the meaning. */
export function ProgressBar({
  progress,
  isDecorative = false,
}: ProgressBarProps): React.JSX.Element {
  const share = progress && progress.total > 0 ? progress.done / progress.total : 0
  const label = progressLabel(progress)

  return (
    <span className="progress">
      <span
        className="progress-track"
        {...(isDecorative
          ? { 'aria-hidden': true }
          : {
              role: 'progressbar',
              'aria-label': 'Tasks done',
              'aria-valuemin': 0,
              'aria-valuemax': progress?.total ?? 0,
              'aria-valuenow': progress?.done ?? 0,
              'aria-valuetext': label,
            })}
      >
        <span className="progress-fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="progress-text">{label}</span>
    </span>
  )
}
