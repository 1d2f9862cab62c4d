/**
 * Capacity in the dashboard (issue 15): the guided "right layout, wrong size" scenario played to
 * its AZ loss, where two brokers' cards say they are overloaded in words and in their bar, and
 * the others give their utilisation; the same at the projector and phone sizes, light and dark.
 * Screenshots go to test-results/capacity/ for a person to look at.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const DIR = 'test-results/capacity'

interface IndexEntry {
  id: string
  title: string
  file: string
}
const index = JSON.parse(readFileSync('public/scenarios/index.json', 'utf8')) as IndexEntry[]
const entry = index.find((e) => e.id === 'right-layout-wrong-size')!
const scenario = JSON.parse(readFileSync(`public/scenarios/${entry.file}`, 'utf8')) as {
  name: string
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('kafka-ha-lab.tour-dismissed', '1'))
})

async function loadScenario(page: Page): Promise<void> {
  await page.goto('./')
  await page.waitForFunction(() => window.__sim?.settled() === true)
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const picker = page.getByRole('dialog', { name: 'Guided scenarios' })
  await picker.getByRole('button', { name: entry.title, exact: false }).first().click()
  await expect(picker).toBeHidden()
  await page.waitForFunction((n) => window.__sim?.scenarioName() === n, scenario.name)
}

/** Plays at top speed to the first checkpoint (the overload, 90 s) and waits for it. */
async function playToOverload(page: Page): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).fill('8')
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await page.waitForFunction(
    () => window.__sim?.playing() === false && window.__sim.nowMs() === 90000,
    undefined,
    { timeout: 60_000 },
  )
  await page.waitForFunction(() => window.__sim?.settled() === true)
}

test('broker cards show utilisation as a bar, a number and words; overloaded ones say so', async ({
  page,
  topology,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await loadScenario(page)
  // Before anything fails: every broker at about 65% of its network out, none overloaded.
  await expect(topology.broker(1)).toHaveAccessibleName(/utilisation 6\d% of network out/)
  await expect(page.locator('.topology .broker.overloaded')).toHaveCount(0)
  await page.screenshot({ path: `${DIR}/01-steady-1440.png`, fullPage: true })

  await playToOverload(page)
  const hot = await page.evaluate(() =>
    window
      .__sim!.snapshot()!
      .brokers.filter((b) => (b.capacity?.utilisation ?? 0) > 1)
      .map((b) => b.id),
  )
  for (const id of hot) {
    await expect(topology.broker(id)).toHaveAccessibleName(/overloaded/)
    await expect(topology.region.locator(`[data-broker="${id}"] .util-text`)).toContainText(
      'overloaded',
    )
  }
  await expect(topology.broker(1)).toHaveAccessibleName(/offline/)
  await expect(topology.region.locator('[data-broker="1"] .util-text')).toHaveText('no traffic')
  await page.screenshot({ path: `${DIR}/02-overload-1440.png`, fullPage: true })
  await page.getByRole('tab', { name: 'Metrics', exact: true }).click()
  const utilisation = page.getByRole('img', { name: /Utilisation per broker/ })
  await expect(utilisation).toBeVisible()
  await utilisation.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${DIR}/02b-utilisation-chart-1440.png` })
  await page.getByRole('tab', { name: 'Survivability', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: /Busiest survivor/ })).toBeVisible()
  await page.screenshot({ path: `${DIR}/02c-matrix-1440.png`, fullPage: true })
  await page.getByRole('tab', { name: 'Scenario', exact: true }).click()
  const type = page.getByRole('combobox', { name: 'Broker type' })
  await expect(type).toHaveValue('kafka.m5.large')
  const limits = page.getByRole('region', { name: 'Published limits of kafka.m5.large' })
  await expect(limits).toContainText('0.75')
  await limits.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${DIR}/02d-editor-broker-type-1440.png` })
  // The replication throttles (KIP-73): two broker rates and each topic's two replica lists.
  const rate = page.getByRole('textbox', { name: 'follower.replication.throttled.rate' })
  await expect(rate).toHaveValue('')
  await rate.fill('31457280')
  const list = page.getByRole('textbox', { name: 'follower.replication.throttled.replicas' })
  await expect(list.first()).toBeVisible()
  await list.first().fill('0-1')
  await expect(page.getByText('is not a throttled-replica list').first()).toBeVisible()
  await list.first().fill('*')
  await expect(page.getByText('is not a throttled-replica list')).toHaveCount(0)
  await rate.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${DIR}/02e-editor-throttles-1440.png` })
  await page.getByRole('tab', { name: 'Partitions', exact: true }).click()

  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: `${DIR}/03-overload-1280.png` })
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await page.screenshot({ path: `${DIR}/04-overload-1280-dark.png` })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: `${DIR}/05-overload-390-dark.png`, fullPage: true })
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light')
  await page.screenshot({ path: `${DIR}/06-overload-390.png`, fullPage: true })
})
