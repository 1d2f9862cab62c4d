/**
 * Layout risk on the topology: a partition with two replicas in use1-az1 is marked on its chips
 * and named in words on the zone header; hovering or focusing the header previews "if this zone
 * fails" — here every partition of orders stays led but drops below min.insync.replicas 2.
 */
import { expect, test } from './fixtures'
import { linkHash } from './pages/links'
import { Topology } from './pages/Topology'

const SHARED_ZONE = {
  version: 1,
  name: 'Two replicas in use1-az1',
  seed: 3,
  cluster: {
    zones: ['use1-az1', 'use1-az2', 'use1-az3'],
    brokers: [
      { id: 1, zone: 'use1-az1' },
      { id: 2, zone: 'use1-az2' },
      { id: 3, zone: 'use1-az3' },
      { id: 4, zone: 'use1-az1' },
      { id: 5, zone: 'use1-az2' },
      { id: 6, zone: 'use1-az3' },
    ],
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
  clients: [],
}

test('replicas sharing a zone are named, and a zone header previews its loss', async ({
  page,
  sim,
}) => {
  await page.goto(`./${linkHash(SHARED_ZONE)}`)
  await sim.settled()
  const topology = new Topology(page)
  const az1 = topology.zone('use1-az1')
  await expect(az1).toHaveAccessibleName(/2 partitions keep two or more replicas in this zone/)
  await expect(page.locator('.chip.shares-zone')).toHaveCount(6)
  await az1.hover()
  await expect(az1).toHaveAccessibleName(/if it fails: 2 unwritable \(acks=all\)/)
  await expect(page.locator('.chip.preview-unwritable')).toHaveCount(6)
  // The keyboard gets the same preview on focus; use1-az2 holds two replicas of orders-2.
  await page.mouse.move(0, 0)
  await topology.zone('use1-az2').focus()
  await expect(topology.zone('use1-az2')).toHaveAccessibleName(/if it fails: 1 unwritable/)
  await expect(az1).not.toHaveAccessibleName(/if it fails/)
})
