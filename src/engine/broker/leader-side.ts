/**
 * A leader's side of a partition (Kafka's Partition object on the broker that leads it): the
 * follower table, the ISR it knows and its maximal ISR, the epoch start offset — and every count
 * derived from them. This module is the only writer of all of it:
 *
 * - a replica's `leaderSide` and `knownIsr`;
 * - a side's fields, except its DelayedProduce purgatory (`purgatory.ts` owns that list);
 * - the follower table, through `follower-table.ts`'s accessors;
 * - the derived indexes on the context: `ctx.ledBy` (the sides each broker holds), the per-broker
 *   gauge counts `ctx.leaderGauges` (UnderReplicatedPartitions, UnderMinIsrPartitionCount,
 *   AtMinIsrPartitionCount) and `ctx.isrCheckDue` (sides the periodic ISR check cannot skip).
 *
 * Each function changes a field together with every count that depends on it, so no caller can
 * leave them out of step; the invariant checker recomputes them all after every event in tests.
 */
import { ledOn, leaderMinIsr, partitionAt, replicaAt, type Ctx } from '../context'
import { FIRST_PARTITION, type PartitionIndex, type ReplicaSlot } from '../ids'
import { insertAt, removeAt } from '../sorted-list'
import type { LeaderSideState, PartitionState, ReplicaState } from '../state'
import {
  createFollowerTable,
  flagKnownIsr,
  flagMaximalIsr,
  summariseKnownIsr,
  type KnownIsrSummary,
  lastFetchLeaderLogEndOffset,
  lastFetchTimeMs,
  LONG_AGO_MS,
  recordFetch,
  slotCount,
} from '../follower-table'

/** Per broker index, the gauges its leader sides add up to (see `countSide`). */
export interface LeaderGauges {
  underReplicated: Int32Array
  underMinIsr: Int32Array
  atMinIsr: Int32Array
}

export function createLeaderGauges(brokers: number): LeaderGauges {
  return {
    underReplicated: new Int32Array(brokers),
    underMinIsr: new Int32Array(brokers),
    atMinIsr: new Int32Array(brokers),
  }
}

/** 1 when the ISR check must look at a leader side: an ISR change pending, or a follower behind. */
export function needsIsrCheck(side: LeaderSideState): number {
  return side.pendingIsrChange || !side.followersAtEnd ? 1 : 0
}

/** Sets `followersAtEnd` and `pendingIsrChange`, keeping `ctx.isrCheckDue` in step. */
function setIsrCheckFields(
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
    due[side.brokerIndex] = (due[side.brokerIndex] as number) + needsIsrCheck(side) - before
  }
}

/**
 * Adds (`sign` 1) or removes (-1) a listed side's share of its broker's gauges, from the ISR size
 * the leader knows (Partition.scala reports these from the leader's own view).
 */
function countSide(ctx: Ctx, side: LeaderSideState, sign: number): void {
  const b = side.brokerIndex
  const minIsr = leaderMinIsr(ctx, side.p, b)
  const isr = side.knownIsrSize
  const gauges = ctx.leaderGauges
  if (isr < slotCount(side.followers))
    gauges.underReplicated[b] = (gauges.underReplicated[b] as number) + sign
  if (isr < minIsr) gauges.underMinIsr[b] = (gauges.underMinIsr[b] as number) + sign
  else if (isr === minIsr) gauges.atMinIsr[b] = (gauges.atMinIsr[b] as number) + sign
}

/** A side starts or stops counting in its broker's derived indexes. */
function list(ctx: Ctx, side: LeaderSideState, sign: 1 | -1): void {
  countSide(ctx, side, sign)
  const due = ctx.isrCheckDue
  due[side.brokerIndex] = (due[side.brokerIndex] as number) + sign * needsIsrCheck(side)
  side.listed = sign === 1
}

/** Sets or clears a replica's leader side, keeping `ctx.ledBy` and the counts in step. */
function setLeaderSide(
  ctx: Ctx,
  p: PartitionIndex,
  rs: ReplicaState,
  side: LeaderSideState | null,
): void {
  if (rs.leaderSide === null && side === null) return
  const old = rs.leaderSide
  if (old !== null) list(ctx, old, -1)
  rs.leaderSide = side
  if (side !== null) list(ctx, side, 1)
  const led = ledOn(ctx, rs.brokerIndex)
  let lo = 0
  let hi = led.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((led[mid] as LeaderSideState).p < p) lo = mid + 1
    else hi = mid
  }
  const present = lo < led.length && (led[lo] as LeaderSideState).p === p
  if (side !== null && present) led[lo] = side
  else if (side !== null && lo === led.length) led.push(side)
  else if (side !== null) insertAt(led, lo, side)
  else if (present) removeAt(led, lo)
}

/**
 * Recomputes what the ISR check's fast path reads (`minFollowerCaughtUpMs`, `followersAtEnd`)
 * from the ISR followers' tracking; `leaderLogEndOffset` is the leader's current log end.
 */
/** Reused by `refreshFollowerSummary`, which never runs re-entrantly. */
const summary: KnownIsrSummary = { minCaughtUpMs: -1, atEnd: true }

function refreshFollowerSummary(ctx: Ctx, side: LeaderSideState, leaderLogEndOffset: number): void {
  // -1 with no ISR follower (then `followersAtEnd` is true and the time is never read). Kept in
  // small-integer range on purpose: one huge sentinel would turn the field into a boxed double on
  // every leader side, and V8 then migrates 10,000 objects one by one mid-run.
  summariseKnownIsr(side.followers, leaderLogEndOffset, summary)
  side.minFollowerCaughtUpMs = summary.minCaughtUpMs
  setIsrCheckFields(ctx, side, summary.atEnd, side.pendingIsrChange)
}

/**
 * The leader's partition state (Kafka's PendingExpandIsr / PendingShrinkIsr /
 * CommittedPartitionState): its maximal ISR becomes `isr`, members flagged for the fetch path,
 * with an AlterPartition under way or not.
 */
export function setMaximalIsr(
  ctx: Ctx,
  part: PartitionState,
  side: LeaderSideState,
  isr: number[],
  pending: boolean,
): void {
  side.maximalIsr = isr
  flagMaximalIsr(side.followers, part.replicas, isr)
  setIsrCheckFields(ctx, side, side.followersAtEnd, pending)
}

/** The ISR a replica's broker knows changes (metadata applied, or its AlterPartition committed). */
export function setKnownIsr(ctx: Ctx, part: PartitionState, rs: ReplicaState, isr: number[]): void {
  if (rs.knownIsr === isr) return
  rs.knownIsr = isr
  const side = rs.leaderSide
  if (side !== null) {
    countSide(ctx, side, -1)
    side.knownIsrSize = isr.length
    countSide(ctx, side, 1)
    side.isrFollowerCount = flagKnownIsr(side.followers, part.replicas, isr, side.slot)
    refreshFollowerSummary(ctx, side, rs.log.logEndOffset)
  }
}

/**
 * The leader records a fetch from the follower in `slot` at `fetchOffset` (Replica.
 * updateFetchStateOrThrow), with its own log end at `leaderLogEndOffset`.
 */
export function recordFollowerFetch(
  ctx: Ctx,
  side: LeaderSideState,
  slot: ReplicaSlot,
  fetchOffset: number,
  leaderLogEndOffset: number,
  changedBefore = false,
): void {
  // The summary depends on the follower's end and caught-up time (and on the leader's end, whose
  // appends update it), so it is recomputed only when one of them moved (here, or in a fetch
  // replayed just before: `changedBefore`).
  if (
    recordFetch(side.followers, slot, fetchOffset, leaderLogEndOffset, ctx.s.nowMs) ||
    changedBefore
  )
    refreshFollowerSummary(ctx, side, leaderLogEndOffset)
}

/**
 * Records, before a fetch at `fetchOffset`, an earlier fetch at `atMs` with the same offset that
 * the engine did not send (the partition was not in that round, or the pair was parked): the
 * leader's end then was the one its last recorded fetch saw. Nothing when that fetch is already
 * recorded.
 */
export function replayFollowerFetch(
  side: LeaderSideState,
  slot: ReplicaSlot,
  fetchOffset: number,
  atMs: number,
): boolean {
  const table = side.followers
  // Only a follower that has fetched from this leader since it began leading re-sent anything.
  const lastFetch = lastFetchTimeMs(table, slot)
  if (lastFetch === LONG_AGO_MS || atMs <= lastFetch) return false
  // The summary is refreshed by the recordFollowerFetch that follows (told it changed).
  return recordFetch(table, slot, fetchOffset, lastFetchLeaderLogEndOffset(table, slot), atMs)
}

/** The leader appended to its log: ISR followers, if any, are no longer at its end. */
export function noteLeaderAppend(ctx: Ctx, side: LeaderSideState): void {
  if (side.isrFollowerCount > 0) setIsrCheckFields(ctx, side, false, side.pendingIsrChange)
}

/**
 * Partition.makeLeader's reset of the leader's state: the new epoch starts at the log end, the
 * followers' tracking is reset (`createFollowerTable`: afresh for a new leader, keeping their log
 * end offsets for a re-elected one), the maximal ISR is the registered
 * ISR with no change pending. The purgatory of a side the replica already had stays: a
 * DelayedProduce completes on the high watermark of whatever epoch the broker leads in.
 */
export function becomeLeader(
  ctx: Ctx,
  p: PartitionIndex,
  part: PartitionState,
  slot: ReplicaSlot,
): LeaderSideState {
  const rs = replicaAt(part, slot)
  const previous = rs.leaderSide
  const side: LeaderSideState = {
    p,
    slot,
    brokerIndex: rs.brokerIndex,
    listed: false,
    knownIsrSize: rs.knownIsr.length,
    isrFollowerCount: 0,
    minFollowerCaughtUpMs: 0,
    followersAtEnd: false,
    maximalIsr: part.isr.slice(),
    pendingIsrChange: false,
    epochStartOffset: rs.log.logEndOffset,
    // Re-elected (this broker already led: Kafka's isNewLeader false) or newly leading.
    followers: createFollowerTable(
      part.replicas,
      part.isr,
      ctx.s.nowMs,
      previous === null ? null : previous.followers,
      rs.log.logEndOffset,
    ),
    delayedHead: previous === null ? null : previous.delayedHead,
    delayedTail: previous === null ? null : previous.delayedTail,
  }
  side.isrFollowerCount = flagKnownIsr(side.followers, part.replicas, rs.knownIsr, slot)
  setMaximalIsr(ctx, part, side, side.maximalIsr, false)
  refreshFollowerSummary(ctx, side, rs.log.logEndOffset)
  setLeaderSide(ctx, p, rs, side)
  return side
}

/** The replica stops leading (its purgatory already answered or dropped by the caller). */
export function dropLeaderSide(ctx: Ctx, p: PartitionIndex, rs: ReplicaState): void {
  setLeaderSide(ctx, p, rs, null)
}

/**
 * The derived indexes from the state alone: `ctx.ledBy` in partition order, the gauge counts and
 * `ctx.isrCheckDue`, for a new context (start, or a checkpoint restored). Sides are marked
 * listed as they are counted.
 */
export function rebuildLeaderIndexes(ctx: Ctx): void {
  const partitions = ctx.s.partitions
  for (let p = FIRST_PARTITION; p < partitions.length; p++) {
    for (const rs of partitionAt(ctx, p).replicaStates) {
      const side = rs.leaderSide
      if (side === null) continue
      ledOn(ctx, rs.brokerIndex).push(side)
      list(ctx, side, 1)
    }
  }
}
