import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'

/** Props of {@link OptionList}. */
export interface OptionListProps<Item> {
  /** The accessible name of the list, e.g. "People". */
  label: string
  items: readonly Item[]
  getKey: (item: Item) => string
  /** The text of one option; options hold no controls of their own. */
  renderItem: (item: Item) => ReactNode
  onOpen: (item: Item) => void
  className?: string
}

/**
 * A short list as a listbox: one tab stop, arrows and Home/End move the selection, Enter or a
 * click opens the selected item. Long lists use the virtualized task list instead.
 */
export function OptionList<Item>({
  label,
  items,
  getKey,
  renderItem,
  onOpen,
  className,
}: OptionListProps<Item>): React.JSX.Element {
  const listId = useId()
  const listRef = useRef<HTMLUListElement>(null)
  const [activeIndex, setActiveIndex] = useState(0)
  const active = Math.min(activeIndex, Math.max(0, items.length - 1))

  useEffect(() => {
    const option = listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')
    option?.scrollIntoView?.({ block: 'nearest' })
  }, [active])

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: items.length - 1,
    }

    if (items.length === 0) {
      return
    }

    if (event.key in moves) {
      event.preventDefault()
      setActiveIndex(Math.min(Math.max(0, moves[event.key] ?? 0), items.length - 1))
    } else if (event.key === 'Enter') {
      const item = items[active]

      if (item !== undefined) {
        event.preventDefault()
        onOpen(item)
      }
    }
  }

  return (
    <ul
      ref={listRef}
      className={['option-list', className].filter(Boolean).join(' ')}
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={items.length > 0 ? `${listId}-${active}` : undefined}
      onKeyDown={onKeyDown}
    >
      {items.map((item, index) => (
        <li
          key={getKey(item)}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={index === active}
          className="option-list-item"
          onClick={() => {
            setActiveIndex(index)
            onOpen(item)
          }}
        >
          {renderItem(item)}
        </li>
      ))}
    </ul>
  )
}
