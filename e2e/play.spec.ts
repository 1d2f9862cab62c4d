/**
 * Open the default scenario and play: the clock runs, the producer's records are acknowledged,
 * and every partition keeps a full ISR.
 */
import { expect, test } from './fixtures'

test('opens the default scenario and plays it', async ({ page, sim, toolbar, topology }) => {
  await page.goto('./')
  await sim.settled()
  expect(await sim.scenarioName()).toMatch(/^Default/)
  await expect(topology.zone('use1-az1')).toHaveAccessibleName(/running, 2 brokers, 1 controller/)
  await expect(topology.broker(2)).toHaveAccessibleName(
    /^Broker 2, zone use1-az2, online, leader of 1 partition/,
  )
  await expect(topology.controller(1001)).toHaveAccessibleName(/active controller/)
  await expect(toolbar.clock).toHaveText('00:00.000')

  await toolbar.setSpeed(10)
  await toolbar.play.click()
  await expect(toolbar.pause).toBeVisible()
  await sim.waitFor('(s) => s.nowMs > 5000')
  await toolbar.pause.click()
  await expect(toolbar.play).toBeVisible()

  const snapshot = await sim.snapshot()
  const producer = snapshot.clients.find((c) => c.id === 'p1')
  expect(producer?.kind === 'producer' && producer.acked).toBeGreaterThan(0)
  expect(snapshot.partitions.every((p) => p.isr.length === 3)).toBe(true)
  // The clock shows the paused engine's time (how far past 5 s depends on how fast the machine
  // answered the pause click, so it is read from the engine, not assumed).
  const now = await sim.nowMs()
  expect(now).toBeGreaterThan(5000)
  const mm = String(Math.floor(now / 60_000)).padStart(2, '0')
  const ss = String(Math.floor((now % 60_000) / 1000)).padStart(2, '0')
  const ms = String(now % 1000).padStart(3, '0')
  await expect(toolbar.clock).toHaveText(`${mm}:${ss}.${ms}`)
})

test('steps to the next event', async ({ page, sim, toolbar }) => {
  await page.goto('./')
  await sim.settled()
  const before = await sim.nowMs()
  await toolbar.step.click()
  await page.waitForFunction((t) => (window.__sim?.nowMs() ?? 0) > t, before)
  expect(await sim.nowMs()).toBeLessThanOrEqual(before + 60_000)
})
