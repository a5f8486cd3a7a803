import { useId } from 'react'

/** Props of {@link ToggleSetting}. */
export interface ToggleSettingProps {
  label: string
  help: string
  checked: boolean
  disabled?: boolean
  onToggle: (checked: boolean) => void
}

/** A checkbox with its label and one line saying what it does. */
export function ToggleSetting({
  label,
  help,
  checked,
  disabled,
  onToggle,
}: ToggleSettingProps): React.JSX.Element {
  const id = useId()

  return (
    <div className="toggle">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(event) => onToggle(event.target.checked)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      </div>
    </div>
  )
}
