/** Spec builders for the benchmarks: the reference cluster and the teaching cluster. */
import { assignReplicasToBrokers } from '../src/engine/protocol/assignment'
import { prngFromSeed } from '../src/engine/prng'
import {
  DEFAULT_CLUSTER_CONFIG,
  DEFAULT_CONSUMER_CONFIG,
  DEFAULT_PRODUCER_CONFIG,
  type ClientSpec,
  type SimulationSpec,
  type TimedFault,
  type TopicSpec,
} from '../src/engine/spec'

export interface ClusterShape {
  name: string
  zones: number
  brokersPerZone: number
  topics: number
  partitionsPerTopic: number
  producers: number
  recordsPerSecond: number
  durationMs: number
  /** Stop a zone at this time and start it again later (null: no faults). */
  zoneOutage: { stopAtMs: number; startAtMs: number } | null
  /**
   * Consumer groups, one per topic in turn, each with `membersPerGroup` members; with any, the
   * spec has Kafka's __consumer_offsets (50 partitions, RF 3, placed like the topics).
   */
  consumerGroups?: number
  membersPerGroup?: number
  /** Crash one broker at stopAtMs and start it again at startAtMs. */
  brokerOutage?: { broker: number; stopAtMs: number; startAtMs: number }
  /** cluster.brokerType: runs the capacity model (docs/capacity.md). */
  brokerType?: 'kafka.m5.large'
  /** Replace this broker's volume at atMs (it restarts empty and fetches everything again). */
  volumeReplacement?: { broker: number; atMs: number }
}

export function buildSpec(shape: ClusterShape, seed = 42): SimulationSpec {
  const zones = Array.from({ length: shape.zones }, (_, i) => `use1-az${i + 1}`)
  const brokers = Array.from({ length: shape.zones * shape.brokersPerZone }, (_, i) => ({
    id: i + 1,
    zone: zones[i % shape.zones] as string,
  }))
  const rng = prngFromSeed(seed)
  const topics: TopicSpec[] = Array.from({ length: shape.topics }, (_, t) => {
    const map = assignReplicasToBrokers(
      brokers.map((b) => ({ id: b.id, rack: b.zone })),
      shape.partitionsPerTopic,
      3,
      -1,
      -1,
      rng,
    )
    return {
      name: `topic-${t}`,
      partitions: shape.partitionsPerTopic,
      replicationFactor: 3,
      config: { 'min.insync.replicas': 2 },
      assignment: [...map.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r),
    }
  })
  const clients: ClientSpec[] = Array.from({ length: shape.producers }, (_, i) => ({
    kind: 'producer',
    id: `p${i + 1}`,
    topic: `topic-${i % shape.topics}`,
    recordsPerSecond: shape.recordsPerSecond,
    config: {
      ...DEFAULT_PRODUCER_CONFIG,
      'bootstrap.servers': brokers.slice(0, 3).map((b) => b.id),
    },
  }))
  const groups = shape.consumerGroups ?? 0
  if (groups > 0) {
    // Kafka's defaults, written out: this file is copied into older trees by
    // scripts/bench-interleaved.mjs, which have no OFFSETS_TOPIC to import.
    const map = assignReplicasToBrokers(
      brokers.map((b) => ({ id: b.id, rack: b.zone })),
      50,
      3,
      -1,
      -1,
      rng,
    )
    topics.push({
      name: '__consumer_offsets',
      partitions: 50,
      replicationFactor: 3,
      config: {},
      assignment: [...map.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r),
      internal: true,
    })
    for (let g = 0; g < groups; g++) {
      clients.push({
        kind: 'consumer',
        id: `c${g + 1}`,
        topic: `topic-${g % shape.topics}`,
        group: `group-${g + 1}`,
        members: shape.membersPerGroup ?? 3,
        config: {
          ...DEFAULT_CONSUMER_CONFIG,
          'bootstrap.servers': brokers.slice(0, 3).map((b) => b.id),
        },
      })
    }
  }
  const faults: TimedFault[] =
    shape.zoneOutage === null
      ? []
      : [
          { type: 'stopZone', zone: 'use1-az1', atMs: shape.zoneOutage.stopAtMs },
          { type: 'startZone', zone: 'use1-az1', atMs: shape.zoneOutage.startAtMs },
        ]
  if (shape.brokerOutage !== undefined) {
    const { broker, stopAtMs, startAtMs } = shape.brokerOutage
    faults.push({ type: 'crashBroker', broker, atMs: stopAtMs })
    faults.push({ type: 'startBroker', broker, atMs: startAtMs })
  }
  if (shape.volumeReplacement !== undefined) {
    const { broker, atMs } = shape.volumeReplacement
    // Only this shape uses it: older trees (scripts/bench-interleaved.mjs copies this file into
    // them) lack the fault, and run the shapes they have.
    faults.push({ type: 'replaceVolume', broker, atMs })
  }
  return {
    name: shape.name,
    description: '',
    seed,
    durationMs: shape.durationMs,
    cluster: {
      controller: 'kraft',
      ...(shape.brokerType === undefined ? {} : { brokerType: shape.brokerType }),
      zones,
      brokers,
      controllers: zones.map((zone, i) => ({ id: 1001 + i, zone })),
      config: { ...DEFAULT_CLUSTER_CONFIG },
    },
    topics,
    clients,
    faults,
  }
}

export const REFERENCE: ClusterShape = {
  name: 'reference: 3 zones x 30 brokers, 10,000 partitions RF 3, 30 producers',
  zones: 3,
  brokersPerZone: 30,
  topics: 10,
  partitionsPerTopic: 1000,
  producers: 30,
  recordsPerSecond: 1000,
  durationMs: 600_000,
  zoneOutage: { stopAtMs: 120_000, startAtMs: 300_000 },
}

/** The reference cluster with a consumer group of 3 members on each of its 10 topics. */
export const REFERENCE_GROUPS: ClusterShape = {
  ...REFERENCE,
  name: 'reference + 10 consumer groups of 3 members (one per topic), __consumer_offsets',
  consumerGroups: 10,
  membersPerGroup: 3,
}

/** The reference cluster on kafka.m5.large brokers: the capacity model's cost (issue 15). */
export const REFERENCE_TYPED: ClusterShape = {
  ...REFERENCE,
  name: 'reference on kafka.m5.large (capacity model: queues, measured bytes, catch-up bound)',
  brokerType: 'kafka.m5.large',
}

/** A 1-hour absence: broker 1 stops at 5 min and returns at 65 min (catch-up cost). */
export const HOUR_AWAY: ClusterShape = {
  ...REFERENCE,
  name: 'reference on kafka.m5.large, broker 1 away for an hour',
  brokerType: 'kafka.m5.large',
  durationMs: 4_200_000,
  zoneOutage: null,
  brokerOutage: { broker: 1, stopAtMs: 300_000, startAtMs: 3_900_000 },
}

/** Broker 1's volume replaced after 10 minutes of traffic: it re-replicates ~333 partitions. */
export const VOLUME_REPLACED: ClusterShape = {
  ...REFERENCE,
  name: 'reference on kafka.m5.large, broker 1 volume replaced at 10 min',
  brokerType: 'kafka.m5.large',
  durationMs: 1_200_000,
  zoneOutage: null,
  volumeReplacement: { broker: 1, atMs: 600_000 },
}

export const TEACHING: ClusterShape = {
  name: 'teaching: 3 zones x 1 broker, 6 partitions, 1 producer',
  zones: 3,
  brokersPerZone: 1,
  topics: 1,
  partitionsPerTopic: 6,
  producers: 1,
  recordsPerSecond: 200,
  durationMs: 3_600_000,
  zoneOutage: { stopAtMs: 600_000, startAtMs: 900_000 },
}
