import type { ButtonHTMLAttributes } from 'react'

/** The look of a button: one primary action per area, quiet ones for the rest. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet'

/** Props of {@link Button}: a native button plus a variant. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
}

/** A native button that never submits a form by accident. */
export function Button({
  variant = 'secondary',
  type = 'button',
  className,
  ...rest
}: ButtonProps): React.JSX.Element {
  const classes = ['button', `button-${variant}`, className].filter(Boolean).join(' ')

  return <button type={type} className={classes} {...rest} />
}
