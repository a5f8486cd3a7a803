import { useEffect } from 'react'

import type { CheckStatus } from '../../../../shared/diagnostics/diagnostics'
import { Button } from '../../components/Button'
import { ErrorMessage } from '../../components/ErrorMessage'
import { formatDateTime } from '../../components/formatDate'
import { Skeleton } from '../../components/Skeleton'
import { useDiagnosticsStore } from '../../stores/diagnosticsStore'

const STATUS_LABELS: Record<CheckStatus, string> = {
  ok: 'OK',
  warn: 'Warning',
  fail: 'Failed',
  unknown: 'Not checked',
}

/** The auth self-check, a redacted report to copy, and the logs folder. */
export function DiagnosticsView(): React.JSX.Element {
  const report = useDiagnosticsStore((state) => state.report)
  const isRunning = useDiagnosticsStore((state) => state.isRunning)
  const copyState = useDiagnosticsStore((state) => state.copyState)
  const error = useDiagnosticsStore((state) => state.error)
  const run = useDiagnosticsStore((state) => state.run)
  const copyReport = useDiagnosticsStore((state) => state.copyReport)
  const openLogs = useDiagnosticsStore((state) => state.openLogs)

  useEffect(() => {
    void run()
  }, [run])

  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title" className="view-title" tabIndex={-1}>
        Diagnostics
      </h1>
      <p className="lead">
        Checks what signing in depends on. The report leaves out tokens, codes and secrets.
      </p>
      <div className="button-row">
        <Button onClick={() => void run()} disabled={isRunning}>
          Run the checks again
        </Button>
        <Button variant="primary" onClick={() => void copyReport()} disabled={!report}>
          Copy report
        </Button>
        <Button onClick={() => void openLogs()}>Open logs folder</Button>
      </div>
      <p className="notice" role="status">
        {copyState === 'copied' ? 'Report copied to the clipboard.' : ''}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      {!report && isRunning ? <Skeleton label="Running the checks" rows={4} /> : null}
      {report ? (
        <>
          <ul className="checks" aria-label="Checks">
            {report.checks.map((check) => (
              <li key={check.id} className={`check check-${check.status}`}>
                <span className={`badge badge-${check.status}`}>{STATUS_LABELS[check.status]}</span>
                <div>
                  <p className="check-title">{check.title}</p>
                  <p className="check-detail">{check.detail}</p>
                </div>
              </li>
            ))}
          </ul>
          <p className="field-help">Checked {formatDateTime(report.generatedAt)}.</p>
        </>
      ) : null}
    </section>
  )
}
