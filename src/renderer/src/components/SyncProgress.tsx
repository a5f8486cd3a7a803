import { useSyncStore } from '../stores/syncStore'
import { Button } from './Button'

const COLLECTION_LABELS = {
  people: 'people',
  teams: 'teams',
  tasks: 'tasks',
  initiatives: 'initiatives',
  oneOnOnes: 'one-on-ones',
} as const

/** A progress bar while the sync runs, and a button to sync now otherwise. */
export function SyncProgress(): React.JSX.Element | null {
  const status = useSyncStore((state) => state.status)
  const refresh = useSyncStore((state) => state.refresh)

  if (!status) {
    return null
  }

  if (status.phase !== 'syncing') {
    return (
      <Button variant="quiet" onClick={() => void refresh()}>
        Sync now
      </Button>
    )
  }

  const progress = status.progress
  const label = progress ? `Syncing ${COLLECTION_LABELS[progress.collection]}` : 'Syncing'
  const total = progress?.total ?? undefined

  return (
    <div className="sync-progress">
      <progress
        aria-label={label}
        value={total === undefined ? undefined : progress?.loaded}
        max={total}
      />
      <span aria-hidden="true">
        {label}
        {progress && total !== undefined ? ` ${progress.loaded} of ${total}` : '…'}
      </span>
    </div>
  )
}
