import { Button } from './Button'
import { EmptyState } from './EmptyState'

/** Props of {@link ListEmptyState}. */
export interface ListEmptyStateProps {
  /** Whether a search or filter hid everything, rather than there being nothing yet. */
  isFiltered: boolean
  onClearFilters: () => void
  /** Title and text when the search or filters match nothing. */
  noMatchTitle: string
  noMatchText: string
  /** Title and text when there is nothing at all yet. */
  emptyTitle: string
  emptyText: string
}

/** Why a list is empty: filters that match nothing (with a way out) or no data yet. */
export function ListEmptyState({
  isFiltered,
  onClearFilters,
  noMatchTitle,
  noMatchText,
  emptyTitle,
  emptyText,
}: ListEmptyStateProps): React.JSX.Element {
  if (isFiltered) {
    return (
      <EmptyState
        title={noMatchTitle}
        action={<Button onClick={onClearFilters}>Clear filters</Button>}
      >
        {noMatchText}
      </EmptyState>
    )
  }

  return <EmptyState title={emptyTitle}>{emptyText}</EmptyState>
}
