import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'

import { logProblem } from '../stores/mpathBridge'

interface ErrorBoundaryState {
  hasFailed: boolean
}

/**
 * The renderer's one top-level handler for errors thrown while rendering: logs the failure to
 * main and offers a reload instead of a blank window.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { hasFailed: false }

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { hasFailed: true }
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    logProblem('[renderer] a view failed to render', error, 'error')
  }

  override render(): ReactNode {
    if (!this.state.hasFailed) {
      return this.props.children
    }

    return (
      <main className="fatal" aria-labelledby="fatal-title">
        <h1 id="fatal-title">Something went wrong in this window</h1>
        <p>
          Your data is safe. Reload the window to carry on; if it happens again, open Diagnostics.
        </p>
        <button type="button" className="button button-primary" onClick={() => location.reload()}>
          Reload window
        </button>
      </main>
    )
  }
}
