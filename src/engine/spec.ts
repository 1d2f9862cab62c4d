/**
 * The engine's input: a fully resolved simulation spec. Every default is filled in and every
 * partition has an explicit replica assignment. The scenario layer (`src/scenario`) turns the
 * user-facing scenario JSON (with shorthands and omitted defaults) into this shape.
 */

import type { KafkaVersion } from './versions'
import type { BrokerTypeName } from './capacity/broker-type-names'

export type BrokerId = number
export type ControllerNodeId = number
export type ZoneName = string
export type ControllerMode = 'kraft' | 'zookeeper'

/** Broker and controller configs, by Kafka's own keys. Defaults are Apache Kafka's. */
export interface ClusterConfig {
  'replica.lag.time.max.ms': number
  'replica.fetch.wait.max.ms': number
  'unclean.leader.election.enable': boolean
  'unclean.leader.election.interval.ms': number
  'min.insync.replicas': number
  'default.replication.factor': number
  'broker.session.timeout.ms': number
  'broker.heartbeat.interval.ms': number
  'zookeeper.session.timeout.ms': number
  'auto.leader.rebalance.enable': boolean
  'leader.imbalance.check.interval.seconds': number
  'leader.imbalance.per.broker.percentage': number
  'eligible.leader.replicas.enable': boolean
  'controlled.shutdown.enable': boolean
  'controlled.shutdown.max.retries': number
  'controlled.shutdown.retry.backoff.ms': number
  /** The group coordinator's `__consumer_offsets` topic (GroupCoordinatorConfig). */
  'offsets.topic.num.partitions': number
  'offsets.topic.replication.factor': number
  /** How long the coordinator waits for more members before a new group's first rebalance. */
  'group.initial.rebalance.delay.ms': number
  /** The bounds a member's session.timeout.ms must lie within (INVALID_SESSION_TIMEOUT). */
  'group.min.session.timeout.ms': number
  'group.max.session.timeout.ms': number
  /**
   * KIP-73 replication throttles in bytes/s, for the replicas the topics' throttled-replica lists
   * name (broker/replication-quota.ts). Dynamic broker configs in Kafka, set here for every broker
   * (`--entity-default`); absent, as by default, nothing is throttled.
   */
  'leader.replication.throttled.rate'?: number
  'follower.replication.throttled.rate'?: number
}

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = {
  'replica.lag.time.max.ms': 30000,
  'replica.fetch.wait.max.ms': 500,
  'unclean.leader.election.enable': false,
  'unclean.leader.election.interval.ms': 300000,
  'min.insync.replicas': 1,
  'default.replication.factor': 1,
  'broker.session.timeout.ms': 9000,
  'broker.heartbeat.interval.ms': 2000,
  'zookeeper.session.timeout.ms': 18000,
  'auto.leader.rebalance.enable': true,
  'leader.imbalance.check.interval.seconds': 300,
  'leader.imbalance.per.broker.percentage': 10,
  'eligible.leader.replicas.enable': false,
  'controlled.shutdown.enable': true,
  'controlled.shutdown.max.retries': 3,
  'controlled.shutdown.retry.backoff.ms': 5000,
  'offsets.topic.num.partitions': 50,
  'offsets.topic.replication.factor': 3,
  'group.initial.rebalance.delay.ms': 3000,
  'group.min.session.timeout.ms': 6000,
  'group.max.session.timeout.ms': 1800000,
}

/** The group coordinator's internal topic (Topic.GROUP_METADATA_TOPIC_NAME). */
export const OFFSETS_TOPIC = '__consumer_offsets'

/** The replication-throttle broker configs, unset by default (ClusterConfig's optional keys). */
export const THROTTLE_RATE_KEYS = [
  'leader.replication.throttled.rate',
  'follower.replication.throttled.rate',
] as const satisfies readonly (keyof ClusterConfig)[]

/** The topic configs naming the replicas each throttle applies to. */
export const THROTTLED_REPLICAS_KEYS = [
  'leader.replication.throttled.replicas',
  'follower.replication.throttled.replicas',
] as const satisfies readonly (keyof TopicConfig)[]

/** Topic-level overrides of cluster configs. */
export interface TopicConfig {
  'min.insync.replicas'?: number
  'unclean.leader.election.enable'?: boolean
  /** How long the log keeps records, in ms (-1: forever). Absent: Kafka's 604800000 (7 days). */
  'retention.ms'?: number
  /** KIP-73: "partition:broker,…" or "*", the replicas each throttle applies to. */
  'leader.replication.throttled.replicas'?: string
  'follower.replication.throttled.replicas'?: string
}

/** An initial partition state, e.g. from imported `kafka-topics --describe` output. */
export interface InitialPartitionState {
  leader: number
  isr: number[]
  elr?: number[]
  lastKnownElr?: number[]
}

export interface TopicSpec {
  name: string
  partitions: number
  replicationFactor: number
  config: TopicConfig
  /** assignment[p] is partition p's replica list; replicas[0] is the preferred leader. */
  assignment: number[][]
  /** initial[p], when given, is partition p's state at t = 0 instead of "all replicas in sync". */
  initial?: (InitialPartitionState | null)[]
  /** Kafka's own topic (`__consumer_offsets`), created for consumer groups. */
  internal?: true
}

/** `acks` normalised to Kafka's numeric form: -1 is "all". */
export type Acks = -1 | 0 | 1

/**
 * The NetworkClient settings every Java client shares (CommonClientConfigs: reconnect backoff
 * 50 ms → 1 s, connection setup timeout 10 s → 30 s, both exponential with 20 % jitter in
 * ClusterConnectionStates).
 */
export interface ConnectionConfig {
  'reconnect.backoff.ms': number
  'reconnect.backoff.max.ms': number
  'socket.connection.setup.timeout.ms': number
  'socket.connection.setup.timeout.max.ms': number
}

export const CONNECTION_DEFAULTS: ConnectionConfig = {
  'reconnect.backoff.ms': 50,
  'reconnect.backoff.max.ms': 1000,
  'socket.connection.setup.timeout.ms': 10000,
  'socket.connection.setup.timeout.max.ms': 30000,
}

export interface ProducerConfig {
  acks: Acks
  retries: number
  'delivery.timeout.ms': number
  'request.timeout.ms': number
  'retry.backoff.ms': number
  'retry.backoff.max.ms': number
  'metadata.max.age.ms': number
  'bootstrap.servers': BrokerId[]
  'enable.idempotence': boolean
  'linger.ms': number
  'max.in.flight.requests.per.connection': number
  'max.block.ms': number
  'buffer.memory': number
  'batch.size': number
  'reconnect.backoff.ms': number
  'reconnect.backoff.max.ms': number
  'socket.connection.setup.timeout.ms': number
  'socket.connection.setup.timeout.max.ms': number
}

export const DEFAULT_PRODUCER_CONFIG: Omit<ProducerConfig, 'bootstrap.servers'> = {
  acks: -1,
  retries: 2147483647,
  'delivery.timeout.ms': 120000,
  'request.timeout.ms': 30000,
  'retry.backoff.ms': 100,
  'retry.backoff.max.ms': 1000,
  'metadata.max.age.ms': 300000,
  'enable.idempotence': true,
  'linger.ms': 0,
  ...CONNECTION_DEFAULTS,
  'max.in.flight.requests.per.connection': 5,
  'max.block.ms': 60000,
  'buffer.memory': 33554432,
  'batch.size': 16384,
}

export interface ConsumerConfig {
  'bootstrap.servers': BrokerId[]
  'auto.offset.reset': 'latest' | 'earliest'
  'request.timeout.ms': number
  'metadata.max.age.ms': number
  'fetch.max.wait.ms': number
  'retry.backoff.ms': number
  'retry.backoff.max.ms': number
  'reconnect.backoff.ms': number
  'reconnect.backoff.max.ms': number
  'socket.connection.setup.timeout.ms': number
  'socket.connection.setup.timeout.max.ms': number
  /** Group members only (ConsumerConfig; AbstractCoordinator, ConsumerCoordinator). */
  'enable.auto.commit': boolean
  'auto.commit.interval.ms': number
  'heartbeat.interval.ms': number
  'session.timeout.ms': number
  'max.poll.interval.ms': number
}

export const DEFAULT_CONSUMER_CONFIG: Omit<ConsumerConfig, 'bootstrap.servers'> = {
  'auto.offset.reset': 'latest',
  'request.timeout.ms': 30000,
  'metadata.max.age.ms': 300000,
  'fetch.max.wait.ms': 500,
  'retry.backoff.ms': 100,
  'retry.backoff.max.ms': 1000,
  ...CONNECTION_DEFAULTS,
  'enable.auto.commit': true,
  'auto.commit.interval.ms': 5000,
  'heartbeat.interval.ms': 3000,
  'session.timeout.ms': 45000,
  'max.poll.interval.ms': 300000,
}

/** The record size of a producer whose scenario sets none (docs/engine.md, Simplifications). */
export const DEFAULT_RECORD_BYTES = 1024

export interface ProducerSpec {
  kind: 'producer'
  id: string
  topic: string
  recordsPerSecond: number
  /** The average record size in bytes. Absent: 1024. */
  recordBytes?: number
  config: ProducerConfig
}

export interface ConsumerSpec {
  kind: 'consumer'
  id: string
  topic: string
  config: ConsumerConfig
  /**
   * group.id: the consumer subscribes as a member of this group (the coordinator assigns its
   * partitions); absent, it reads every partition of the topic with assign() and commits nothing.
   */
  group?: string
  /** With `group`: how many instances of this consumer run, each a member. Default 1. */
  members?: number
}

export type ClientSpec = ProducerSpec | ConsumerSpec

/** Which links an isolation cuts. Default: all three. */
export type IsolationScope = 'controllers' | 'brokers' | 'clients'

/** A fault or admin action, as data. `atMs` is simulated time. */
export type Fault =
  | { type: 'crashBroker'; broker: BrokerId }
  | { type: 'startBroker'; broker: BrokerId }
  | { type: 'shutdownBroker'; broker: BrokerId }
  | { type: 'isolateBroker'; broker: BrokerId; from?: IsolationScope[] }
  | { type: 'healBroker'; broker: BrokerId }
  | { type: 'stopZone'; zone: ZoneName }
  | { type: 'startZone'; zone: ZoneName }
  | { type: 'isolateZone'; zone: ZoneName; from?: IsolationScope[] }
  | { type: 'healZone'; zone: ZoneName }
  | { type: 'slowBroker'; broker: BrokerId; fetchDelayMs: number }
  | { type: 'unslowBroker'; broker: BrokerId }
  /** The broker's storage volume is replaced: it stops, and starts again with empty logs. */
  | { type: 'replaceVolume'; broker: BrokerId }
  | { type: 'crashController'; controller: ControllerNodeId }
  | { type: 'startController'; controller: ControllerNodeId }
  | { type: 'rollingRestart'; brokers?: BrokerId[]; restartMs?: number }
  /** The application process of a producer or of one consumer group member dies / starts. */
  | { type: 'crashClient'; client: string; member?: number }
  | { type: 'startClient'; client: string; member?: number }
  /**
   * A rolling version upgrade as MSK runs it: the brokers restart one at a time on the new
   * version (as `rollingRestart`), and the metadata version is finalised after the last one.
   */
  | { type: 'upgradeCluster'; toVersion: KafkaVersion; restartMs?: number }
  | {
      type: 'electLeaders'
      election: 'PREFERRED' | 'UNCLEAN'
      topic?: string
      partition?: number
    }

export type FaultType = Fault['type']
export type TimedFault = Fault & { atMs: number }

export interface BrokerSpec {
  id: BrokerId
  zone: ZoneName
}

export interface ControllerSpec {
  id: ControllerNodeId
  zone: ZoneName
}

/** `cluster.brokerLimits`: a custom broker's limits (`brokerType: "custom"`). */
export interface BrokerLimits {
  vcpus: number
  /** Sustained network bandwidth, each direction. */
  networkMiBps: number
  /** The data volume's throughput (reads and writes); absent: not limited. */
  volumeThroughputMiBps?: number
  recommendedPartitions?: number
  maxPartitions?: number
}

/** `cluster.storage`: each Standard broker's EBS volume. */
export interface StorageSpec {
  volumeGiB: number
  /** MSK provisioned storage throughput; absent: the volume's default throughput. */
  provisionedThroughputMiBps?: number
}

export interface ClusterSpec {
  controller: ControllerMode
  /** The Kafka version (versions.ts); absent means DEFAULT_KAFKA_VERSION ("3.9"). */
  kafkaVersion?: KafkaVersion
  /** The MSK broker type (capacity/broker-types.ts); absent: no capacity model. */
  brokerType?: BrokerTypeName
  /** With brokerType "custom" only. */
  brokerLimits?: BrokerLimits
  /** Standard and custom brokers only. */
  storage?: StorageSpec
  zones: ZoneName[]
  brokers: BrokerSpec[]
  /** KRaft controller quorum voters, or ZooKeeper ensemble nodes. */
  controllers: ControllerSpec[]
  config: ClusterConfig
}

export interface SimulationSpec {
  name: string
  description: string
  seed: number
  durationMs: number
  cluster: ClusterSpec
  topics: TopicSpec[]
  clients: ClientSpec[]
  faults: TimedFault[]
}

/** A topic's min.insync.replicas: its own override, else the cluster's. */
export function configuredMinIsr(topic: TopicSpec, cluster: ClusterConfig): number {
  return topic.config['min.insync.replicas'] ?? cluster['min.insync.replicas']
}

/**
 * The effective min ISR of a topic: min(min.insync.replicas, replication factor), as the KRaft
 * controller computes it (`ReplicationControlManager.getTopicEffectiveMinIsr`) and leaders do from
 * Kafka 3.7 (`Partition.effectiveMinIsr`; before, leaders used the configured value: versions.ts).
 */
export function effectiveMinIsr(topic: TopicSpec, cluster: ClusterConfig): number {
  return Math.min(configuredMinIsr(topic, cluster), topic.replicationFactor)
}

/** How often a broker runs its ISR check: replica.lag.time.max.ms / 2 (ReplicaManager). */
export function isrCheckIntervalMs(cluster: ClusterConfig): number {
  return Math.max(1, Math.floor(cluster['replica.lag.time.max.ms'] / 2))
}

export function uncleanElectionEnabled(topic: TopicSpec, cluster: ClusterConfig): boolean {
  return topic.config['unclean.leader.election.enable'] ?? cluster['unclean.leader.election.enable']
}
