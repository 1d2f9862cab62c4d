/**
 * The production build's Content-Security-Policy (scripts/csp.mjs), in the browser: the page
 * carries the strict policy and runs under it, and the CSP guard every journey relies on (the
 * auto fixture in fixtures.ts) really catches a breach. The second test breaks the policy on
 * purpose, three ways (an inline script, a style attribute, a string given to setTimeout), and
 * tells the guard to expect it.
 */
import { expect, test } from './fixtures'

test('the build runs under a strict Content-Security-Policy', async ({ page, sim, toolbar }) => {
  await page.goto('./')
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  expect(policy).toContain("default-src 'self'")
  expect(policy).toContain("script-src 'self'")
  expect(policy).toContain("object-src 'none'")
  expect(policy).not.toContain('unsafe-inline')
  expect(policy).not.toContain('unsafe-eval')
  await sim.settled()
  await toolbar.play.click()
  await sim.waitFor('(s) => s.nowMs > 1000')
})

test('the CSP guard catches an inline script, a style attribute and eval', async ({
  page,
  sim,
  cspGuard,
}) => {
  cspGuard.expectViolations()
  await page.goto('./')
  await sim.settled()
  const ran = await page.evaluate(async () => {
    const flags = window as unknown as Record<string, unknown>
    const script = document.createElement('script')
    script.textContent = 'window.__inlineRan = true'
    document.body.append(script)
    const styled = document.createElement('div')
    styled.setAttribute('style', 'color: red')
    document.body.append(styled)
    // A string handed to setTimeout is eval: the page's policy must refuse to compile it.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    setTimeout('window.__evalRan = true', 0)
    await new Promise((resolve) => setTimeout(resolve, 100))
    return {
      inline: flags.__inlineRan === true,
      eval: flags.__evalRan === true,
      styled: styled.style.color !== '',
    }
  })
  expect(ran).toEqual({ inline: false, eval: false, styled: false })
  await expect
    .poll(() => cspGuard.violations.filter((v) => !v.startsWith('console:')))
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^script-src-elem blocked inline/),
        expect.stringMatching(/^style-src-attr blocked inline/),
        expect.stringMatching(/^script-src blocked eval/),
      ]),
    )
  // Chromium also writes each refusal to the console; the guard keeps those too.
  expect(cspGuard.violations.some((v) => v.startsWith('console:'))).toBe(true)
})
