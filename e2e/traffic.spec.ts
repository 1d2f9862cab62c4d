/**
 * Traffic in motion (issue 16, item 1): while the default scenario plays, the producer and its
 * messages are on screen — produce requests, replication fetches and acks move between frames —
 * the producer node has an accessible name, and under reduced motion the links show counts of
 * messages in flight instead of moving dots. Screenshots at 1440×900 and 1280×720, light and
 * dark, go to test-results/traffic/ for a look by eye.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const DIR = 'test-results/traffic'

/** The dots' keys and positions, as the DOM has them now. */
async function dots(page: Page): Promise<string[]> {
  return page
    .locator('g.traffic-dot')
    .evaluateAll((nodes) =>
      nodes.map((n) => `${n.getAttribute('class')}@${n.getAttribute('transform')}`),
    )
}

test.describe('with motion', () => {
  test.use({ reducedMotion: 'no-preference', viewport: { width: 1440, height: 900 } })

  test('messages move while playing, and the producer is a named node', async ({
    page,
    sim,
    toolbar,
  }) => {
    await page.goto('./')
    await sim.settled()
    await expect(page.getByRole('img', { name: /^Producer p1 \(acks=all/ })).toBeVisible()
    await toolbar.play.click()
    await sim.waitFor('(s) => s.nowMs > 1500')
    // Two DOM states 150 ms apart differ: dots appear, move and leave.
    const states: string[][] = []
    for (let i = 0; i < 8; i++) {
      states.push(await dots(page))
      await page.waitForTimeout(150)
    }
    expect(states.some((s) => s.length > 0)).toBe(true)
    const changed = states.slice(1).filter((s, i) => s.join() !== states[i]?.join()).length
    expect(changed).toBeGreaterThanOrEqual(5)
    await page.screenshot({ path: `${DIR}/1440-light-playing.png` })
    await expect(
      page.getByRole('img', { name: /^Producer p1 .*records? acknowledged/ }),
    ).toBeVisible()
    await toolbar.pause.click()
  })

  test('screenshots at 1280×720, light and dark', async ({ page, sim, toolbar }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto('./')
    await sim.settled()
    await toolbar.play.click()
    await sim.waitFor('(s) => s.nowMs > 2000')
    await page.screenshot({ path: `${DIR}/1280-light-playing.png` })
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${DIR}/1280-dark-playing.png` })
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${DIR}/1440-dark-playing.png` })
    await toolbar.pause.click()
  })
})

test('with reduced motion, links show counts instead of moving dots', async ({
  page,
  sim,
  toolbar,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto('./')
  await sim.settled()
  await toolbar.play.click()
  await sim.waitFor('(s) => s.nowMs > 1000')
  // Sample until a frame holds a message in flight: its link carries a count, and no dot moves.
  await expect
    .poll(async () => page.locator('g.traffic-link').count(), { timeout: 15_000, intervals: [20] })
    .toBeGreaterThan(0)
  await toolbar.pause.click()
  expect(await page.locator('g.traffic-dot').count()).toBe(0)
  await expect(page.getByRole('img', { name: /^Traffic \(/ })).toHaveCount(1)
  await page.screenshot({ path: `${DIR}/1440-light-reduced-motion.png` })
})
