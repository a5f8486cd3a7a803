import { useEffect, useId, useRef } from 'react'
import type { KeyboardEvent } from 'react'

import type { PaletteResult } from '../../../../shared/ipc/queries'
import { useNavigationStore } from '../../stores/navigationStore'
import { usePaletteStore } from '../../stores/paletteStore'
import { PALETTE_KIND_LABELS, PALETTE_VIEWS } from './paletteTargets'

/**
 * Ctrl/Cmd+K: a search over people, tasks and initiatives. Arrows move, Enter opens the item in
 * its view, Escape closes and gives focus back.
 */
export function CommandPalette(): React.JSX.Element | null {
  const isOpen = usePaletteStore((state) => state.isOpen)
  const query = usePaletteStore((state) => state.query)
  const results = usePaletteStore((state) => state.results)
  const activeIndex = usePaletteStore((state) => state.activeIndex)
  const isSearching = usePaletteStore((state) => state.isSearching)
  const error = usePaletteStore((state) => state.error)
  const inputRef = useRef<HTMLInputElement>(null)
  const returnFocusRef = useRef<HTMLElement | null>(null)
  const listId = useId()

  useEffect(() => {
    if (!isOpen) {
      return
    }

    returnFocusRef.current = document.activeElement as HTMLElement | null
    inputRef.current?.focus()

    return () => returnFocusRef.current?.focus()
  }, [isOpen])

  if (!isOpen) {
    return null
  }

  const openResult = (result: PaletteResult): void => {
    usePaletteStore.getState().close()
    useNavigationStore.getState().navigate(PALETTE_VIEWS[result.kind], result.id)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const palette = usePaletteStore.getState()

    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      palette.moveActive(event.key === 'ArrowDown' ? 1 : -1)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const result = palette.results[palette.activeIndex]

      if (result) {
        openResult(result)
      }
    } else if (event.key === 'Escape') {
      event.preventDefault()
      palette.close()
    }
  }

  const optionId = (index: number): string => `${listId}-option-${index}`
  const hasQuery = query.trim() !== ''

  return (
    <div className="palette-backdrop" onMouseDown={() => usePaletteStore.getState().close()}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Search"
        onMouseDown={(event) => event.stopPropagation()}
      >
        <input
          ref={inputRef}
          className="palette-input"
          role="combobox"
          aria-label="Search people, tasks and initiatives"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={results.length > 0 ? optionId(activeIndex) : undefined}
          placeholder="Search people, tasks and initiatives"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => void usePaletteStore.getState().search(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} className="palette-results" role="listbox" aria-label="Results">
          {results.map((result, index) => (
            <li
              key={`${result.kind}-${result.id}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className="palette-result"
              onMouseEnter={() => usePaletteStore.getState().setActive(index)}
              onClick={() => openResult(result)}
            >
              <span className="palette-kind">{PALETTE_KIND_LABELS[result.kind]}</span>
              <span className="palette-title">{result.title}</span>
              {result.subtitle ? <span className="palette-subtitle">{result.subtitle}</span> : null}
            </li>
          ))}
        </ul>
        <p className="palette-status" role="status">
          {error
            ? error.message
            : hasQuery && !isSearching && results.length === 0
              ? 'Nothing matches. Try another word, or check that the last sync finished.'
              : hasQuery && results.length > 0
                ? `${results.length} ${results.length === 1 ? 'result' : 'results'}`
                : ''}
        </p>
      </div>
    </div>
  )
}
