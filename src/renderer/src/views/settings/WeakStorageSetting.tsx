import { useState } from 'react'

import { Button } from '../../components/Button'
import { ToggleSetting } from './ToggleSetting'

/** The risk of keeping a refresh token under weak storage, in plain words. */
export const WEAK_STORAGE_RISK =
  'Risk: without a secure system keychain, the refresh token is saved in a form that anyone ' +
  'or any program able to read your files can copy and use to act as you in mpath, until you ' +
  'sign out or it expires.'

/** Props of {@link WeakStorageSetting}. */
export interface WeakStorageSettingProps {
  isAllowed: boolean
  onChange: (isAllowed: boolean) => void
}

/**
 * The explicit opt-in to keep a refresh token on disk when only weak storage exists. Turning it
 * on takes a second, deliberate step after the risk is stated; turning it off is immediate.
 */
export function WeakStorageSetting({
  isAllowed,
  onChange,
}: WeakStorageSettingProps): React.JSX.Element {
  const [isConfirming, setIsConfirming] = useState(false)

  const toggle = (checked: boolean): void => {
    if (checked) {
      setIsConfirming(true)

      return
    }

    onChange(false)
  }

  return (
    <div>
      <ToggleSetting
        label="Stay signed in even with weak storage"
        help={
          'Off: on computers without a secure keychain ' +
          'you sign in again each time the app starts.'
        }
        checked={isAllowed || isConfirming}
        onToggle={toggle}
      />
      {isConfirming ? (
        <div className="confirm" role="group" aria-label="Confirm weak storage">
          <p className="confirm-risk">{WEAK_STORAGE_RISK}</p>
          <div className="button-row">
            <Button
              variant="danger"
              onClick={() => {
                setIsConfirming(false)
                onChange(true)
              }}
            >
              Accept the risk and stay signed in
            </Button>
            <Button onClick={() => setIsConfirming(false)}>Keep it off</Button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
