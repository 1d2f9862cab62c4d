/**
 * The simulation context: the immutable spec, derived lookups and the mutable state, plus the
 * small helpers every module shares (scheduling, logging events and client lines).
 */
import type { CapacityCtx } from './capacity/saturation'
import type { QuotaCtx } from './broker/replication-quota'
import type {
  BrokerId,
  BrokerIndex,
  ConsumerIndex,
  PartitionIndex,
  ProducerIndex,
  ReplicaSlot,
} from './ids'
import { schedule } from './event-queue'
import type { LeaderGauges } from './broker/leader-side'
import type {
  BrokerState,
  ConsumerState,
  EngineState,
  EventKind,
  FetchEntry,
  LeaderSideState,
  PartitionState,
  ProducerState,
  ReplicaState,
} from './state'
import type { ConsumerSpec, ProducerSpec, SimulationSpec, TopicSpec } from './spec'
import type { ClientLogLine, SimEvent } from './types'
import { rulesOf, type KafkaVersion, type VersionRules } from './versions'

export interface Ctx {
  spec: SimulationSpec
  s: EngineState
  /** Derived from the spec: the capacity model's limits and workload, null without a type. */
  capacity: CapacityCtx | null
  /** Replication throttles and the replicas they apply to; null when none applies. */
  quota: QuotaCtx | null
  /** broker id → index in spec.cluster.brokers / s.brokers. */
  brokerIndex: Map<number, BrokerIndex>
  /**
   * The same as a dense table, broker id → index (−1: no such broker), when ids are small
   * enough for one (empty otherwise): brokerIdx runs on every produce and metadata lookup, and
   * an array read is cheaper there than a Map's hash lookup.
   */
  brokerIndexById: Int32Array
  controllerIndex: Map<number, number>
  zoneIndex: Map<string, number>
  /** Partitions hosted on each broker (indices into s.partitions), ascending. */
  hostedBy: PartitionIndex[][]
  /**
   * Derived, not state: per broker index, the partitions whose replica there believes it leads
   * (has a leader side), ascending. Kept by `setLeaderSide`; rebuilt from the state on restore.
   */
  ledBy: LeaderSideState[][]
  checkInvariants: boolean
  throwOnViolation: boolean
  sampleIntervalMs: number
  /** SimulationOptions.traffic: keep messages in flight for the dashboard. */
  traffic: boolean
  /** Network one-way latencies in ms. */
  latencyInZoneMs: number
  latencyCrossZoneMs: number
  latencyClientMs: number
  /** Per topic index, the effective min.insync.replicas (spec.ts effectiveMinIsr). */
  minIsrByTopic: number[]
  /** Per topic index, min.insync.replicas as configured (leaders before Kafka 3.7 use it). */
  configuredMinIsrByTopic: number[]
  /** Derived, not state: per topic, partition leaders at a metadata version (clients.ts). */
  topicLeaders: ({ version: number; leaders: number[]; epochs: number[] } | undefined)[]
  /** consumerTick's per-tick scratch: per broker index, reachable (1), not (0), unknown (-1). */
  reachableScratch: Int8Array
  /**
   * Derived, not state: per broker index, the gauges over the leader sides it holds (written only
   * by broker/leader-side.ts; metrics.ts compares them with a full scan when invariant checks are
   * on).
   */
  leaderGauges: LeaderGauges
  /**
   * Derived (written only by cluster-gauges.ts): partitions whose leader is not their preferred
   * (first) replica, leaderless ones included (PreferredReplicaImbalanceCount as the scan counts
   * it).
   */
  imbalanced: number
  /** Derived (cluster-gauges.ts): acknowledged records missing from their leader's log, over partitions with one. */
  lostWithLeader: number
  /** Not state: fetch response entries no response holds (see `FetchEntry`). */
  entryPool: FetchEntry[]
  /**
   * Derived (written only by broker/leader-side.ts): per broker index, the listed leader sides the
   * ISR check cannot skip (`needsIsrCheck`). At 0 the broker's ISR check has nothing to do.
   */
  isrCheckDue: Int32Array
  /** liveness.ts `eligibleForIsr` bound to this context, injected into the replication rules. */
  isEligibleForIsr: (id: number) => boolean
  /** Derived from the spec: per consumer index, its spec with the member's client.id. */
  memberSpecs: MemberSpec[]
  /**
   * consumer-groups.ts `unloadGroups` bound to this context, injected into the replica manager
   * (which the group coordinator itself builds on): broker `b` stopped leading partition `p`.
   */
  unloadGroups: (p: number, b: BrokerIndex) => void
}

/**
 * A consumer's spec as one member sees it: `clientId` is the client.id its log lines carry
 * (the entry's id, with "-<member>" when the entry has several members).
 */
export interface MemberSpec extends ConsumerSpec {
  clientId: string
  member: number
}

/** Schedules event `kind` (see `EV`) with its integer arguments, `delayMs` from now. */
export function at(ctx: Ctx, delayMs: number, kind: EventKind, a = 0, b = 0, c = 0): void {
  schedule(ctx.s.queue, ctx.s.nowMs + Math.max(0, Math.round(delayMs)), kind, a, b, c)
}

export function emit(ctx: Ctx, event: SimEvent): void {
  ctx.s.events.push(event)
}

export function clientLine(
  ctx: Ctx,
  client: string,
  level: ClientLogLine['level'],
  message: string,
  logger: string,
): void {
  ctx.s.clientLog.push({ atMs: ctx.s.nowMs, client, level, message, logger })
}

/** The effective min.insync.replicas of partition `p`'s topic, as the controller computes it. */
export function minIsrOf(ctx: Ctx, p: number): number {
  return ctx.minIsrByTopic[(ctx.s.partitions[p] as { topic: number }).topic] as number
}

/** The rules of the finalised version: the controller's and the metadata version's features. */
export function clusterRules(ctx: Ctx): VersionRules {
  return rulesOf(ctx.s.kafkaVersion)
}

/** The rules of the version broker `b`'s process runs: the broker-side (Partition.scala) rules. */
export function brokerRules(ctx: Ctx, b: number): VersionRules {
  return rulesOf((ctx.s.brokers[b] as { softwareVersion: KafkaVersion }).softwareVersion)
}

/**
 * The min.insync.replicas a leader on broker `b` applies to partition `p`: capped at the
 * replication factor from Kafka 3.7 (`Partition.effectiveMinIsr`), the configured value before.
 */
export function leaderMinIsr(ctx: Ctx, p: number, b: number): number {
  const t = (ctx.s.partitions[p] as { topic: number }).topic
  return brokerRules(ctx, b).minIsrCappedAtReplicationFactor
    ? (ctx.minIsrByTopic[t] as number)
    : (ctx.configuredMinIsrByTopic[t] as number)
}

/**
 * The ISR size below which a leader on broker `b` holds its high watermark (KAFKA-15583, 3.7:
 * `maybeIncrementLeaderHW` returns early while `isUnderMinIsr`); 0 (never) before 3.7.
 */
export function hwFreezeMinIsr(ctx: Ctx, p: number, b: number): number {
  return brokerRules(ctx, b).hwFreezeUnderMinIsr ? leaderMinIsr(ctx, p, b) : 0
}

/**
 * ELR is on: configured (or on by default for new clusters from 4.1, resolved by the scenario
 * reader) and available in the finalised version (`MetadataVersion.isElrSupported`).
 */
export function elrEnabled(ctx: Ctx): boolean {
  return (
    ctx.spec.cluster.controller === 'kraft' &&
    ctx.spec.cluster.config['eligible.leader.replicas.enable'] &&
    clusterRules(ctx).elrAvailable
  )
}

export function topicOf(ctx: Ctx, p: number): TopicSpec {
  return ctx.spec.topics[(ctx.s.partitions[p] as { topic: number }).topic] as TopicSpec
}

export function brokerId(ctx: Ctx, b: BrokerIndex): BrokerId {
  return brokerAt(ctx, b).id
}

/** The index of broker `id`, or −1 when the cluster has no such broker. */
export function findBrokerIdx(ctx: Ctx, id: number): BrokerIndex {
  const dense = ctx.brokerIndexById
  if (id >= 0 && id < dense.length) return dense[id] as BrokerIndex
  return ctx.brokerIndex.get(id) ?? (-1 as BrokerIndex)
}

export function brokerIdx(ctx: Ctx, id: number): BrokerIndex {
  const i = findBrokerIdx(ctx, id)
  if (i < 0) throw new Error(`unknown broker id ${id}`)
  return i
}

export function partitionName(ctx: Ctx, p: number): string {
  const part = ctx.s.partitions[p] as { topic: number; partition: number }
  return `${(ctx.spec.topics[part.topic] as TopicSpec).name}-${part.partition}`
}

/** The cold path of the accessors below, kept out of them so they stay small enough to inline. */
function missing(what: string, index: number): never {
  throw new Error(`no ${what} at index ${index}`)
}

/*
 * Asserting accessors: the engine's state arrays indexed by a branded index, failing loudly on an
 * index out of range (a programmer error) instead of a cast that would let `undefined` through.
 */

/**
 * What a consumer's fetch of partition `p` reads may have changed (a replica's high watermark,
 * leadership, epoch or log end): consumers look at it again on their next tick.
 */
export function touchPartition(ctx: Ctx, p: PartitionIndex): void {
  const stamps = ctx.s.partitionStamps
  stamps[p] = ((stamps[p] as number) + 1) | 0
}

export function partitionAt(ctx: Ctx, p: PartitionIndex): PartitionState {
  const part = ctx.s.partitions[p]
  if (part === undefined) return missing('partition', p)
  return part
}

export function brokerAt(ctx: Ctx, b: BrokerIndex): BrokerState {
  const broker = ctx.s.brokers[b]
  if (broker === undefined) return missing('broker', b)
  return broker
}

export function replicaAt(part: PartitionState, slot: ReplicaSlot): ReplicaState {
  const rs = part.replicaStates[slot]
  if (rs === undefined) return missing('replica slot', slot)
  return rs
}

export function producerAt(ctx: Ctx, i: ProducerIndex): ProducerState {
  const producer = ctx.s.producers[i]
  if (producer === undefined) return missing('producer', i)
  return producer
}

/** The partitions hosted on broker index `b`, ascending. */
export function hostedOn(ctx: Ctx, b: BrokerIndex): readonly PartitionIndex[] {
  const hosted = ctx.hostedBy[b]
  if (hosted === undefined) return missing('broker', b)
  return hosted
}

/** The slot of replica id `id` in the partition's replica list, or -1 (as a slot). */
export function slotOfId(part: PartitionState, id: number): ReplicaSlot {
  return part.replicas.indexOf(id) as ReplicaSlot
}

/** The leader sides broker index `b` holds, in partition order (`ctx.ledBy[b]`). */
export function ledOn(ctx: Ctx, b: BrokerIndex): LeaderSideState[] {
  const sides = ctx.ledBy[b]
  if (sides === undefined) return missing('broker', b)
  return sides
}

/** The replica's leader side; asserts that its broker believes it leads. */
export function leaderSideOf(rs: ReplicaState): LeaderSideState {
  const side = rs.leaderSide
  if (side === null) throw new Error('the replica has no leader side')
  return side
}

export function consumerAt(ctx: Ctx, i: ConsumerIndex): ConsumerState {
  const consumer = ctx.s.consumers[i]
  if (consumer === undefined) return missing('consumer', i)
  return consumer
}

/** A producer's spec (its client entry is a producer by construction). */
export function producerSpecOf(ctx: Ctx, producer: ProducerState): ProducerSpec {
  const spec = ctx.spec.clients[producer.client]
  if (spec?.kind !== 'producer') throw new Error(`client ${producer.client} is not a producer`)
  return spec
}

export function consumerSpecOf(ctx: Ctx, consumer: ConsumerState): MemberSpec {
  const spec = ctx.memberSpecs[consumer.index]
  if (spec === undefined) throw new Error(`client ${consumer.client} is not a consumer`)
  return spec
}
