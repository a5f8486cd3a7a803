import { selectLastSyncedAt, useSyncStore } from '../stores/syncStore'
import { Banner } from './Banner'
import { Button } from './Button'
import { adviceFor } from './errorAdvice'
import { formatDateTime } from './formatDate'

/** Says when the window shows cached data because main cannot reach mpath, and since when. */
export function SyncBanner(): React.JSX.Element | null {
  const phase = useSyncStore((state) => state.status?.phase)
  const lastError = useSyncStore((state) => state.status?.lastError)
  const lastSyncedAt = useSyncStore(selectLastSyncedAt)
  const refresh = useSyncStore((state) => state.refresh)
  const since = lastSyncedAt
    ? `Showing what was last synced on ${formatDateTime(lastSyncedAt)}.`
    : 'Nothing has been synced yet.'
  const retry = (
    <Button variant="quiet" onClick={() => void refresh()}>
      Try again now
    </Button>
  )

  if (phase === 'offline') {
    return (
      <Banner tone="warning" title="You are offline" actions={retry}>
        {since} The app syncs again when the connection is back.
      </Banner>
    )
  }

  if (phase === 'error' && lastError) {
    return (
      <Banner tone="warning" title="Sync failed" actions={retry}>
        {lastError.message} {adviceFor(lastError) ?? ''} {since}
      </Banner>
    )
  }

  return null
}
