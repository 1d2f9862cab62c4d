/**
 * Stop a whole availability zone: its brokers go offline, every partition keeps a leader in the
 * other two zones (RF 3 across three zones), and the ISRs shrink to 2. Start it and the ISRs
 * return to 3.
 */
import { expect, test } from './fixtures'

test('stopping and starting a zone', async ({ page, sim, toolbar, topology }) => {
  await page.goto('./')
  await sim.settled()
  await toolbar.setSpeed(20)
  await toolbar.play.click()
  await topology.zoneAction('use1-az2', 'Stop zone')
  await expect(topology.zone('use1-az2')).toHaveAccessibleName(/^Zone use1-az2, stopped/)
  await expect(topology.broker(2)).toHaveAccessibleName(/offline/)
  await expect(topology.broker(5)).toHaveAccessibleName(/offline/)
  await sim.waitFor('(s) => s.partitions.every((p) => p.leader > 0 && p.isr.length === 2)')
  const during = await sim.snapshot()
  expect(during.partitions.every((p) => ![2, 5].includes(p.leader))).toBe(true)

  await topology.zoneAction('use1-az2', 'Start zone')
  await expect(topology.zone('use1-az2')).toHaveAccessibleName(/^Zone use1-az2, running/)
  await sim.waitFor('(s) => s.partitions.every((p) => p.isr.length === 3)')
  await toolbar.pause.click()
  await expect(topology.broker(2)).toHaveAccessibleName(/online/)
})
