import { useId } from 'react'
import type { InputHTMLAttributes } from 'react'

/** Props of {@link TextField}: a labelled input with a line of help and an error. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string
  help?: string
  error?: string
  value: string
  onValueChange: (value: string) => void
}

/** A text input whose help and error are tied to it for screen readers. */
export function TextField({
  label,
  help,
  error,
  value,
  onValueChange,
  id,
  ...rest
}: TextFieldProps): React.JSX.Element {
  const generatedId = useId()
  const inputId = id ?? generatedId
  const helpId = `${inputId}-help`
  const errorId = `${inputId}-error`
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ')

  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...rest}
      />
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
