/**
 * The verdict of `npm run audit` (scripts/audit.mjs) on recorded `npm audit --json` outputs: a
 * clean report, advisories below and at the failing severities, the registry's 405 refusal seen
 * on this machine, and npm not running at all. It never passes silently: every case prints one
 * `advisories:` line, and only high or critical advisories fail.
 */
import { describe, expect, it } from 'vitest'
import { auditVerdict } from './audit.mjs'

function report(counts: Record<string, number>, vulnerabilities: object = {}) {
  const metadata = { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0 } }
  Object.assign(metadata.vulnerabilities, counts)
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata })
}

const run = (stdout: string, status = 0, stderr = '') => ({ stdout, stderr, status })

describe('npm run audit', () => {
  it('says "0 found" and passes when the registry reports nothing', () => {
    expect(auditVerdict(run(report({})))).toEqual({ lines: ['advisories: 0 found'], exitCode: 0 })
  })

  it('counts low and moderate advisories by severity and passes', () => {
    const verdict = auditVerdict(run(report({ moderate: 2, low: 1 }), 1))
    expect(verdict).toEqual({ lines: ['advisories: 3 found (2 moderate, 1 low)'], exitCode: 0 })
  })

  it('fails on a high or critical advisory and names the package', () => {
    const vulnerabilities = {
      'some-lib': { severity: 'critical', range: '<1.2.3' },
      other: { severity: 'low', range: '*' },
    }
    const verdict = auditVerdict(run(report({ critical: 1, low: 1 }, vulnerabilities), 1))
    expect(verdict.exitCode).toBe(1)
    expect(verdict.lines).toEqual([
      '  critical: some-lib <1.2.3',
      'advisories: 2 found (1 critical, 1 low)',
    ])
  })

  it('says "not checked" with the reason when the registry refuses the audit request', () => {
    const refused = JSON.stringify({
      message:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    })
    expect(auditVerdict(run(refused, 1, 'npm error audit endpoint returned an error'))).toEqual({
      lines: [
        'advisories: not checked (the advisory source did not answer: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk)',
      ],
      exitCode: 0,
    })
  })

  it('says "not checked" when npm prints no report or does not run', () => {
    const garbled = auditVerdict(run('', 1, 'npm error code ENOTFOUND\nnpm error network down'))
    expect(garbled.lines).toEqual([
      'advisories: not checked (npm audit printed no report: code ENOTFOUND)',
    ])
    const missing = auditVerdict({ ...run(''), status: null, error: new Error('spawn npm ENOENT') })
    expect(missing).toEqual({
      lines: ['advisories: not checked (npm audit did not run: spawn npm ENOENT)'],
      exitCode: 0,
    })
  })
})
