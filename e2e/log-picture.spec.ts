/**
 * The log picture (issue 16, item 2): selecting a partition shows a strip per replica with the
 * HW line and each replica's LEO; playing moves the HW; crashing the leader turns its strip
 * offline while the new leader's HW keeps advancing; after an unclean election the returning old
 * leader's cut-off tail and the lost acknowledged records are spelled out. Screenshots at 1440×900,
 * 1280×720 and 390×844, light and dark, go to test-results/log-picture/ for people to look at.
 */
import type { Locator, Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { linkHash } from './pages/links'

const DIR = 'test-results/log-picture'

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('kafka-ha-lab.tour-dismissed', '1'))
})

function picture(page: Page): Locator {
  return page.getByRole('figure', { name: /Log of orders-0/ })
}

async function hwOf(page: Page): Promise<number> {
  const text = await picture(page)
    .getByText(/^HW [\d,]+$/)
    .textContent()
  return Number((text ?? '').replace(/[^\d]/g, ''))
}

test('the strips show HW and LEO, the HW moves, a crashed leader’s strip goes offline', async ({
  page,
  sim,
  toolbar,
  topology,
}) => {
  await page.goto('./')
  await sim.settled()
  await page.getByRole('combobox', { name: 'Partition' }).selectOption('orders-0')
  const log = picture(page)
  await expect(log).toBeVisible()
  await expect(log.getByText(/^HW [\d,]+$/)).toBeVisible()
  await expect(log.getByText(/^LEO [\d,]+/)).toHaveCount(3)
  await expect(log.getByText('Broker 1 (leader)')).toBeVisible()
  await expect(
    log.getByRole('img', { name: /^Leader broker 1 LEO [\d,]+; HW [\d,]+/ }),
  ).toBeVisible()

  await toolbar.setSpeed(5)
  await toolbar.play.click()
  const start = await hwOf(page)
  await expect.poll(() => hwOf(page)).toBeGreaterThan(start)

  await topology.brokerAction(1, 'Crash broker')
  await sim.waitFor('(s) => s.partitions[0].leader > 1')
  await expect(log.getByText(/^Broker 1 \(offline/)).toBeVisible()
  const afterElection = await hwOf(page)
  await expect.poll(() => hwOf(page)).toBeGreaterThan(afterElection)
  await expect(log.getByText(/^Broker [23] \(leader\)$/)).toBeVisible()
  await toolbar.pause.click()

  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height })
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme)
      await log.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${DIR}/${width}x${height}-${theme}.png` })
      await page
        .getByRole('complementary', { name: 'Partition' })
        .screenshot({ path: `${DIR}/${width}x${height}-${theme}-sidebar.png` })
    }
    // Nothing overflows sideways.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    if (width !== 390) expect(overflow).toBeLessThanOrEqual(0)
  }
})

test('after an unclean election the returning replica’s cut-off tail and the lost records show', async ({
  page,
  sim,
}) => {
  const file = JSON.parse(
    readFileSync(new URL('../public/scenarios/unclean-election-cap.json', import.meta.url), 'utf8'),
  ) as unknown
  // Broker 1, the old leader, returns at 130 s and truncates the tail the unclean leader lacks.
  await page.goto(`./${linkHash(file, '&t=140000')}`)
  await sim.settled()
  await page.getByRole('combobox', { name: 'Partition' }).selectOption('metrics-available-0')
  const log = page.getByRole('figure', { name: /Log of metrics-available-0/ })
  await expect(
    log.getByText(/truncated [\d,]+–[\d,]+ \([\d,]+ records, lost on this replica\)/),
  ).toBeVisible()
  await expect(log.getByText(/acknowledged records lost/)).toBeVisible()
  await expect(log.getByRole('img', { name: /broker 1 truncated/ })).toBeVisible()
  for (const [width, height, theme] of [
    [1440, 900, 'light'],
    [390, 844, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme)
    await page
      .getByRole('complementary', { name: 'Partition' })
      .screenshot({ path: `${DIR}/unclean-${width}x${height}-${theme}-sidebar.png` })
  }
})
