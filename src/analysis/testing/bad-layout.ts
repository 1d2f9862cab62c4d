/**
 * A scenario with a bad layout for the compare tests: three zones of two brokers (1 and 4 in
 * use1-az1, 2 and 5 in use1-az2, 3 and 6 in use1-az3), topic `orders` with RF 3 and
 * min.insync.replicas 2, and every partition keeping two replicas in one zone while another zone
 * has none. Losing use1-az1 then leaves partition 0 with one replica (under min ISR, so acks=all
 * writes fail) and partition 2 with two; the zone-aware reassignment keeps two of every
 * partition. The e2e journey (e2e/compare-designs.spec.ts) writes the same file.
 */
import { parseScenario } from '../../scenario/validate'
import type { SimulationSpec } from '../../engine/spec'

export const BAD_LAYOUT_SCENARIO = {
  version: 1,
  name: 'Two replicas in one zone',
  seed: 7,
  durationMs: 60_000,
  cluster: {
    zones: ['use1-az1', 'use1-az2', 'use1-az3'],
    brokersPerZone: 2,
    config: { 'min.insync.replicas': 2 },
  },
  topics: [
    {
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      assignment: { '0': [1, 4, 2], '1': [2, 5, 3], '2': [3, 6, 1] },
    },
  ],
  clients: [
    {
      kind: 'producer',
      id: 'checkout',
      topic: 'orders',
      recordsPerSecond: 50,
      config: { acks: 'all' },
    },
  ],
} as const

/** The same cluster laid out well: one replica of every partition in each zone. */
export const GOOD_LAYOUT_SCENARIO = {
  ...BAD_LAYOUT_SCENARIO,
  name: 'One replica per zone',
  topics: [
    {
      ...BAD_LAYOUT_SCENARIO.topics[0],
      assignment: { '0': [1, 2, 3], '1': [2, 3, 4], '2': [3, 4, 5] },
    },
  ],
}

/** `kafka-topics --describe` output of the bad layout, and its broker-to-zone map. */
export const BAD_LAYOUT_DESCRIBE = [
  'Topic: orders\tTopicId: 7NwqSyYkT4O9x2hW0yN0aQ\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2',
  '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,4,2\tIsr: 1,4,2',
  '\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,5,3\tIsr: 2,5,3',
  '\tTopic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,6,1\tIsr: 3,6,1',
  '',
].join('\n')
export const BAD_LAYOUT_ZONES = '1=use1-az1,4=use1-az1,2=use1-az2,5=use1-az2,3=use1-az3,6=use1-az3'

export function specOf(scenario: unknown): SimulationSpec {
  const read = parseScenario(JSON.stringify(scenario))
  if (!read.ok)
    throw new Error(`fixture does not parse: ${read.problems.map((p) => p.message).join('; ')}`)
  return read.spec
}
