import { useId } from 'react'

/** Props of {@link FilterInput}. */
export interface FilterInputProps {
  label: string
  /** A search box is wider than the other fields of a filter bar. */
  type: 'search' | 'date'
  value: string
  onValueChange: (value: string) => void
  placeholder?: string
}

/** A labelled search box or date field in a filter bar. */
export function FilterInput({
  label,
  type,
  value,
  onValueChange,
  placeholder,
}: FilterInputProps): React.JSX.Element {
  const id = useId()

  return (
    <div className={type === 'search' ? 'filter-field filter-search' : 'filter-field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
      />
    </div>
  )
}
