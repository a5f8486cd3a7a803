// The rules of the Electronegativity gate, apart from running the scanner so they can be tested:
// every finding must be answered by a written justification for its check and file.

/** One finding of the scanner, reduced to what the gate compares. */
export interface Finding {
  check: string
  /** Repository-relative path, or `(global)` for a check about the app as a whole. */
  file: string
  line?: number
  message: string
}

/** Why a finding is acceptable, as written in `electronegativity-justifications.json`. */
export interface Justification {
  check: string
  file: string
  why: string
}

/** What the gate found. */
export interface GateResult {
  unjustified: Finding[]
  /** Justifications no finding used any more: delete them so the list stays honest. */
  stale: Justification[]
}

/** The file label of a finding the scanner does not tie to a file. */
export const GLOBAL_FILE = '(global)'

interface SarifLocation {
  physicalLocation?: {
    artifactLocation?: { uri?: string }
    region?: { startLine?: number }
  }
}

interface SarifResult {
  ruleId?: string
  message?: { text?: string }
  locations?: SarifLocation[]
}

/**
 * The findings of a SARIF report. `root` is prefixed to the scanner's paths, which are relative
 * to the folder it scanned.
 */
export function readSarifFindings(sarif: unknown, root: string): Finding[] {
  const runs = (sarif as { runs?: Array<{ results?: SarifResult[] }> } | null)?.runs

  if (!Array.isArray(runs)) {
    throw new Error('The Electronegativity report is not SARIF (no "runs").')
  }

  return runs.flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation
      const uri = location?.artifactLocation?.uri
      const file =
        uri === undefined || uri === '' || uri === 'N/A'
          ? GLOBAL_FILE
          : `${root}/${uri.replace(/^\.?\//, '')}`

      return {
        check: result.ruleId ?? 'UNKNOWN_CHECK',
        file,
        line: location?.region?.startLine,
        message: result.message?.text ?? '',
      }
    }),
  )
}

/** Reads and checks the justifications file; each entry needs a check, a file and a reason. */
export function readJustifications(value: unknown): Justification[] {
  if (!Array.isArray(value)) {
    throw new Error('The justifications file must hold a JSON array.')
  }

  return value.map((entry, index) => {
    const { check, file, why } = (entry ?? {}) as Record<string, unknown>

    if (typeof check !== 'string' || typeof file !== 'string' || typeof why !== 'string') {
      throw new Error(`Justification ${index + 1} needs "check", "file" and "why" as text.`)
    }

    if (why.trim().length < 20) {
      throw new Error(`Justification ${index + 1} (${check} in ${file}) does not say why.`)
    }

    return { check, file, why }
  })
}

/** Compares findings with the justifications: a finding counts as answered by check and file. */
export function compareWithJustifications(
  findings: readonly Finding[],
  justifications: readonly Justification[],
): GateResult {
  const key = (item: { check: string; file: string }) => `${item.check}\u0000${item.file}`
  const answered = new Set(justifications.map(key))
  const seen = new Set(findings.map(key))

  return {
    unjustified: findings.filter((finding) => !answered.has(key(finding))),
    stale: justifications.filter((justification) => !seen.has(key(justification))),
  }
}

/** The gate's report, for people. */
export function describeGateResult(result: GateResult, total: number): string {
  const lines: string[] = []

  if (result.unjustified.length === 0) {
    lines.push(`Electronegativity: ${total} finding(s), each answered by a justification.`)
  } else {
    lines.push(
      `Electronegativity: ${result.unjustified.length} finding(s) without a justification:`,
      ...result.unjustified.map((finding) => {
        const at = finding.line === undefined ? '' : `:${finding.line}`

        return `  ${finding.check}  ${finding.file}${at}  ${finding.message}`
      }),
      'Fix each one, or add {"check", "file", "why"} to electronegativity-justifications.json.',
    )
  }

  if (result.stale.length > 0) {
    lines.push(
      'Justifications no finding uses any more (remove them):',
      ...result.stale.map((entry) => `  ${entry.check}  ${entry.file}`),
    )
  }

  return lines.join('\n')
}
