import { useId } from 'react'

/** One choice of a {@link FilterSelect}. */
export interface FilterOption<Value extends string> {
  value: Value
  label: string
}

/** Props of {@link FilterSelect}. */
export interface FilterSelectProps<Value extends string> {
  label: string
  value: Value
  /** Every choice in order, including the "any" and "none" ones. */
  options: readonly FilterOption<Value>[]
  onValueChange: (value: Value) => void
  disabled?: boolean
}

/** A labelled drop-down in a filter bar. */
export function FilterSelect<Value extends string>({
  label,
  value,
  options,
  onValueChange,
  disabled,
}: FilterSelectProps<Value>): React.JSX.Element {
  const id = useId()

  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        // The select only offers the values in options, so its value is one of them.
        onChange={(event) => onValueChange(event.target.value as Value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
