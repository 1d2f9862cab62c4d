/**
 * Fixture snapshots for viz and UI tests: a cluster of `zones × brokersPerZone` brokers with
 * rack-aware round-robin assignment, optionally with some brokers down (their replicas leave the
 * ISR and lag behind, and leadership moves to the next in-sync replica).
 */
import type { BrokerView, PartitionView, Snapshot } from '../engine/types'

export interface FixtureOptions {
  zones?: number
  brokersPerZone?: number
  topics?: { name: string; partitions: number; replicationFactor: number }[]
  controllerMode?: 'kraft' | 'zookeeper'
  down?: number[]
  nowMs?: number
}

function assignment(p: number, brokers: number, rf: number): number[] {
  // Broker ids alternate zones (1: az1, 2: az2, ...), so consecutive ids span the zones.
  return Array.from({ length: Math.min(rf, brokers) }, (_, j) => ((p + j) % brokers) + 1)
}

function partitionView(topic: string, p: number, replicas: number[], down: Set<number>) {
  const online = replicas.filter((id) => !down.has(id))
  const leader = online[0] ?? -1
  const isr = online.length > 0 ? online : replicas.slice(0, 1)
  const view: PartitionView = {
    topic,
    partition: p,
    replicas,
    leader,
    leaderEpoch: down.size > 0 && replicas[0] !== undefined && down.has(replicas[0]) ? 1 : 0,
    partitionEpoch: 0,
    isr,
    elr: [],
    lastKnownElr: [],
    leaderRecoveryState: 'RECOVERED',
    highWatermark: 1000,
    minIsr: 2,
    uncleanLeaderElectionEnable: false,
    replicaStates: replicas.map((id) => ({
      broker: id,
      logEndOffset: down.has(id) ? 400 : 1000,
      highWatermark: down.has(id) ? 400 : 1000,
      online: !down.has(id),
      lag: down.has(id) ? 600 : 0,
    })),
  }
  return view
}

export function fixtureSnapshot(options: FixtureOptions = {}): Snapshot {
  const zoneCount = options.zones ?? 3
  const perZone = options.brokersPerZone ?? 2
  const topics = options.topics ?? [{ name: 'orders', partitions: 6, replicationFactor: 3 }]
  const down = new Set(options.down ?? [])
  const zones = Array.from({ length: zoneCount }, (_, i) => `use1-az${i + 1}`)
  const brokerCount = zoneCount * perZone
  const partitions = topics.flatMap((topic) =>
    Array.from({ length: topic.partitions }, (_, p) =>
      partitionView(topic.name, p, assignment(p, brokerCount, topic.replicationFactor), down),
    ),
  )
  const brokers: BrokerView[] = Array.from({ length: brokerCount }, (_, i) => {
    const id = i + 1
    return {
      id,
      zone: zones[i % zoneCount] ?? 'use1-az1',
      status: down.has(id) ? 'offline' : 'online',
      fenced: down.has(id),
      session: down.has(id) ? null : { lastHeartbeatMs: 0, expiresAtMs: 9000 },
      isolatedFrom: [],
      fetchDelayMs: 0,
      isController: false,
      leaderCount: partitions.filter((p) => p.leader === id).length,
      partitionCount: partitions.filter((p) => p.replicas.includes(id)).length,
    }
  })
  const mode = options.controllerMode ?? 'kraft'
  return {
    nowMs: options.nowMs ?? 0,
    seed: 1,
    mode,
    zones: zones.map((name) => ({ name, stopped: false, isolatedFrom: [] })),
    brokers,
    controllers: zones.map((zone, i) => ({
      id: 1001 + i,
      zone,
      up: true,
      isolated: false,
      active: i === 0,
    })),
    activeController: 1001,
    quorumHasMajority: true,
    controllerElectionDueMs: null,
    partitions,
    clients: [],
    metrics: {
      atMs: 0,
      UnderReplicatedPartitions: 0,
      UnderMinIsrPartitionCount: 0,
      AtMinIsrPartitionCount: 0,
      OfflinePartitionsCount: 0,
      ActiveControllerCount: 1,
      PreferredReplicaImbalanceCount: 0,
      LeaderCount: {},
      PartitionCount: {},
      IsrShrinksPerSec: { Count: 0, OneMinuteRate: 0 },
      IsrExpandsPerSec: { Count: 0, OneMinuteRate: 0 },
      UncleanLeaderElectionsPerSec: { Count: 0, OneMinuteRate: 0 },
      producedRecords: 0,
      ackedRecords: 0,
      failedRecords: 0,
      lostAckedRecords: 0,
      consumerLag: 0,
      producerLatencyP99Ms: null,
    },
    durability: { ackedRecords: 0, lostAckedRecords: 0, unavailableAckedRecords: 0 },
    availability: {
      offlinePartitionMs: 0,
      unwritablePartitionMs: 0,
      clientUnwritablePartitionMs: 0,
    },
    groups: [],
    eventCount: 0,
  }
}

/** The reference cluster of the performance budget: 90 brokers, 10,000 partitions, RF 3. */
export function referenceSnapshot(down: number[] = []): Snapshot {
  return fixtureSnapshot({
    zones: 3,
    brokersPerZone: 30,
    topics: Array.from({ length: 20 }, (_, i) => ({
      name: `topic-${String(i).padStart(2, '0')}`,
      partitions: 500,
      replicationFactor: 3,
    })),
    down,
  })
}
