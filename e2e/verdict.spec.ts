/**
 * The review's verdict on screen: a layout with two replicas of orders' partitions in use1-az1
 * (RF 3, min.insync.replicas 2, an acks=all producer). The Survivability tab opens with the
 * verdict — it does not survive a single zone — then the client figures of a simulated zone loss
 * arrive from the worker (NOT_ENOUGH_REPLICAS), and the verdict's button injects that worst case.
 */
import { expect, test } from './fixtures'
import { linkHash } from './pages/links'

const SHARED_ZONE = {
  version: 1,
  name: 'checkout: two replicas in use1-az1',
  seed: 3,
  cluster: {
    zones: ['use1-az1', 'use1-az2', 'use1-az3'],
    brokers: [1, 2, 3, 4, 5, 6].map((id) => ({ id, zone: `use1-az${((id - 1) % 3) + 1}` })),
    config: { 'min.insync.replicas': 2 },
  },
  topics: [
    {
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      assignment: { '0': [1, 4, 2], '1': [4, 1, 3], '2': [2, 5, 6] },
    },
  ],
  clients: [
    {
      kind: 'producer',
      id: 'checkout',
      topic: 'orders',
      recordsPerSecond: 100,
      config: { acks: 'all' },
    },
  ],
}

test('the verdict says what a zone loss does, with what clients would see', async ({
  page,
  sim,
}) => {
  test.setTimeout(90_000)
  await page.goto(`./${linkHash(SHARED_ZONE)}`)
  await sim.settled()
  await page.getByRole('tab', { name: 'Survivability' }).click()
  const verdict = page.getByRole('region', { name: 'Verdict' })
  await expect(verdict).toContainText(
    'Does not survive a single zone: use1-az1: 0 offline, 2 unwritable for acks=all',
  )
  const zone = verdict.getByRole('listitem', { name: 'Any single zone' })
  await expect(zone).toContainText('worst is use1-az1')
  await expect(zone).toContainText(/In a 60 s run of use1-az1, .*NOT_ENOUGH_REPLICAS ×\d+/, {
    timeout: 60_000,
  })
  await zone.getByRole('button', { name: 'Inject use1-az1' }).click()
  await page.waitForFunction(() =>
    (window.__sim?.recording() ?? []).some((f) => f.type === 'stopZone' && f.zone === 'use1-az1'),
  )
})
