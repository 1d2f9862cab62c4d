/**
 * Crash the broker that leads a partition: once the controller fences it, leadership moves to
 * another in-sync replica, in the topology (the brokers' accessible names count leaderships) and
 * in the partition table. Start it again and it catches up and rejoins the ISR.
 */
import { expect, test } from './fixtures'

test('crashing a leader moves leadership; restarting it rejoins the ISR', async ({
  page,
  sim,
  toolbar,
  topology,
  table,
}) => {
  await page.goto('./')
  await sim.settled()
  const leader = (await sim.partition('orders', 0)).leader
  await expect(table.cell('orders', 0, 'Leader')).toHaveText(String(leader))

  await toolbar.setSpeed(10)
  await toolbar.play.click()
  await topology.brokerAction(leader, 'Crash broker')
  await expect(topology.broker(leader)).toHaveAccessibleName(
    new RegExp(`^Broker ${leader}, zone use1-az\\d, offline`),
  )
  await sim.waitFor(
    `(s) => { const p = s.partitions[0]; return p.leader !== ${leader} && p.leader > 0 }`,
  )
  const next = await sim.partition('orders', 0)
  expect(next.isr).not.toContain(leader)
  expect(next.leaderEpoch).toBeGreaterThan(0)
  await expect(table.cell('orders', 0, 'Leader')).toHaveText(String(next.leader))
  await expect(topology.broker(leader)).toHaveAccessibleName(/leader of 0 partitions/)
  await expect(topology.broker(next.leader)).toHaveAccessibleName(/leader of 2 partitions/)

  await topology.brokerAction(leader, 'Start broker')
  await sim.waitFor(
    `(s) => s.partitions.every((p) => p.isr.includes(${leader}) || !p.replicas.includes(${leader}))`,
  )
  await expect(topology.broker(leader)).toHaveAccessibleName(/online/)
  await expect(table.cell('orders', 0, 'Isr')).toContainText(String(leader))
  await toolbar.pause.click()
  expect((await sim.recording()).map((f) => f.type)).toEqual(['crashBroker', 'startBroker'])

  // The failover record: detected at the fencing, recovered, nothing failed or lost.
  await page.getByRole('tab', { name: 'Metrics', exact: true }).click()
  const failovers = page.getByRole('table', { name: /One row per fault/ })
  const crash = failovers.getByRole('row', { name: new RegExp(`^crashBroker broker ${leader} `) })
  await expect(crash).toBeVisible()
  await expect(crash.getByRole('cell').nth(1)).toContainText(/\(\+\d\.\d s\)/)
  await expect(crash.getByRole('cell').nth(3)).toContainText(/\(\+\d+(\.\d)? (s|ms)\)/)
  await expect(crash.getByRole('cell').nth(5)).toHaveText('0')
  await expect(crash.getByRole('cell').nth(7)).toHaveText('0')
  await expect(
    failovers.getByRole('row', { name: new RegExp(`^startBroker broker ${leader} `) }),
  ).toBeVisible()
})
