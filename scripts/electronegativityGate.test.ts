import { describe, expect, it } from 'vitest'

import {
  compareWithJustifications,
  describeGateResult,
  GLOBAL_FILE,
  readJustifications,
  readSarifFindings,
} from './electronegativityGate'

const sarif = {
  runs: [
    {
      results: [
        {
          ruleId: 'OPEN_EXTERNAL_JS_CHECK',
          message: { text: 'Review the use of openExternal' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'main/a.ts' },
                region: { startLine: 3 },
              },
            },
          ],
        },
        { ruleId: 'LIMIT_NAVIGATION_GLOBAL_CHECK', message: { text: 'Missing navigation limits' } },
      ],
    },
  ],
}

describe('the Electronegativity gate', () => {
  it('reads findings with repository paths', () => {
    expect(readSarifFindings(sarif, 'src')).toEqual([
      {
        check: 'OPEN_EXTERNAL_JS_CHECK',
        file: 'src/main/a.ts',
        line: 3,
        message: 'Review the use of openExternal',
      },
      {
        check: 'LIMIT_NAVIGATION_GLOBAL_CHECK',
        file: GLOBAL_FILE,
        line: undefined,
        message: 'Missing navigation limits',
      },
    ])
  })

  it('fails a finding without a justification and lists it', () => {
    const findings = readSarifFindings(sarif, 'src')
    const justifications = readJustifications([
      {
        check: 'OPEN_EXTERNAL_JS_CHECK',
        file: 'src/main/a.ts',
        why: 'The URL is checked by the opener port first.',
      },
      {
        check: 'SANDBOX_JS_CHECK',
        file: 'src/main/gone.ts',
        why: 'This file no longer exists in the tree.',
      },
    ])
    const result = compareWithJustifications(findings, justifications)

    expect(result.unjustified.map((finding) => finding.check)).toEqual([
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
    ])
    expect(result.stale.map((entry) => entry.check)).toEqual(['SANDBOX_JS_CHECK'])
    expect(describeGateResult(result, findings.length)).toMatch(
      /1 finding\(s\) without a justification/,
    )
  })

  it('does not take a justification from another file', () => {
    const findings = readSarifFindings(sarif, 'src').slice(0, 1)
    const result = compareWithJustifications(findings, [
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src/main/b.ts', why: 'A different file entirely.' },
    ])
    expect(result.unjustified).toHaveLength(1)
  })

  it('refuses a justification that does not say why', () => {
    expect(() => readJustifications([{ check: 'X', file: 'y', why: 'ok' }])).toThrow(
      /does not say why/,
    )
    expect(() => readJustifications({})).toThrow(/array/)
    expect(() => readSarifFindings({}, 'src')).toThrow(/SARIF/)
  })

  it('accepts the repository’s justifications file', async () => {
    const { readFileSync } = await import('node:fs')
    const entries = readJustifications(
      JSON.parse(
        readFileSync(new URL('../electronegativity-justifications.json', import.meta.url), 'utf8'),
      ),
    )
    expect(entries.length).toBeGreaterThan(0)
  })
})
