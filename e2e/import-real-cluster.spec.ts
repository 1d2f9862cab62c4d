/**
 * Importing a real cluster (issue 17, item 3), by role and name: paste kafka-topics --describe
 * output, paste kafka-configs --describe --entity-type brokers --all output as the zone map,
 * click "MSK defaults", add a workload, read the preview, confirm the import; the topology then
 * shows the three zones and the clients, the engine runs MSK's configs (min.insync.replicas 2 for
 * topics without their own), and stopping a zone shows what the producers felt: a write stall in
 * the failover table. Engine facts come from `window.__sim`.
 */
import { describeOutput, kafkaConfigsOutput } from '../src/scenario/import-fixtures'
import { expect, test } from './fixtures'

const DIR = 'test-results/import-real-cluster'

// Six brokers, two in each zone; every partition has one replica in each zone.
const DESCRIBE = describeOutput(6, [
  { name: 'orders', partitions: 6 },
  { name: 'payments', partitions: 3 },
])
const RACKS = kafkaConfigsOutput({
  1: 'use1-az1',
  2: 'use1-az2',
  3: 'use1-az3',
  4: 'use1-az1',
  5: 'use1-az2',
  6: 'use1-az3',
})

test('a real cluster in: describe and kafka-configs output, MSK defaults, a workload, a zone lost', async ({
  page,
  sim,
  toolbar,
  topology,
}) => {
  await page.goto('./')
  await sim.settled()
  const before = await sim.scenarioName()
  await page.getByRole('tab', { name: 'Import', exact: true }).click()
  const panel = page.getByRole('region', { name: 'Import', exact: true })
  await panel.getByRole('textbox', { name: /describe output/ }).fill(DESCRIBE)
  await panel.getByRole('textbox', { name: /zone map/ }).fill(RACKS)
  await expect(panel.getByText('Read as kafka-configs output: 6 brokers in 3 zones.')).toBeVisible()

  const minIsr = panel.getByRole('textbox', { name: 'min.insync.replicas', exact: true })
  await expect(minIsr).toHaveValue('1')
  await panel.getByRole('button', { name: 'MSK defaults' }).click()
  await expect(minIsr).toHaveValue('2')
  await expect(
    panel.getByRole('textbox', { name: 'default.replication.factor', exact: true }),
  ).toHaveValue('3')
  await expect(
    panel.getByRole('combobox', { name: 'unclean.leader.election.enable', exact: true }),
  ).toHaveValue('true')
  await panel.getByRole('checkbox', { name: /Add a workload/ }).check()
  await panel.getByRole('button', { name: 'Import', exact: true }).click()

  const preview = panel.getByRole('region', { name: 'Preview', exact: true })
  await expect(preview).toContainText(
    'Ready to import describe output: 2 topics, 9 partitions on 6 brokers in 3 zones (use1-az1, use1-az2, use1-az3). Nothing has changed yet.',
  )
  await expect(preview).toContainText('from broker.rack in the kafka-configs output')
  await expect(preview).toContainText('2 (MSK default for 3 zones)')
  await expect(preview).toContainText("2 on 2 topics (the cluster's)")
  await expect(preview).toContainText('2 producers (acks=all, 100 records/s')
  await expect(preview).toContainText(`Importing replaces the current scenario “${before}”`)
  // Nothing is loaded before the confirm.
  expect(await sim.scenarioName()).toBe(before)
  await page.getByRole('tabpanel').evaluate((el) => {
    ;(el as HTMLElement).style.maxHeight = 'none'
  })
  await panel.screenshot({ path: `${DIR}/01-preview.png` })
  await preview.getByRole('button', { name: 'Confirm import' }).click()
  await page.waitForFunction((b) => window.__sim?.scenarioName() !== b, before)
  await sim.settled()
  await expect(panel.getByRole('status').last()).toContainText(
    '6 brokers in 3 zones, 4 clients. The simulation restarted at 00:00.000.',
  )

  // The topology: three zones, two brokers each, and the clients.
  for (const zone of ['use1-az1', 'use1-az2', 'use1-az3'])
    await expect(topology.zone(zone)).toHaveAccessibleName(new RegExp(`^Zone ${zone}, running`))
  await expect(topology.broker(4)).toHaveAccessibleName(/^Broker 4, zone use1-az1/)
  await expect(
    page.getByRole('img', { name: /^Producer orders-producer \(acks=all, topic orders\)/ }),
  ).toBeVisible()
  await expect(
    page.getByRole('img', {
      name: /^Consumer orders-consumer \(group orders-group\), topic orders/,
    }),
  ).toBeVisible()
  const snapshot = await sim.snapshot()
  expect(snapshot.brokers.map((b) => [b.id, b.zone])).toEqual([
    [1, 'use1-az1'],
    [2, 'use1-az2'],
    [3, 'use1-az3'],
    [4, 'use1-az1'],
    [5, 'use1-az2'],
    [6, 'use1-az3'],
  ])
  await page.screenshot({ path: `${DIR}/02-imported.png` })

  // Lose a zone while the producers write: their acks=all writes stall until leaders move.
  await toolbar.setSpeed(20)
  await toolbar.play.click()
  await sim.waitFor('(s) => s.nowMs > 5000')
  await topology.zoneAction('use1-az1', 'Stop zone')
  await expect(topology.zone('use1-az1')).toHaveAccessibleName(/^Zone use1-az1, stopped/)
  await sim.waitFor(
    '(s) => s.partitions.filter((p) => !p.topic.startsWith("__")).every((p) => p.leader > 0 && ![1, 4].includes(p.leader) && p.isr.length === 2)',
  )
  await sim.waitFor('(s) => s.nowMs > 60000', 60_000)
  await toolbar.pause.click()
  await page.screenshot({ path: `${DIR}/03-zone-stopped.png` })
  await page.getByRole('tab', { name: 'Metrics', exact: true }).click()
  const failovers = page.getByRole('table', { name: /One row per fault/ })
  const row = failovers.getByRole('row', { name: /^stopZone use1-az1 / })
  await expect(row).toBeVisible()
  // Longest write stall: a duration, not "—" (no write waited).
  await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d+(\.\d+)? (ms|s)$/)
  await expect(row.getByRole('cell').nth(3)).not.toHaveText('not yet')
})
