/**
 * Shared Playwright fixtures. `consoleGuard` fails a test on any console error, page error or
 * failed request, so every journey also proves the page loads cleanly. The page objects (`sim`,
 * `toolbar`, `topology`, `table`) are injected as fixtures, as tldraw's e2e suite does.
 */
import { test as base, expect } from '@playwright/test'
import { PartitionTable } from './pages/PartitionTable'
import { SimApi } from './pages/SimApi'
import { Toolbar } from './pages/Toolbar'
import { Topology } from './pages/Topology'

type Fixtures = {
  /**
   * Show the first-visit tour (default false: every journey but the tour's own starts with it
   * dismissed, since its spotlight dialog sits over the page).
   */
  firstVisitTour: boolean
  skipFirstVisitTour: void
  consoleGuard: { problems: string[] }
  sim: SimApi
  toolbar: Toolbar
  topology: Topology
  table: PartitionTable
}

export const test = base.extend<Fixtures>({
  firstVisitTour: [false, { option: true }],
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
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
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
  sim: async ({ page }, use) => use(new SimApi(page)),
  toolbar: async ({ page }, use) => use(new Toolbar(page)),
  topology: async ({ page }, use) => use(new Topology(page)),
  table: async ({ page }, use) => use(new PartitionTable(page)),
})

export { expect }
