/**
 * Hand-built engine outputs for the panel tests. Each builder fills a healthy default that a test
 * then overrides, so a fixture states only what the test is about.
 */
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
