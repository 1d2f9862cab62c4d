/**
 * Hand-built specs for the analysis tests. Brokers are numbered from 1 and dealt over the zones
 * in turn (broker 1 in the first zone, 2 in the second, ..., then around again), so the broker
 * list is already rack-alternated and the default assignment — partition p gets the `rf`
 * consecutive brokers starting at broker p — puts the replicas in distinct zones whenever
 * RF <= zones. This is deliberately simpler than Kafka's `AdminUtils` placement.
 */
import type {
  BrokerSpec,
  ClientSpec,
  ClusterConfig,
  ConsumerSpec,
  ControllerMode,
  InitialPartitionState,
  ProducerConfig,
  ProducerSpec,
  SimulationSpec,
  TopicConfig,
  TopicSpec,
} from '../engine/spec'
import {
  DEFAULT_CLUSTER_CONFIG,
  DEFAULT_CONSUMER_CONFIG,
  DEFAULT_PRODUCER_CONFIG,
} from '../engine/spec'
import type { KafkaVersion } from '../engine/versions'

export const ZONES3 = ['use1-az1', 'use1-az2', 'use1-az3']

export interface TopicInput {
  name: string
  partitions: number
  replicationFactor: number
  config?: TopicConfig
  assignment?: number[][]
  initial?: (InitialPartitionState | null)[]
}

export interface SpecInput {
  name?: string
  zones?: string[]
  brokersPerZone?: number
  /** Explicit brokers, instead of `brokersPerZone` per zone. */
  brokers?: BrokerSpec[]
  controller?: ControllerMode
  /** `cluster.kafkaVersion`; absent means 3.9, as in a scenario without it. */
  kafkaVersion?: KafkaVersion
  /** The zone of each controller node (ids 1001, 1002, ...); default one per zone. */
  controllerZones?: string[]
  config?: Partial<ClusterConfig>
  topics?: TopicInput[]
  clients?: ClientSpec[]
}

export function buildSpec(input: SpecInput = {}): SimulationSpec {
  const zones = input.zones ?? ZONES3
  const perZone = input.brokersPerZone ?? 1
  const brokers =
    input.brokers ??
    Array.from({ length: zones.length * perZone }, (_, k) => ({
      id: k + 1,
      zone: zones[k % zones.length]!,
    }))
  const ids = brokers.map((b) => b.id).sort((a, b) => a - b)
  const controllers = (input.controllerZones ?? zones).map((zone, k) => ({ id: 1001 + k, zone }))
  return {
    name: input.name ?? 'test layout',
    description: '',
    seed: 1,
    durationMs: 60000,
    cluster: {
      ...(input.kafkaVersion === undefined ? {} : { kafkaVersion: input.kafkaVersion }),
      controller: input.controller ?? 'kraft',
      zones,
      brokers,
      controllers,
      config: { ...DEFAULT_CLUSTER_CONFIG, ...input.config },
    },
    topics: (input.topics ?? []).map((t) => topic(t, ids)),
    clients: input.clients ?? [],
    faults: [],
  }
}

function topic(input: TopicInput, brokerIds: number[]): TopicSpec {
  const spec: TopicSpec = {
    name: input.name,
    partitions: input.partitions,
    replicationFactor: input.replicationFactor,
    config: input.config ?? {},
    assignment:
      input.assignment ?? roundRobin(brokerIds, input.partitions, input.replicationFactor),
  }
  return input.initial === undefined ? spec : { ...spec, initial: input.initial }
}

/** Partition p gets the `rf` brokers starting at position p of `brokerIds`, wrapping around. */
export function roundRobin(brokerIds: number[], partitions: number, rf: number): number[][] {
  return Array.from({ length: partitions }, (_, p) =>
    Array.from({ length: rf }, (_, j) => brokerIds[(p + j) % brokerIds.length]!),
  )
}

export function producer(
  id: string,
  topicName: string,
  config: Partial<ProducerConfig> = {},
): ProducerSpec {
  return {
    kind: 'producer',
    id,
    topic: topicName,
    recordsPerSecond: 10,
    config: { ...DEFAULT_PRODUCER_CONFIG, 'bootstrap.servers': [1, 2, 3], ...config },
  }
}

export function consumer(id: string, topicName: string, bootstrap: number[]): ConsumerSpec {
  return {
    kind: 'consumer',
    id,
    topic: topicName,
    config: { ...DEFAULT_CONSUMER_CONFIG, 'bootstrap.servers': bootstrap },
  }
}

/** The MSK-recommended layout: 3 zones, 2 brokers each, RF 3, min ISR 2, acks=all. */
export function recommendedSpec(): SimulationSpec {
  return buildSpec({
    brokersPerZone: 2,
    topics: [
      { name: 'orders', partitions: 6, replicationFactor: 3, config: { 'min.insync.replicas': 2 } },
    ],
    clients: [producer('checkout', 'orders'), consumer('billing', 'orders', [1, 2, 3])],
  })
}
