import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import { renderWithFake } from '../testing/renderWithFake'
import { ErrorBoundary } from './ErrorBoundary'

function Broken(): React.JSX.Element {
  throw new Error('render failed')
}

describe('ErrorBoundary', () => {
  it('replaces a failed view with a way out and logs only the code', () => {
    // React reports the caught error on the console; keep the test output readable.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { fake } = renderWithFake(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    )

    expect(
      screen.getByRole('heading', { name: 'Something went wrong in this window' }),
    ).toBeDefined()
    expect(screen.getByRole('button', { name: 'Reload window' })).toBeDefined()
    expect(fake.callsTo('log:write')).toEqual([
      {
        level: 'error',
        message: '[renderer] a view failed to render',
        context: { code: 'INTERNAL' },
      },
    ])
    consoleError.mockRestore()
  })
})
