/**
 * The scenario the app opens with: an MSK-like cluster of 3 availability zones × 2 brokers on the
 * newest Kafka version Amazon MSK offers for new KRaft clusters (4.1: ELR on, linger.ms 5), KRaft
 * with one controller per zone, topic "orders" (6 partitions, RF 3, min.insync.replicas 2) spread
 * over all three zones, one acks=all producer at 200 records/s and one consumer. It is a built-in
 * scenario, so it lives with the others as data; it fills in the engine's configuration defaults,
 * which the ui could only import as types.
 */
import {
  DEFAULT_CLUSTER_CONFIG,
  DEFAULT_CONSUMER_CONFIG,
  DEFAULT_PRODUCER_CONFIG,
} from '../engine/spec'
import type { SimulationSpec } from '../engine/spec'
import { NEWEST_MSK_KRAFT_VERSION, rulesOf } from '../engine/versions'

const VERSION = NEWEST_MSK_KRAFT_VERSION
// What the scenario reader fills in for a new cluster of that version (normalize.ts).
const RULES = rulesOf(VERSION)

const ZONES = ['use1-az1', 'use1-az2', 'use1-az3']

export const DEFAULT_SCENARIO: SimulationSpec = {
  name: 'Default: 3 AZs × 2 brokers, RF 3, min ISR 2',
  description:
    `Six brokers across three availability zones with KRaft on Kafka ${VERSION}, the newest ` +
    'version Amazon MSK offers. Topic "orders" has 6 partitions ' +
    'with one replica in each zone, min.insync.replicas 2, and an acks=all producer.',
  seed: 42,
  durationMs: 600_000,
  cluster: {
    kafkaVersion: VERSION,
    controller: 'kraft',
    zones: ZONES,
    // Broker ids alternate zones, as MSK numbers them: 1 → az1, 2 → az2, 3 → az3, 4 → az1 ...
    brokers: [1, 2, 3, 4, 5, 6].map((id) => ({ id, zone: ZONES[(id - 1) % 3] ?? 'use1-az1' })),
    controllers: ZONES.map((zone, i) => ({ id: 1001 + i, zone })),
    config: {
      ...DEFAULT_CLUSTER_CONFIG,
      'default.replication.factor': 3,
      'eligible.leader.replicas.enable': RULES.elrDefault,
    },
  },
  topics: [
    {
      name: 'orders',
      partitions: 6,
      replicationFactor: 3,
      config: { 'min.insync.replicas': 2 },
      // Three consecutive ids always span the three zones; each broker leads one partition.
      assignment: [0, 1, 2, 3, 4, 5].map((p) => [0, 1, 2].map((j) => ((p + j) % 6) + 1)),
    },
  ],
  clients: [
    {
      kind: 'producer',
      id: 'p1',
      topic: 'orders',
      recordsPerSecond: 200,
      config: {
        ...DEFAULT_PRODUCER_CONFIG,
        'linger.ms': RULES.producerLingerMsDefault,
        acks: -1,
        'bootstrap.servers': [1, 2, 3],
      },
    },
    {
      kind: 'consumer',
      id: 'c1',
      topic: 'orders',
      config: { ...DEFAULT_CONSUMER_CONFIG, 'bootstrap.servers': [1, 2, 3] },
    },
  ],
  faults: [],
}
