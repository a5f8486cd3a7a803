import type { ReactNode } from 'react'

import { Button } from './Button'

/** Props of {@link FilterBar}. */
export interface FilterBarProps {
  /** Whether any search or filter is set; only then is "Clear filters" offered. */
  isFiltered: boolean
  onClearFilters: () => void
  /** The search, filter and sort fields, in reading order. */
  children: ReactNode
}

/** The row of search, filter and sort fields above a list, ending in "Clear filters". */
export function FilterBar({
  isFiltered,
  onClearFilters,
  children,
}: FilterBarProps): React.JSX.Element {
  return (
    <div className="task-filters">
      {children}
      {isFiltered ? (
        <Button variant="quiet" onClick={onClearFilters}>
          Clear filters
        </Button>
      ) : null}
    </div>
  )
}
