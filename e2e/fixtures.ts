/**
 * Shared Playwright fixtures. `consoleGuard` fails a test on any console error, page error or
 * failed request, so every journey also proves the page loads cleanly. `cspGuard` fails it on any
 * breach of the build's Content-Security-Policy (scripts/csp.mjs): a `securitypolicyviolation`
 * event in any page of the test, or a console report of one, so every journey also proves the
 * strict policy costs the app nothing. The page objects (`sim`, `toolbar`, `topology`, `table`)
 * are injected as fixtures, as tldraw's e2e suite does.
 *
 * Service workers are blocked unless a spec asks for them (`test.use({ serviceWorkers: 'allow' })`,
 * as e2e/offline.spec.ts does): a worker that takes over the page would answer requests from its
 * cache, past `page.route` mocks, and a journey tests the app, not the cache. Each test has a
 * fresh browser context, so no cache survives from one test, or one build, to the next anyway.
 */
import { test as base, expect } from '@playwright/test'
import { PartitionTable } from './pages/PartitionTable'
import { SimApi } from './pages/SimApi'
import { Toolbar } from './pages/Toolbar'
import { Topology } from './pages/Topology'

/** Chromium's console text for a blocked load, script, style or eval. */
const CSP_CONSOLE = /Content Security Policy/i
/** The binding through which pages report `securitypolicyviolation` events. */
const CSP_BINDING = '__reportCspViolation'

export interface CspGuard {
  /** Each breach seen so far: directive, what was blocked, where. */
  violations: string[]
  /** For a test that breaks the policy on purpose: skip the check at the end. */
  expectViolations(): void
}

type Fixtures = {
  /**
   * Show the first-visit tour (default false: every journey but the tour's own starts with it
   * dismissed, since its spotlight dialog sits over the page).
   */
  firstVisitTour: boolean
  skipFirstVisitTour: void
  consoleGuard: { problems: string[] }
  cspGuard: CspGuard
  sim: SimApi
  toolbar: Toolbar
  topology: Topology
  table: PartitionTable
}

export const test = base.extend<Fixtures>({
  firstVisitTour: [false, { option: true }],
  serviceWorkers: 'block',
  skipFirstVisitTour: [
    async ({ page, firstVisitTour }, use) => {
      if (!firstVisitTour)
        await page.addInitScript(() =>
          window.localStorage.setItem('kafka-ha-lab.tour-dismissed', '1'),
        )
      await use()
    },
    { auto: true },
  ],
  consoleGuard: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('console', (message) => {
        // Policy breaches are the CSP guard's to report (and a test may expect them).
        if (message.type() === 'error' && !CSP_CONSOLE.test(message.text()))
          problems.push(`console error: ${message.text()}`)
      })
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      page.on('requestfailed', (request) =>
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
      )
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`)
      })
      await use({ problems })
      expect(problems, 'the page logged errors or failed requests').toEqual([])
    },
    { auto: true },
  ],
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = []
      let expected = false
      await context.exposeBinding(CSP_BINDING, (_source, report: string) => {
        violations.push(report)
      })
      await context.addInitScript((binding) => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const where = `${event.sourceFile || document.URL}:${event.lineNumber}`
          const what = event.blockedURI || 'inline'
          const sample = event.sample ? ` "${event.sample}"` : ''
          const report = (window as unknown as Record<string, (text: string) => void>)[binding]
          report?.(`${event.effectiveDirective} blocked ${what}${sample} at ${where}`)
        })
      }, CSP_BINDING)
      context.on('console', (message) => {
        if (CSP_CONSOLE.test(message.text())) violations.push(`console: ${message.text()}`)
      })
      await use({
        violations,
        expectViolations: () => {
          expected = true
        },
      })
      if (!expected) expect(violations, 'the page broke its Content-Security-Policy').toEqual([])
    },
    { auto: true },
  ],
  sim: async ({ page }, use) => use(new SimApi(page)),
  toolbar: async ({ page }, use) => use(new Toolbar(page)),
  topology: async ({ page }, use) => use(new Topology(page)),
  table: async ({ page }, use) => use(new PartitionTable(page)),
})

export { expect }
