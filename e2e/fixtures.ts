/**
 * Shared Playwright fixtures. `consoleGuard` fails a test on any console error, page error or
 * failed request, so every journey also proves the page loads cleanly.
 */
import { test as base, expect } from '@playwright/test'

type Fixtures = { consoleGuard: { problems: string[] } }

export const test = base.extend<Fixtures>({
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
})

export { expect }
