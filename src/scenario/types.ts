/**
 * The scenario file, version 1: the JSON a person writes, imports or shares. It differs from the
 * engine's `SimulationSpec` in that defaults may be omitted, `brokersPerZone` may stand for a
 * broker list, `acks` may be written as Kafka accepts it ("all", "1", -1...) and assignments and
 * initial states are keyed by partition number. `normalizeScenario` expands it into a spec.
 */
import type { BrokerTypeName } from '../engine/capacity/broker-type-names'
import type {
  Acks,
  BrokerId,
  BrokerLimits,
  BrokerSpec,
  ClusterConfig,
  ConsumerConfig,
  ControllerMode,
  ControllerSpec,
  InitialPartitionState,
  ProducerConfig,
  SimulationSpec,
  TimedFault,
  StorageSpec,
  TopicConfig,
  ZoneName,
} from '../engine/spec'

/** The only version this reader understands. */
export const SCENARIO_VERSION = 1

export interface ScenarioFile {
  /** Optional pointer to the JSON Schema, for editors; ignored by the reader. */
  $schema?: string
  version: 1
  name: string
  /** Default: ''. */
  description?: string
  /** Default: 1. */
  seed?: number
  /** Default: 120000. */
  durationMs?: number
  cluster: ScenarioCluster
  /** Default: []. */
  topics?: ScenarioTopic[]
  /** Default: []. */
  clients?: ScenarioClient[]
  /** Default: []. */
  faults?: ScenarioFault[]
  /** Guided-tour text shown beside the run; not part of the engine's spec. */
  narration?: ScenarioNarration
}

/** One step of a guided scenario's narration, shown when the run reaches `atMs`. */
export interface NarrationStep {
  atMs: number
  title: string
  text: string
  /** The Kafka rule at work, ideally naming the Kafka method or KIP. */
  rule?: string
  /** Kafka config keys the step is about, for links to the config editor. */
  configKeys?: string[]
  /** Whether the UI pauses the timeline at `atMs` (and keeps a time-travel checkpoint there). */
  checkpoint?: boolean
  /** A question to answer before the next step plays. */
  predict?: string
  /** What the step is about: the topology highlights these brokers or this zone. */
  focusBrokers?: number[]
  focusZone?: string
}

export interface ScenarioNarration {
  steps: NarrationStep[]
  /** A closing suggestion: what to change and replay. */
  tryIt?: string
  /** The change `tryIt` suggests, loadable with one click (see `variant.ts`). */
  tryItVariant?: TryItVariant
}

/**
 * A guided scenario's "Try it" variant: the scenario file with `merge`, a JSON Merge Patch
 * (RFC 7396), applied.
 */
export interface TryItVariant {
  /** What the variant changes, shown after "Try it: " ("set min.insync.replicas to 2"). */
  label: string
  /** Objects merge key by key, null deletes a key, arrays and other values replace. */
  merge: Record<string, unknown>
}

export interface ScenarioCluster {
  /** major.minor, or an MSK version string such as "3.7.x.kraft". Default: "3.9". */
  kafkaVersion?: string
  /** An MSK broker type, or "custom" with brokerLimits. Default: none (no capacity model). */
  brokerType?: BrokerTypeName
  /** With brokerType "custom" only. */
  brokerLimits?: BrokerLimits
  /** Each Standard broker's EBS volume. */
  storage?: StorageSpec
  /** Default: 'kraft'. */
  controller?: ControllerMode
  zones: ZoneName[]
  /** Exactly one of `brokers` and `brokersPerZone` is given. */
  brokers?: BrokerSpec[]
  /** Shorthand: brokers 1..n assigned to the zones round-robin, in zone order. */
  brokersPerZone?: number
  /** Default: 3 nodes, ids 1001.., spread over the zones in order. */
  controllers?: ControllerSpec[]
  /** Overrides of Apache Kafka's broker defaults. */
  config?: Partial<ClusterConfig>
}

export interface ScenarioTopic {
  name: string
  partitions: number
  /** Default: the cluster's `default.replication.factor`. */
  replicationFactor?: number
  /** Topic-level overrides of the cluster config. */
  config?: TopicConfig
  /** Replica lists by partition number ("0", "1"...); replicas[0] is the preferred leader. */
  assignment?: Record<string, BrokerId[]>
  /** Partition states at t = 0 by partition number, e.g. from an imported cluster. */
  initial?: Record<string, InitialPartitionState>
}

/** Every form of `acks` Kafka's producer accepts. */
export type ScenarioAcks = Acks | 'all' | '-1' | '0' | '1'

export type ScenarioProducerConfig = Partial<Omit<ProducerConfig, 'acks'>> & { acks?: ScenarioAcks }

export interface ScenarioProducer {
  kind: 'producer'
  id: string
  topic: string
  recordsPerSecond: number
  /** The average record size in bytes. Default: 1024. */
  recordBytes?: number
  config?: ScenarioProducerConfig
}

export interface ScenarioConsumer {
  kind: 'consumer'
  id: string
  topic: string
  /** group.id: subscribe as a member of this consumer group. Default: none (assign()). */
  group?: string
  /** With `group`: how many members run this consumer. Default: 1. */
  members?: number
  config?: Partial<ConsumerConfig>
}

export type ScenarioClient = ScenarioProducer | ScenarioConsumer

/** Faults are written exactly as the engine takes them. */
export type ScenarioFault = TimedFault

/** Problems are data (code, path, params); see `messages.ts` for the codes and the renderer. */
import type { Problem } from './messages'
export type { Problem } from './messages'

/** What `parseScenario` and `validateScenario` return. Warnings never block a run. */
export type ScenarioParseResult =
  | { ok: true; spec: SimulationSpec; warnings: Problem[]; narration?: ScenarioNarration }
  | { ok: false; problems: Problem[] }

/** What the importers return: a scenario file, still to be validated and normalised by the caller. */
export type ImportResult =
  { ok: true; scenario: ScenarioFile; warnings: Problem[] } | { ok: false; problems: Problem[] }
