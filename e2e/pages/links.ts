/** Builds share-link hashes in Node for tests: a scenario file (JSON) deflated and base64url'd. */
import { deflateSync, strToU8 } from 'fflate'

export function linkHash(scenario: unknown, params = ''): string {
  const packed = Buffer.from(deflateSync(strToU8(JSON.stringify(scenario)))).toString('base64url')
  return `#scenario=${packed}${params}`
}

/** The performance budget's reference cluster: 90 brokers in 3 zones, 10,000 partitions, RF 3. */
export const REFERENCE_CLUSTER = {
  version: 1,
  name: 'Reference: 90 brokers, 10,000 partitions, RF 3',
  seed: 7,
  cluster: {
    zones: ['use1-az1', 'use1-az2', 'use1-az3'],
    brokersPerZone: 30,
    config: { 'default.replication.factor': 3, 'min.insync.replicas': 2 },
  },
  topics: Array.from({ length: 20 }, (_, i) => ({
    name: `events-${String(i).padStart(2, '0')}`,
    partitions: 500,
    replicationFactor: 3,
  })),
  clients: [
    {
      kind: 'producer',
      id: 'p1',
      topic: 'events-00',
      recordsPerSecond: 200,
      config: { acks: 'all' },
    },
  ],
}
