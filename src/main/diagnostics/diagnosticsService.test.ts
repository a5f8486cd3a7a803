import { describe, expect, it } from 'vitest'

import { createFakeClock } from '../api/testing/fakeClock'
import { createTestLogger } from '../log/testing/testLogger'
import { createDiagnostics } from './diagnosticsService'

describe('createDiagnostics', () => {
  it('reports every check, unknown where no probe is bound', async () => {
    const diagnostics = createDiagnostics({
      probes: {
        storage: async () => ({ status: 'warn', detail: 'basic_text: weak protection.' }),
        clock: async () => {
          throw new Error('boom')
        },
      },
      clock: createFakeClock(),
      logger: createTestLogger().logger,
      describeApp: () => 'mpath Desktop 0.1.0',
    })

    const report = await diagnostics.run()
    expect(report.checks.map((check) => check.id)).toEqual([
      'connection',
      'storage',
      'scheme',
      'loopback',
      'clock',
      'logs',
    ])
    expect(report.checks.find((check) => check.id === 'storage')?.status).toBe('warn')
    expect(report.checks.find((check) => check.id === 'clock')).toMatchObject({
      status: 'unknown',
      detail: 'The check could not run.',
    })
    await expect(diagnostics.openLogs()).rejects.toMatchObject({ code: 'NOT_AVAILABLE' })
  })

  it('redacts the copied text', async () => {
    const diagnostics = createDiagnostics({
      probes: {
        connection: async () => ({
          status: 'fail',
          detail: 'Callback mpath://oauth/callback?code=SECRETCODE&state=S1 was refused.',
        }),
      },
      clock: createFakeClock(),
      logger: createTestLogger().logger,
      describeApp: () => 'mpath Desktop 0.1.0',
    })

    const text = await diagnostics.reportText()
    expect(text).toContain('[FAIL] Connection to your organization')
    expect(text).not.toContain('SECRETCODE')
    expect(text.split('\n')[0]).toMatch(/^mpath Desktop 0.1.0 — self-check at /)
  })
})
