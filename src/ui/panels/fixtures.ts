/**
 * Hand-built engine outputs for the panel tests. Each builder fills a healthy default that a test
 * then overrides, so a fixture states only what the test is about.
 */
import {
  DEFAULT_CLUSTER_CONFIG,
  DEFAULT_CONSUMER_CONFIG,
  DEFAULT_PRODUCER_CONFIG,
  type SimulationSpec,
} from '../../engine/spec'
import type { PartitionView, ReplicaView } from '../../engine/types'

/** A healthy partition: every replica in sync, leader = replicas[0], no lag. */
export function partitionView(overrides: Partial<PartitionView> = {}): PartitionView {
  const replicas = overrides.replicas ?? [1, 2, 3]
  const leader = overrides.leader ?? replicas[0] ?? -1
  const replicaStates: ReplicaView[] = replicas.map((broker) => ({
    broker,
    logEndOffset: 100,
    highWatermark: 100,
    online: true,
    lag: 0,
  }))
  return {
    topic: 'orders',
    partition: 0,
    replicas,
    leader,
    leaderEpoch: 0,
    partitionEpoch: 0,
    isr: replicas,
    elr: [],
    lastKnownElr: [],
    leaderRecoveryState: 'RECOVERED',
    highWatermark: 100,
    minIsr: 2,
    uncleanLeaderElectionEnable: false,
    replicaStates,
    ...overrides,
  }
}

/** `count` partitions of one topic, with replicas rotating over brokers 1..3. */
export function manyPartitions(topic: string, count: number): PartitionView[] {
  return Array.from({ length: count }, (_, partition) => {
    const replicas = [0, 1, 2].map((i) => ((partition + i) % 3) + 1)
    return partitionView({ topic, partition, replicas })
  })
}

/** Three zones with one broker each, three KRaft controllers, one topic, a producer and a consumer. */
export function baseSpec(): SimulationSpec {
  const zones = ['use1-az1', 'use1-az2', 'use1-az3']
  return {
    name: 'three-az',
    description: 'hand-built fixture',
    seed: 42,
    durationMs: 120_000,
    cluster: {
      controller: 'kraft',
      zones,
      brokers: zones.map((zone, i) => ({ id: i + 1, zone })),
      controllers: zones.map((zone, i) => ({ id: 1001 + i, zone })),
      config: { ...DEFAULT_CLUSTER_CONFIG, 'min.insync.replicas': 2 },
    },
    topics: [
      {
        name: 'orders',
        partitions: 3,
        replicationFactor: 3,
        config: { 'min.insync.replicas': 2 },
        assignment: [
          [1, 2, 3],
          [2, 3, 1],
          [3, 1, 2],
        ],
      },
    ],
    clients: [
      {
        kind: 'producer',
        id: 'producer-1',
        topic: 'orders',
        recordsPerSecond: 100,
        config: { ...DEFAULT_PRODUCER_CONFIG, 'linger.ms': 5, 'bootstrap.servers': [1, 2, 3] },
      },
      {
        kind: 'consumer',
        id: 'consumer-1',
        topic: 'orders',
        config: { ...DEFAULT_CONSUMER_CONFIG, 'bootstrap.servers': [1, 3] },
      },
    ],
    faults: [
      { atMs: 30_000, type: 'crashBroker', broker: 3 },
      { atMs: 60_000, type: 'stopZone', zone: 'use1-az3' },
      { atMs: 70_000, type: 'crashController', controller: 1003 },
      { atMs: 80_000, type: 'electLeaders', election: 'PREFERRED', topic: 'orders', partition: 2 },
      { atMs: 90_000, type: 'rollingRestart' },
    ],
  }
}

/**
 * The three-zone fixture on kafka.m5.4xlarge brokers (a size that can provision storage
 * throughput) with 1000 GiB volumes at 400 MiB/s, and a producer of 512-byte records.
 */
export function capacitySpec(): SimulationSpec {
  const spec = baseSpec()
  spec.cluster.brokerType = 'kafka.m5.4xlarge'
  spec.cluster.storage = { volumeGiB: 1000, provisionedThroughputMiBps: 400 }
  const producer = spec.clients[0]!
  if (producer.kind === 'producer') producer.recordBytes = 512
  return spec
}
