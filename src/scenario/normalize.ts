/**
 * Expands a validated scenario file into the engine's `SimulationSpec`: every default filled in
 * from `src/engine/spec.ts`, shorthands expanded, `acks` made numeric, every partition given an
 * explicit replica list, faults sorted by time. It only copies known fields, in a fixed key
 * order, so equal scenarios give equal specs.
 */
import { EXPRESS_FIXED, isExpressBrokerType } from '../engine/capacity/broker-type-names'
import { assignReplicasToBrokers } from '../engine/protocol/assignment'
import { prngFromSeed, type PrngState } from '../engine/prng'
import {
  DEFAULT_KAFKA_VERSION,
  normalizeKafkaVersion,
  rulesOf,
  type KafkaVersion,
} from '../engine/versions'
import {
  CONNECTION_DEFAULTS,
  DEFAULT_CLUSTER_CONFIG,
  THROTTLE_RATE_KEYS,
  THROTTLED_REPLICAS_KEYS,
  DEFAULT_CONSUMER_CONFIG,
  DEFAULT_PRODUCER_CONFIG,
  OFFSETS_TOPIC,
  type Acks,
  type ConnectionConfig,
  type BrokerSpec,
  type ClientSpec,
  type ClusterConfig,
  type ConsumerConfig,
  type ControllerSpec,
  type InitialPartitionState,
  type ProducerConfig,
  type SimulationSpec,
  type TimedFault,
  type TopicConfig,
  type TopicSpec,
  type ZoneName,
} from '../engine/spec'
import {
  DEFAULT_CONTROLLER_COUNT,
  DEFAULT_DURATION_MS,
  DEFAULT_SEED,
  FAULT_RULES,
  FIRST_CONTROLLER_ID,
} from './fields'
import type {
  ScenarioAcks,
  ScenarioClient,
  ScenarioFault,
  ScenarioFile,
  ScenarioProducerConfig,
  ScenarioTopic,
} from './types'

/** `brokersPerZone`: ids 1..n, broker i in zone (i - 1) mod zones, in zone order. */
export function expandBrokers(zones: readonly ZoneName[], brokersPerZone: number): BrokerSpec[] {
  const brokers: BrokerSpec[] = []
  for (let i = 0; i < brokersPerZone * zones.length; i++) {
    brokers.push({ id: i + 1, zone: zones[i % zones.length] as ZoneName })
  }
  return brokers
}

/**
 * Three controller nodes with ids 1001.., one per zone in zone order, wrapping around. With two
 * zones the first zone holds two of the three, so losing it loses the quorum, as in real 2-AZ
 * deployments.
 */
export function defaultControllers(zones: readonly ZoneName[]): ControllerSpec[] {
  return Array.from({ length: DEFAULT_CONTROLLER_COUNT }, (_, i) => ({
    id: FIRST_CONTROLLER_ID + i,
    zone: zones[i % zones.length] as ZoneName,
  }))
}

/** Kafka's `acks` forms to its numeric one: "all" and "-1" are -1. */
export function normalizeAcks(acks: ScenarioAcks): Acks {
  if (acks === 'all' || acks === '-1' || acks === -1) return -1
  if (acks === '0' || acks === 0) return 0
  return 1
}

/** The brokers of a scenario, explicit or expanded from `brokersPerZone`. */
export function scenarioBrokers(file: Pick<ScenarioFile, 'cluster'>): BrokerSpec[] {
  const { cluster } = file
  if (cluster.brokers !== undefined) return cluster.brokers.map((b) => ({ id: b.id, zone: b.zone }))
  return expandBrokers(cluster.zones, cluster.brokersPerZone ?? 0)
}

/**
 * The scenario's Kafka version: `cluster.kafkaVersion` read as major.minor, else "3.9". An
 * unknown version is the validator's error; here it falls back to the default.
 */
export function scenarioKafkaVersion(text: string | undefined): KafkaVersion {
  return (text === undefined ? undefined : normalizeKafkaVersion(text)) ?? DEFAULT_KAFKA_VERSION
}

/**
 * Apache Kafka's defaults with the file's overrides. From 4.1, ELR is on for a new cluster
 * unless configured off (`eligible.leader.replicas.version` 1 in the bootstrap features).
 */
export function mergedClusterConfig(
  config: Partial<ClusterConfig> | undefined,
  version: KafkaVersion = DEFAULT_KAFKA_VERSION,
  brokerType?: string,
): ClusterConfig {
  const out = { ...DEFAULT_CLUSTER_CONFIG }
  if (rulesOf(version).elrDefault) out['eligible.leader.replicas.enable'] = true
  if (isExpressBrokerType(brokerType)) {
    // Express brokers' fixed settings are their defaults too (validation rejects any other value).
    out['default.replication.factor'] = EXPRESS_FIXED.replicationFactor
    out['min.insync.replicas'] = EXPRESS_FIXED.minInsyncReplicas
    out['unclean.leader.election.enable'] = EXPRESS_FIXED.uncleanLeaderElection
  }
  for (const key of Object.keys(DEFAULT_CLUSTER_CONFIG) as (keyof ClusterConfig)[]) {
    const value = config?.[key]
    if (value !== undefined) (out as Record<string, unknown>)[key] = value
  }
  // Unset by default (no throttle): present only when the file sets them.
  for (const key of THROTTLE_RATE_KEYS) {
    const value = config?.[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

/**
 * Kafka's producer post-processing (`ProducerConfig.postProcessAndValidateIdempotenceConfigs`,
 * `KafkaProducer.configureDeliveryTimeout`): idempotence not set explicitly is turned off when
 * acks is not all, retries is 0 or max.in.flight.requests.per.connection is above 5, and a default `delivery.timeout.ms` below
 * `linger.ms + request.timeout.ms` is raised to that sum.
 */
export function producerConfig(
  raw: ScenarioProducerConfig,
  allBrokers: number[],
  version: KafkaVersion = DEFAULT_KAFKA_VERSION,
): ProducerConfig {
  // linger.ms defaults to 5 from 4.0 (KIP-1030): the client library of the cluster's version.
  const d = { ...DEFAULT_PRODUCER_CONFIG, 'linger.ms': rulesOf(version).producerLingerMsDefault }
  const acks = normalizeAcks(raw.acks ?? 'all')
  const retries = raw.retries ?? d.retries
  const requestTimeoutMs = raw['request.timeout.ms'] ?? d['request.timeout.ms']
  const lingerMs = raw['linger.ms'] ?? d['linger.ms']
  return {
    acks,
    retries,
    'delivery.timeout.ms':
      raw['delivery.timeout.ms'] ?? Math.max(d['delivery.timeout.ms'], lingerMs + requestTimeoutMs),
    'request.timeout.ms': requestTimeoutMs,
    'retry.backoff.ms': raw['retry.backoff.ms'] ?? d['retry.backoff.ms'],
    'retry.backoff.max.ms': raw['retry.backoff.max.ms'] ?? d['retry.backoff.max.ms'],
    'metadata.max.age.ms': raw['metadata.max.age.ms'] ?? d['metadata.max.age.ms'],
    'bootstrap.servers': (raw['bootstrap.servers'] ?? allBrokers).slice(),
    'enable.idempotence':
      raw['enable.idempotence'] ??
      (d['enable.idempotence'] &&
        acks === -1 &&
        retries > 0 &&
        (raw['max.in.flight.requests.per.connection'] ?? 5) <= 5),
    'linger.ms': lingerMs,
    'max.in.flight.requests.per.connection':
      raw['max.in.flight.requests.per.connection'] ?? d['max.in.flight.requests.per.connection'],
    'max.block.ms': raw['max.block.ms'] ?? d['max.block.ms'],
    'buffer.memory': raw['buffer.memory'] ?? d['buffer.memory'],
    'batch.size': raw['batch.size'] ?? d['batch.size'],
    ...connectionConfig(raw),
  }
}

/** The NetworkClient settings, defaulted (CommonClientConfigs). */
function connectionConfig(raw: Partial<ConnectionConfig>): ConnectionConfig {
  const out = { ...CONNECTION_DEFAULTS }
  for (const key of Object.keys(CONNECTION_DEFAULTS) as (keyof ConnectionConfig)[]) {
    const value = raw[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

function consumerConfig(raw: Partial<ConsumerConfig>, allBrokers: number[]): ConsumerConfig {
  const d = DEFAULT_CONSUMER_CONFIG
  return {
    'bootstrap.servers': (raw['bootstrap.servers'] ?? allBrokers).slice(),
    'auto.offset.reset': raw['auto.offset.reset'] ?? d['auto.offset.reset'],
    'request.timeout.ms': raw['request.timeout.ms'] ?? d['request.timeout.ms'],
    'metadata.max.age.ms': raw['metadata.max.age.ms'] ?? d['metadata.max.age.ms'],
    'fetch.max.wait.ms': raw['fetch.max.wait.ms'] ?? d['fetch.max.wait.ms'],
    'retry.backoff.ms': raw['retry.backoff.ms'] ?? d['retry.backoff.ms'],
    'retry.backoff.max.ms': raw['retry.backoff.max.ms'] ?? d['retry.backoff.max.ms'],
    ...connectionConfig(raw),
    'enable.auto.commit': raw['enable.auto.commit'] ?? d['enable.auto.commit'],
    'auto.commit.interval.ms': raw['auto.commit.interval.ms'] ?? d['auto.commit.interval.ms'],
    'heartbeat.interval.ms': raw['heartbeat.interval.ms'] ?? d['heartbeat.interval.ms'],
    'session.timeout.ms': raw['session.timeout.ms'] ?? d['session.timeout.ms'],
    'max.poll.interval.ms': raw['max.poll.interval.ms'] ?? d['max.poll.interval.ms'],
  }
}

function topicConfig(raw: TopicConfig | undefined): TopicConfig {
  const out: TopicConfig = {}
  if (raw?.['min.insync.replicas'] !== undefined) {
    out['min.insync.replicas'] = raw['min.insync.replicas']
  }
  if (raw?.['unclean.leader.election.enable'] !== undefined) {
    out['unclean.leader.election.enable'] = raw['unclean.leader.election.enable']
  }
  if (raw?.['retention.ms'] !== undefined) out['retention.ms'] = raw['retention.ms']
  for (const key of THROTTLED_REPLICAS_KEYS) {
    const value = raw?.[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

function initialState(raw: InitialPartitionState): InitialPartitionState {
  const out: InitialPartitionState = { leader: raw.leader, isr: raw.isr.slice() }
  if (raw.elr !== undefined) out.elr = raw.elr.slice()
  if (raw.lastKnownElr !== undefined) out.lastKnownElr = raw.lastKnownElr.slice()
  return out
}

/**
 * Partitions without an explicit replica list get Kafka's rack-aware `assignReplicasToBrokers`
 * over the brokers sorted by id, with rack = zone, drawing from the one PRNG shared by all topics
 * in file order. A topic whose partitions are all listed draws nothing.
 */
function topicSpec(
  raw: ScenarioTopic,
  cluster: ClusterConfig,
  racks: { id: number; rack: string }[],
  random: PrngState,
): TopicSpec {
  const replicationFactor = raw.replicationFactor ?? cluster['default.replication.factor']
  const explicit = raw.assignment ?? {}
  const complete = Array.from({ length: raw.partitions }, (_, p) => explicit[String(p)]).every(
    (replicas) => replicas !== undefined,
  )
  const generated = complete
    ? new Map<number, number[]>()
    : assignReplicasToBrokers(racks, raw.partitions, replicationFactor, -1, -1, random)
  const assignment = Array.from({ length: raw.partitions }, (_, p) =>
    (explicit[String(p)] ?? generated.get(p) ?? []).slice(),
  )
  const topic: TopicSpec = {
    name: raw.name,
    partitions: raw.partitions,
    replicationFactor,
    config: topicConfig(raw.config),
    assignment,
  }
  if (raw.name === OFFSETS_TOPIC) topic.internal = true
  if (raw.initial !== undefined) {
    const initial = raw.initial
    topic.initial = Array.from({ length: raw.partitions }, (_, p) => {
      const state = initial[String(p)]
      return state === undefined ? null : initialState(state)
    })
  }
  return topic
}

function clientSpec(raw: ScenarioClient, allBrokers: number[], version: KafkaVersion): ClientSpec {
  if (raw.kind === 'producer') {
    return {
      kind: 'producer',
      id: raw.id,
      topic: raw.topic,
      recordsPerSecond: raw.recordsPerSecond,
      ...(raw.recordBytes === undefined ? {} : { recordBytes: raw.recordBytes }),
      config: producerConfig(raw.config ?? {}, allBrokers, version),
    }
  }
  const consumer: ClientSpec = {
    kind: 'consumer',
    id: raw.id,
    topic: raw.topic,
    config: consumerConfig(raw.config ?? {}, allBrokers),
  }
  if (raw.group !== undefined) {
    consumer.group = raw.group
    consumer.members = raw.members ?? 1
  }
  return consumer
}

/**
 * The group coordinator's `__consumer_offsets`, when a consumer names a group: Kafka creates it
 * when the first group looks for its coordinator (AutoTopicCreationManager, with
 * offsets.topic.num.partitions and offsets.topic.replication.factor), placed like any topic. It
 * cannot be created with fewer brokers than its replication factor; then there is none and the
 * groups never form (the validator warns). A topic of that name in the file (an imported
 * cluster's) is the offsets topic itself.
 *
 * Here it is created at t = 0, before the first FindCoordinator (which comes a few ms later): the
 * same placement as long as every broker runs at the start, which is always so in a scenario.
 */
function offsetsTopic(
  file: ScenarioFile,
  config: ClusterConfig,
  racks: { id: number; rack: string }[],
  random: PrngState,
): TopicSpec[] {
  const grouped = (file.clients ?? []).some((c) => c.kind === 'consumer' && c.group !== undefined)
  if (!grouped || (file.topics ?? []).some((t) => t.name === OFFSETS_TOPIC)) return []
  const rf = config['offsets.topic.replication.factor']
  if (rf > racks.length) return []
  const raw: ScenarioTopic = {
    name: OFFSETS_TOPIC,
    partitions: config['offsets.topic.num.partitions'],
    replicationFactor: rf,
  }
  return [topicSpec(raw, config, racks, random)]
}

/** Copies a fault's known fields in a fixed order: atMs, type, then the type's own fields. */
export function faultSpec(raw: ScenarioFault): TimedFault {
  const out: Record<string, unknown> = { atMs: raw.atMs, type: raw.type }
  const source = raw as unknown as Record<string, unknown>
  for (const key of Object.keys(FAULT_RULES[raw.type].fields)) {
    const value = source[key]
    if (value !== undefined) out[key] = Array.isArray(value) ? value.slice() : value
  }
  // An upgrade's target is written as the cluster's version is ("4.0.x" → "4.0").
  if (typeof out.toVersion === 'string') out.toVersion = scenarioKafkaVersion(out.toVersion)
  return out as TimedFault
}

/**
 * Expands a scenario file that `validateScenario` accepted. On a file it rejected the result is
 * unspecified (it may throw), so validate first, or use `parseScenario`.
 *
 * @example
 * const spec = normalizeScenario({
 *   version: 1, name: 'demo', cluster: { zones: ['a', 'b', 'c'], brokersPerZone: 1 },
 *   topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
 * })
 * spec.cluster.brokers // [{ id: 1, zone: 'a' }, { id: 2, zone: 'b' }, { id: 3, zone: 'c' }]
 */
export function normalizeScenario(file: ScenarioFile): SimulationSpec {
  const seed = file.seed ?? DEFAULT_SEED
  const brokers = scenarioBrokers(file)
  const version = scenarioKafkaVersion(file.cluster.kafkaVersion)
  const config = mergedClusterConfig(file.cluster.config, version, file.cluster.brokerType)
  const byId = brokers.slice().sort((a, b) => a.id - b.id)
  const racks = byId.map((b) => ({ id: b.id, rack: b.zone }))
  const allBrokers = byId.map((b) => b.id)
  const random = prngFromSeed(seed)
  const faults = (file.faults ?? []).map(faultSpec)
  // Array.prototype.sort is stable (ES2019), so equal times keep their order in the file.
  faults.sort((a, b) => a.atMs - b.atMs)
  return {
    name: file.name,
    description: file.description ?? '',
    seed,
    durationMs: file.durationMs ?? DEFAULT_DURATION_MS,
    cluster: {
      // Only a file that names its version carries one, so older specs stay as they were.
      ...(file.cluster.kafkaVersion === undefined ? {} : { kafkaVersion: version }),
      // Only a file that names a broker type has a capacity model.
      ...(file.cluster.brokerType === undefined ? {} : { brokerType: file.cluster.brokerType }),
      ...(file.cluster.brokerLimits === undefined
        ? {}
        : { brokerLimits: { ...file.cluster.brokerLimits } }),
      ...(file.cluster.storage === undefined ? {} : { storage: { ...file.cluster.storage } }),
      controller: file.cluster.controller ?? 'kraft',
      zones: file.cluster.zones.slice(),
      brokers,
      controllers: (file.cluster.controllers ?? defaultControllers(file.cluster.zones)).map(
        (c) => ({
          id: c.id,
          zone: c.zone,
        }),
      ),
      config,
    },
    topics: [
      ...(file.topics ?? []).map((t) => topicSpec(t, config, racks, random)),
      ...offsetsTopic(file, config, racks, random),
    ],
    clients: (file.clients ?? []).map((c) => clientSpec(c, allBrokers, version)),
    faults,
  }
}
