import { describe, expect, it, vi } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { installProcessErrorHandlers } from './processErrors'

describe('installProcessErrorHandlers', () => {
  it('logs every error redacted and shows the first one only', () => {
    const listeners = new Map<string, (error: unknown) => void>()
    const showError = vi.fn()
    const { logger, entries } = createTestLogger()
    installProcessErrorHandlers({
      process: { on: (event, listener) => listeners.set(event, listener) },
      logger,
      showError,
    })

    listeners.get('uncaughtException')?.(
      new Error('failed at mpath://oauth/callback?code=SECRET1&state=S2'),
    )
    listeners.get('unhandledRejection')?.(new Error('Bearer SECRET3 was refused'))

    expect(entries.filter((entry) => entry.level === 'error')).toHaveLength(2)
    expect(showError).toHaveBeenCalledTimes(1)
    const shown = JSON.stringify(showError.mock.calls)
    const logged = JSON.stringify(entries)

    for (const secret of ['SECRET1', 'S2', 'SECRET3']) {
      expect(shown).not.toContain(secret)
      expect(logged).not.toContain(secret)
    }
  })
})
