/**
 * The simulation context: the immutable spec, derived lookups and the mutable state, plus the
 * small helpers every module shares (scheduling, logging events and client lines).
 */
import { schedule } from './event-queue'
import { FOLLOWER_FIELDS } from './state'
import type { EngineState, EventKind, FetchEntry, LeaderSideState } from './state'
import type { SimulationSpec, TopicSpec } from './spec'
import type { ClientLogLine, SimEvent } from './types'

export interface Ctx {
  spec: SimulationSpec
  s: EngineState
  /** broker id → index in spec.cluster.brokers / s.brokers. */
  brokerIndex: Map<number, number>
  controllerIndex: Map<number, number>
  zoneIndex: Map<string, number>
  /** Partitions hosted on each broker (indices into s.partitions), ascending. */
  hostedBy: number[][]
  /**
   * Derived, not state: per broker index, the partitions whose replica there believes it leads
   * (has a leader side), ascending. Kept by `setLeaderSide`; rebuilt from the state on restore.
   */
  ledBy: LeaderSideState[][]
  checkInvariants: boolean
  throwOnViolation: boolean
  sampleIntervalMs: number
  /** Network one-way latencies in ms. */
  latencyInZoneMs: number
  latencyCrossZoneMs: number
  latencyClientMs: number
  /** Per topic index, the effective min.insync.replicas (spec.ts effectiveMinIsr). */
  minIsrByTopic: number[]
  /** Derived, not state: per topic, partition leaders at a metadata version (clients.ts). */
  topicLeaders: ({ version: number; leaders: number[] } | undefined)[]
  /**
   * Derived, not state, kept by every write to what they count (metrics.ts compares them with a
   * full scan when invariant checks are on): per broker index, three counts over the leader sides
   * it holds — under-replicated, under min ISR, at min ISR.
   */
  sideCounts: Int32Array
  /**
   * Derived: partitions whose leader is not their preferred (first) replica, leaderless ones
   * included (PreferredReplicaImbalanceCount as the scan counts it).
   */
  imbalanced: number
  /** Derived: acknowledged records missing from their leader's log, over partitions with one. */
  lostWithLeader: number
  /** Not state: fetch response entries no response holds (see `FetchEntry`). */
  entryPool: FetchEntry[]
  /**
   * Derived, kept by every write to what it counts: per broker index, the listed leader sides the
   * ISR check cannot skip (`needsIsrCheck`). At 0 the broker's ISR check has nothing to do.
   */
  isrCheckDue: Int32Array
}

/** 1 when the ISR check must look at a leader side: an ISR change pending, or a follower behind. */
export function needsIsrCheck(side: LeaderSideState): number {
  return side.pendingIsrChange || !side.followersAtEnd ? 1 : 0
}

/** Sets `followersAtEnd` and `pendingIsrChange`, keeping `ctx.isrCheckDue` in step. */
export function setIsrCheckFields(
  ctx: Ctx,
  side: LeaderSideState,
  followersAtEnd: boolean,
  pendingIsrChange: boolean,
): void {
  const before = needsIsrCheck(side)
  side.followersAtEnd = followersAtEnd
  side.pendingIsrChange = pendingIsrChange
  if (side.listed) {
    const due = ctx.isrCheckDue
    due[side.broker] = (due[side.broker] as number) + needsIsrCheck(side) - before
  }
}

/**
 * Adds (`sign` 1) or removes (-1) a leader side's share of its broker's gauges
 * (UnderReplicatedPartitions, UnderMinIsrPartitionCount, AtMinIsrPartitionCount), from the ISR
 * size the leader knows.
 */
export function countSide(ctx: Ctx, b: number, side: LeaderSideState, sign: number): void {
  const minIsr = minIsrOf(ctx, side.p)
  const isr = side.knownIsrSize
  const counts = ctx.sideCounts
  if (isr < side.followers.length / FOLLOWER_FIELDS)
    counts[3 * b] = (counts[3 * b] as number) + sign
  if (isr < minIsr) counts[3 * b + 1] = (counts[3 * b + 1] as number) + sign
  else if (isr === minIsr) counts[3 * b + 2] = (counts[3 * b + 2] as number) + sign
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
): void {
  ctx.s.clientLog.push({ atMs: ctx.s.nowMs, client, level, message })
}

/** The effective min.insync.replicas of partition `p`'s topic. */
export function minIsrOf(ctx: Ctx, p: number): number {
  return ctx.minIsrByTopic[(ctx.s.partitions[p] as { topic: number }).topic] as number
}

export function topicOf(ctx: Ctx, p: number): TopicSpec {
  return ctx.spec.topics[(ctx.s.partitions[p] as { topic: number }).topic] as TopicSpec
}

export function brokerId(ctx: Ctx, b: number): number {
  return (ctx.s.brokers[b] as { id: number }).id
}

export function brokerIdx(ctx: Ctx, id: number): number {
  const i = ctx.brokerIndex.get(id)
  if (i === undefined) throw new Error(`unknown broker id ${id}`)
  return i
}

export function partitionName(ctx: Ctx, p: number): string {
  const part = ctx.s.partitions[p] as { topic: number; partition: number }
  return `${(ctx.spec.topics[part.topic] as TopicSpec).name}-${part.partition}`
}

/**
 * An ascending copy of a short list of broker ids, with `extra` added when it is not -1 (an
 * insertion sort: `Array.prototype.sort` allocates sort state on every call, and replica lists
 * are a handful of ids).
 */
export function sortedIds(ids: readonly number[], extra = -1): number[] {
  // slice/concat give a packed, exactly sized array of the same kind as the other id lists.
  const out = extra === -1 ? ids.slice() : ids.concat(extra)
  for (let i = 1; i < out.length; i++) {
    const id = out[i] as number
    let j = i
    while (j > 0 && (out[j - 1] as number) > id) {
      out[j] = out[j - 1] as number
      j--
    }
    out[j] = id
  }
  return out
}

export function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (const x of a) if (!b.includes(x)) return false
  return true
}
