import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { expectNoSeriousAxeViolations } from '../../testing/axe'
import { FIXTURE_REPORT_TEXT } from '../../testing/fixtures'
import { renderWithFake } from '../../testing/renderWithFake'
import { DiagnosticsView } from './DiagnosticsView'

describe('DiagnosticsView', () => {
  it('runs the checks and shows each with its status in words', async () => {
    const { fake, container } = renderWithFake(<DiagnosticsView />)

    const checks = await screen.findByRole('list', { name: 'Checks' })
    const items = within(checks).getAllByRole('listitem')
    expect(items.map((item) => item.querySelector('.badge')?.textContent)).toEqual([
      'OK',
      'Warning',
      'OK',
      'Failed',
    ])
    expect(within(checks).getByText(/Port 7073 is in use/)).toBeDefined()
    expect(fake.callsTo('diagnostics:run')).toHaveLength(1)
    await expectNoSeriousAxeViolations(container)
  })

  it('copies the redacted report to the clipboard', async () => {
    const { user } = renderWithFake(<DiagnosticsView />)
    await screen.findByRole('list', { name: 'Checks' })

    await user.click(screen.getByRole('button', { name: 'Copy report' }))

    expect(await screen.findByText('Report copied to the clipboard.')).toBeDefined()
    expect(await navigator.clipboard.readText()).toBe(FIXTURE_REPORT_TEXT)
  })

  it('opens the logs folder and reports a failure', async () => {
    const { user, fake } = renderWithFake(<DiagnosticsView />)
    await screen.findByRole('list', { name: 'Checks' })

    await user.click(screen.getByRole('button', { name: 'Open logs folder' }))
    expect(fake.callsTo('diagnostics:open-logs')).toHaveLength(1)

    fake.reject('diagnostics:open-logs', {
      code: 'INTERNAL',
      message: 'The folder could not be opened.',
    })
    await user.click(screen.getByRole('button', { name: 'Open logs folder' }))
    expect((await screen.findByRole('alert')).textContent).toContain('could not be opened')
  })

  it('runs the checks again on request', async () => {
    const { user, fake } = renderWithFake(<DiagnosticsView />)
    await screen.findByRole('list', { name: 'Checks' })

    await user.click(screen.getByRole('button', { name: 'Run the checks again' }))

    expect(fake.callsTo('diagnostics:run')).toHaveLength(2)
  })
})
