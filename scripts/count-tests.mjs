// Sums the passed and failed test counts from Vitest's and Playwright's JSON reports and prints the
// plain closing line CI reads: `tests: N passed, N failed`. A runner that never wrote its report
// (because an earlier step failed) counts as one failure when the overall status is non-zero.
import { existsSync, readFileSync } from 'node:fs'

const [vitestFile, playwrightFile, statusText] = process.argv.slice(2)
const status = Number(statusText ?? '0')
let passed = 0
let failed = 0

if (vitestFile && existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
}

function walkSuites(suites) {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const outcome = t.status // expected | unexpected | flaky | skipped
        if (outcome === 'expected' || outcome === 'flaky') passed += 1
        else if (outcome === 'unexpected') failed += 1
      }
    }
    walkSuites(suite.suites)
  }
}
if (playwrightFile && existsSync(playwrightFile)) {
  walkSuites(JSON.parse(readFileSync(playwrightFile, 'utf8')).suites)
}
if (status !== 0 && failed === 0) failed = 1
console.log(`tests: ${passed} passed, ${failed} failed`)
