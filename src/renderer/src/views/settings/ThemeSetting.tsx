import type { AppSettings } from '../../../../shared/settings/appSettings'

const THEMES: { value: AppSettings['theme']; label: string }[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

/** Props of {@link ThemeSetting}. */
export interface ThemeSettingProps {
  theme: AppSettings['theme']
  onChange: (theme: AppSettings['theme']) => void
}

/** Light, dark, or following the operating system. */
export function ThemeSetting({ theme, onChange }: ThemeSettingProps): React.JSX.Element {
  return (
    <fieldset className="choice-group">
      <legend>Theme</legend>
      {THEMES.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            name="theme"
            value={option.value}
            checked={theme === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  )
}
