/**
 * The story of a failure on one screen: crash broker 1 on the default scenario and play until
 * the election; the incident lane shows the crash, the fencing with its election and the
 * recovery as marks named by their sentences, and a recap that counts the acknowledged records
 * lost; a mark seeks the clock to its time. Then a guided scenario played at top speed stops at
 * its durationMs, with "What happened" as the narration's final card.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { IncidentLane } from './pages/IncidentLane'

const TOUR_KEY = 'kafka-ha-lab.tour-dismissed'

async function openApp(page: Page): Promise<void> {
  await page.addInitScript((key) => window.localStorage.setItem(key, '1'), TOUR_KEY)
  await page.goto('./')
  await page.waitForFunction(() => window.__sim?.settled() === true)
}

test('a crash tells its story in the incident lane, and a mark seeks there', async ({
  page,
  sim,
  toolbar,
  topology,
}) => {
  await openApp(page)
  const lane = new IncidentLane(page)
  await toolbar.setSpeed(10)
  await toolbar.play.click()
  await topology.brokerAction(1, 'Crash broker')
  await expect(lane.mark(/broker 1 crashed/)).toBeVisible()
  // The election follows the fencing, broker.session.timeout.ms after the crash.
  await expect(lane.mark(/fenced broker 1.*elected leader/)).toBeVisible({ timeout: 30_000 })
  await expect(lane.mark(/writes resumed/)).toBeVisible({ timeout: 30_000 })
  await toolbar.pause.click()
  await expect(lane.recap).toContainText('broker 1 crashed')
  await expect(lane.recap).toContainText(/\d+ acknowledged records? lost/)

  const crashAtMs = (await sim.recording()).find((f) => f.type === 'crashBroker')!.atMs
  const fenced = lane.mark(/fenced broker 1/)
  await fenced.hover()
  await expect(page.getByRole('tooltip')).toContainText(
    'no heartbeat within broker.session.timeout.ms',
  )
  await lane.mark(/broker 1 crashed/).click()
  await expect.poll(() => sim.nowMs()).toBe(crashAtMs)
  await expect(toolbar.play).toBeVisible()
})

test('a guided scenario stops at its end with the recap card', async ({ page, sim, toolbar }) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const picker = page.getByRole('dialog', { name: 'Guided scenarios' })
  await picker.getByRole('button', { name: /acks=1 vs acks=all/ }).click()
  await page.waitForFunction(() => window.__sim?.scenarioName().startsWith('acks=1 vs acks=all'))
  await expect(page.getByText('01:30', { exact: true })).toBeVisible()
  await toolbar.setSpeed(100)
  const narration = page.getByRole('region', { name: 'Narration' })
  const whatHappened = narration.getByRole('heading', { name: 'What happened' })
  // Checkpoints pause playback on the way; Play on until the end.
  for (let round = 0; round < 6 && !(await whatHappened.isVisible()); round++) {
    await toolbar.play.click()
    await expect(toolbar.play).toBeVisible({ timeout: 30_000 })
  }
  await expect(whatHappened).toBeVisible()
  expect(await sim.nowMs()).toBe(90_000)
  await expect(narration.getByRole('listitem').first()).toContainText(/acknowledged records? lost/)
  await expect(narration.getByRole('button', { name: 'Replay' })).toBeVisible()
  await narration.getByRole('button', { name: 'Choose another scenario' }).click()
  await expect(picker).toBeVisible()
  await picker.getByRole('button', { name: 'Close' }).click()

  // Play at the end replays from the start rather than run past it.
  await toolbar.play.click()
  await expect.poll(() => sim.nowMs()).toBeLessThan(90_000)
  await toolbar.pause.click()
})
