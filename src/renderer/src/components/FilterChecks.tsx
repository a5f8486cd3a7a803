/** Props of {@link FilterChecks}. */
export interface FilterChecksProps<Value> {
  /** The name of the group, e.g. "Status". */
  legend: string
  choices: readonly Value[]
  selected: readonly Value[]
  labelOf: (choice: Value) => string
  /** Called with the whole new selection, in the order the choices were ticked. */
  onSelectedChange: (selected: Value[]) => void
}

/** A group of checkboxes in a filter bar; any number of its choices may be on. */
export function FilterChecks<Value extends string | number>({
  legend,
  choices,
  selected,
  labelOf,
  onSelectedChange,
}: FilterChecksProps<Value>): React.JSX.Element {
  return (
    <fieldset className="filter-checks">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice} className="choice">
          <input
            type="checkbox"
            checked={selected.includes(choice)}
            onChange={(event) =>
              onSelectedChange(
                event.target.checked
                  ? [...selected, choice]
                  : selected.filter((candidate) => candidate !== choice),
              )
            }
          />
          {labelOf(choice)}
        </label>
      ))}
    </fieldset>
  )
}
