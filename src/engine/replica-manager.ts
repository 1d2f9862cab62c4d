/**
 * What each broker's ReplicaManager does with the metadata it receives: become leader or
 * follower (Partition.makeLeader / makeFollower), and point its fetchers at the right leader.
 *
 * Fetchers are batched per (follower broker, leader broker) pair, as Kafka's
 * ReplicaFetcherManager does; see `replication.ts` for the fetch rounds themselves.
 */
import { EV, FOLLOWER_FIELDS, FT, IN_KNOWN_ISR, IN_MAXIMAL_ISR } from './state'
import { at, countSide, needsIsrCheck, setIsrCheckFields, type Ctx } from './context'
import { assignEpochStartOffset } from './log'
import { brokerLink } from './network'
import { failDelayedProduces } from './produce'
import type { FetchPairState, LeaderSideState, PartitionState, ReplicaState } from './state'
import type { KafkaError } from './types'

export function pairIndex(ctx: Ctx, follower: number, leader: number): number {
  return follower * ctx.s.brokers.length + leader
}

export function getPair(ctx: Ctx, follower: number, leader: number): FetchPairState {
  const i = pairIndex(ctx, follower, leader)
  let pair = ctx.s.pairs[i]
  if (pair === null || pair === undefined) {
    pair = {
      follower,
      leader,
      gen: 0,
      phase: 'down',
      partitions: [],
      dirtyFirst: -1,
      dirty: [],
      hwFirst: -1,
      hwPending: [],
      timeoutPending: false,
      responseHead: null,
      responseTail: null,
      poll: false,
    }
    ctx.s.pairs[i] = pair
  }
  return pair
}

/**
 * The replica slot of broker index `b` in the partition, or -1. Searches the replica ids, one
 * small array, rather than the replica objects (all of them cold on a partition's first touch).
 */
export function slotOf(ctx: Ctx, part: PartitionState, b: number): number {
  return part.replicas.indexOf((ctx.s.brokers[b] as { id: number }).id)
}

/**
 * The replica's broker fetches the partition from broker index `leader`: its metadata names that
 * broker as leader (then the partition is in their fetch pair's list; `addToPair` and
 * `removeFromPair` follow `knownLeader` exactly). Reads only the replica, not the pair.
 */
export function fetchesFrom(ctx: Ctx, rs: ReplicaState, leader: number): boolean {
  return (
    rs.broker !== leader &&
    rs.knownLeader >= 0 &&
    rs.knownLeader === (ctx.s.brokers[leader] as { id: number }).id
  )
}

/** Sets or clears a replica's leader side, keeping `ctx.ledBy` and the gauge counts in step. */
function setLeaderSide(ctx: Ctx, p: number, rs: ReplicaState, side: LeaderSideState | null): void {
  if (rs.leaderSide === null && side === null) return
  const due = ctx.isrCheckDue
  const old = rs.leaderSide
  if (old !== null) {
    countSide(ctx, rs.broker, old, -1)
    due[rs.broker] = (due[rs.broker] as number) - needsIsrCheck(old)
    old.listed = false
  }
  rs.leaderSide = side
  if (side !== null) {
    countSide(ctx, rs.broker, side, 1)
    due[rs.broker] = (due[rs.broker] as number) + needsIsrCheck(side)
    side.listed = true
  }
  const led = ctx.ledBy[rs.broker] as LeaderSideState[]
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
export function refreshFollowerSummary(
  ctx: Ctx,
  side: LeaderSideState,
  leaderLogEndOffset: number,
): void {
  // -1 with no ISR follower (then `followersAtEnd` is true and the time is never read). Kept in
  // small-integer range on purpose: one huge sentinel would turn the field into a boxed double on
  // every leader side, and V8 then migrates 10,000 objects one by one mid-run.
  let min = -1
  let atEnd = true
  const f = side.followers
  for (let base = 0; base < f.length; base += FOLLOWER_FIELDS) {
    if (((f[base + FT.isrFlags] as number) & IN_KNOWN_ISR) === 0) continue
    const caughtUp = f[base + FT.lastCaughtUpTimeMs] as number
    if (min === -1 || caughtUp < min) min = caughtUp
    if (f[base + FT.logEndOffset] !== leaderLogEndOffset) atEnd = false
  }
  side.minFollowerCaughtUpMs = min
  setIsrCheckFields(ctx, side, atEnd, side.pendingIsrChange)
}

/** Sets flag `bit` of every slot but `exceptSlot` whose replica is in `ids`, clears it elsewhere. */
function flagSlots(
  part: PartitionState,
  side: LeaderSideState,
  bit: number,
  ids: number[],
  exceptSlot: number,
): number {
  let count = 0
  for (let i = 0; i < part.replicas.length; i++) {
    const k = FOLLOWER_FIELDS * i + FT.isrFlags
    const flags = (side.followers[k] as number) & ~bit
    const member = i !== exceptSlot && ids.includes(part.replicas[i] as number)
    side.followers[k] = member ? flags | bit : flags
    if (member) count++
  }
  return count
}

/** Marks the side's followers in `isr`, the ISR it knows (`IN_KNOWN_ISR`), and counts them. */
function markIsrFollowers(part: PartitionState, side: LeaderSideState, isr: number[]): void {
  side.isrFollowerCount = flagSlots(part, side, IN_KNOWN_ISR, isr, side.slot)
}

/**
 * The leader's partition state (Kafka's PendingExpandIsr / PendingShrinkIsr /
 * CommittedPartitionState): its maximal ISR becomes `isr`, members flagged `IN_MAXIMAL_ISR`, with
 * an AlterPartition under way or not.
 */
export function setMaximalIsr(
  ctx: Ctx,
  part: PartitionState,
  side: LeaderSideState,
  isr: number[],
  pending: boolean,
): void {
  side.maximalIsr = isr
  flagSlots(part, side, IN_MAXIMAL_ISR, isr, -1)
  setIsrCheckFields(ctx, side, side.followersAtEnd, pending)
}

/** The ISR a replica's broker knows changes (metadata applied, or its AlterPartition committed). */
export function setKnownIsr(ctx: Ctx, part: PartitionState, rs: ReplicaState, isr: number[]): void {
  if (rs.knownIsr === isr) return
  rs.knownIsr = isr
  const side = rs.leaderSide
  if (side !== null) {
    countSide(ctx, rs.broker, side, -1)
    side.knownIsrSize = isr.length
    countSide(ctx, rs.broker, side, 1)
    markIsrFollowers(part, side, isr)
    refreshFollowerSummary(ctx, side, rs.log.logEndOffset)
  }
}

function sortedIndex(xs: number[], p: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((xs[mid] as number) < p) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Inserts `x` at index `i` without allocating (`splice` returns a new array every call). */
function insertAt<T>(xs: T[], i: number, x: T): void {
  xs.push(x)
  for (let j = xs.length - 1; j > i; j--) xs[j] = xs[j - 1] as T
  xs[i] = x
}

/** Removes the element at index `k` without allocating. */
export function removeAt<T>(xs: T[], k: number): void {
  for (let j = k + 1; j < xs.length; j++) xs[j - 1] = xs[j] as T
  xs.pop()
}

/** Empties an array without dropping its backing store (`length = 0` would drop it). */
export function clearArray<T>(xs: T[]): void {
  while (xs.length > 0) xs.pop()
}

/** Inserts `p` into a sorted array of partition indices unless present. */
export function insertSorted(xs: number[], p: number): void {
  const i = sortedIndex(xs, p)
  if (xs[i] === p) return
  insertAt(xs, i, p)
}

/*
 * A pair's partition sets (dirty, high watermark pending) are sorted sets held as their smallest
 * member in a field of the pair (-1 when empty) and the others, all larger, in an array. These
 * helpers take and return that first member; the array is read only when the set grows past one.
 */

/** Adds `p` to the set `first` + `rest`; returns the new first member. */
function addToSet(first: number, rest: number[], p: number): number {
  if (first === -1) return p
  if (p === first) return first
  if (p < first) {
    insertSorted(rest, first)
    return p
  }
  insertSorted(rest, p)
  return first
}

/** Removes `p` from the set `first` + `rest`; returns the new first member. */
function removeFromSet(first: number, rest: number[], p: number): number {
  if (p === first) {
    if (rest.length === 0) return -1
    const next = rest[0] as number
    removeAt(rest, 0)
    return next
  }
  const k = rest.indexOf(p)
  if (k >= 0) removeAt(rest, k)
  return first
}

/** Appends the set `first` + `rest` in order to `to` and empties `rest` (the caller clears first). */
function drainSet(first: number, rest: number[], to: number[]): number[] {
  if (first === -1) return to
  to.push(first)
  for (let i = 0; i < rest.length; i++) to.push(rest[i] as number)
  clearArray(rest)
  return to
}

/** Adds `p` to the pair's dirty set (sorted, so rounds visit partitions in index order). */
export function markDirty(pair: FetchPairState, p: number): void {
  pair.dirtyFirst = addToSet(pair.dirtyFirst, pair.dirty, p)
}

/** Moves the pair's dirty set, in order, into the empty array `to` and returns it. */
export function takeDirty(pair: FetchPairState, to: number[]): number[] {
  drainSet(pair.dirtyFirst, pair.dirty, to)
  pair.dirtyFirst = -1
  return to
}

/** Adds `p` to the partitions whose new high watermark the follower has not seen. */
export function markHwPending(pair: FetchPairState, p: number): void {
  pair.hwFirst = addToSet(pair.hwFirst, pair.hwPending, p)
}

/** Moves the pair's high-watermark-pending set, in order, into the empty array `to`. */
export function takeHwPending(pair: FetchPairState, to: number[]): number[] {
  drainSet(pair.hwFirst, pair.hwPending, to)
  pair.hwFirst = -1
  return to
}

/**
 * A new round (or a reset) for the pair: events of the previous one are ignored from now on,
 * including a scheduled expiry of a parked fetch.
 */
export function bumpGen(pair: FetchPairState): void {
  pair.gen += 1
  pair.timeoutPending = false
}

/** Starts a fetch round for a pair that is not already in one. */
export function kickPair(ctx: Ctx, pair: FetchPairState, delayMs = 0): void {
  if (pair.partitions.length === 0 || pair.phase === 'busy') return
  if (!brokerLink(ctx, pair.follower, pair.leader)) {
    pair.phase = 'down'
    return
  }
  pair.phase = 'busy'
  bumpGen(pair)
  at(ctx, delayMs, EV.fetchRequest, pairIndex(ctx, pair.follower, pair.leader), pair.gen)
}

function removeFromPair(ctx: Ctx, follower: number, leader: number, p: number): void {
  const pair = ctx.s.pairs[pairIndex(ctx, follower, leader)]
  if (pair === null || pair === undefined) return
  const i = pair.partitions.indexOf(p)
  if (i >= 0) removeAt(pair.partitions, i)
  pair.dirtyFirst = removeFromSet(pair.dirtyFirst, pair.dirty, p)
  pair.hwFirst = removeFromSet(pair.hwFirst, pair.hwPending, p)
}

function addToPair(ctx: Ctx, follower: number, leader: number, p: number): void {
  const pair = getPair(ctx, follower, leader)
  insertSorted(pair.partitions, p)
  markDirty(pair, p)
  kickPair(ctx, pair)
}

/**
 * Applies the controller's current registration of partition `p` to the replica in `slot`, as
 * the hosting broker does on a LeaderAndIsr request (ZooKeeper) or a metadata delta (KRaft).
 */
export function applyMetadataToReplica(ctx: Ctx, p: number, slot: number): void {
  const part = ctx.s.partitions[p] as PartitionState
  const rs = part.replicaStates[slot] as ReplicaState
  const b = rs.broker
  const id = part.replicas[slot] as number
  const sameEpoch = rs.knownLeaderEpoch === part.leaderEpoch && rs.knownLeader === part.leader
  const wasLeader = rs.knownLeader === id
  const oldLeader = rs.knownLeader
  rs.appliedVersion = ctx.s.metadataVersion
  setKnownIsr(ctx, part, rs, part.isr)
  if (sameEpoch) {
    const side = rs.leaderSide
    if (side !== null) {
      if (!side.pendingIsrChange) setMaximalIsr(ctx, part, side, part.isr.slice(), false)
      // Followers the controller removed keep fetching and must be able to rejoin.
      nudgeFollowers(ctx, p, part, slot, true)
    }
    return
  }
  rs.knownLeader = part.leader
  rs.knownLeaderEpoch = part.leaderEpoch
  if (oldLeader >= 0 && oldLeader !== id) {
    removeFromPair(ctx, b, ctx.brokerIndex.get(oldLeader) as number, p)
  }
  if (wasLeader && part.leader !== id) {
    if (rs.leaderSide !== null) failDelayedProduces(ctx, rs.leaderSide, 'NOT_LEADER_OR_FOLLOWER')
    setLeaderSide(ctx, p, rs, null)
  }
  if (part.leader === id) {
    makeLeader(ctx, p, part, slot)
  } else if (part.leader >= 0) {
    addToPair(ctx, b, ctx.brokerIndex.get(part.leader) as number, p)
  }
}

/**
 * A new leader's view of its followers, per slot (`FT` fields): an unknown log end offset (-1)
 * until they fetch, and last caught-up time "now" for ISR members, else 0.
 */
function trackingFor(part: PartitionState, nowMs: number): number[] {
  const f: number[] = []
  for (const r of part.replicas) {
    // In FT order: logEndOffset, lastCaughtUpTimeMs, lastFetchLeaderLogEndOffset,
    // lastFetchTimeMs, isrFlags (set by markIsrFollowers and setMaximalIsr).
    f.push(-1, part.isr.includes(r) ? nowMs : 0, -1, 0, 0)
  }
  return f
}

/**
 * Partition.makeLeader: record the new epoch's start offset in the leader-epoch cache, and reset
 * what the leader knows of its followers: last caught-up time "now" for ISR members, else 0, and
 * an unknown log end offset (-1) until they fetch.
 */
function makeLeader(ctx: Ctx, p: number, part: PartitionState, slot: number): void {
  const rs = part.replicaStates[slot] as ReplicaState
  assignEpochStartOffset(rs.log, part.leaderEpoch)
  const side: LeaderSideState = {
    p,
    slot,
    broker: rs.broker,
    listed: false,
    knownIsrSize: rs.knownIsr.length,
    isrFollowerCount: 0,
    minFollowerCaughtUpMs: 0,
    followersAtEnd: false,
    maximalIsr: part.isr.slice(),
    pendingIsrChange: false,
    epochStartOffset: rs.log.logEndOffset,
    followers: trackingFor(part, ctx.s.nowMs),
    // Leading again in a new epoch: the purgatory stays (DelayedProduce completes on the high
    // watermark of whatever epoch the broker leads in).
    delayedHead: rs.leaderSide === null ? null : rs.leaderSide.delayedHead,
    delayedTail: rs.leaderSide === null ? null : rs.leaderSide.delayedTail,
  }
  markIsrFollowers(part, side, rs.knownIsr)
  setMaximalIsr(ctx, part, side, side.maximalIsr, false)
  refreshFollowerSummary(ctx, side, rs.log.logEndOffset)
  setLeaderSide(ctx, p, rs, side)
  // Followers that already fetch for this epoch are answered now that this broker leads.
  nudgeFollowers(ctx, p, part, slot, false)
}

/**
 * Marks `p` dirty in the fetch pairs of its followers (only those outside the ISR when
 * `outsideIsrOnly`) and wakes parked ones.
 */
function nudgeFollowers(
  ctx: Ctx,
  p: number,
  part: PartitionState,
  leaderSlot: number,
  outsideIsrOnly: boolean,
): void {
  const leaderB = (part.replicaStates[leaderSlot] as ReplicaState).broker
  for (let i = 0; i < part.replicaStates.length; i++) {
    if (i === leaderSlot) continue
    if (outsideIsrOnly && part.isr.includes(part.replicas[i] as number)) continue
    const rs = part.replicaStates[i] as ReplicaState
    if (!fetchesFrom(ctx, rs, leaderB)) continue
    const pair = ctx.s.pairs[pairIndex(ctx, rs.broker, leaderB)] as FetchPairState
    markDirty(pair, p)
    if (pair.phase === 'idle') {
      pair.phase = 'down'
      kickPair(ctx, pair)
    }
  }
}

/**
 * A broker that (re)connects to the controller applies every registration it missed: the
 * partitions it hosts that changed after the version it last applied (a KRaft metadata delta),
 * or all of them after a restart.
 */
export function catchUpMetadata(ctx: Ctx, b: number): void {
  const s = ctx.s
  const broker = s.brokers[b] as { metadataVersion: number }
  const from = broker.metadataVersion
  broker.metadataVersion = s.metadataVersion
  const hosted = ctx.hostedBy[b] as number[]
  let todo = hosted
  if (from >= 0 && s.metadataVersion - from < hosted.length) {
    todo = []
    for (let v = from + 1; v <= s.metadataVersion; v++) {
      const p = s.metadataChanges[v - 1] as number
      if (sortedIndexOf(hosted, p) >= 0) insertSorted(todo, p)
    }
  }
  for (const p of todo) {
    const part = s.partitions[p] as PartitionState
    const slot = slotOf(ctx, part, b)
    // Applied already (the broker was connected when the change was made).
    if ((part.replicaStates[slot] as ReplicaState).appliedVersion >= part.changedAtVersion) continue
    applyMetadataToReplica(ctx, p, slot)
  }
}

function sortedIndexOf(xs: number[], p: number): number {
  const i = sortedIndex(xs, p)
  return xs[i] === p ? i : -1
}

/** A stopped broker forgets its roles (its logs stay on disk). */
export function forgetRoles(ctx: Ctx, b: number, error: KafkaError | null): void {
  for (const p of ctx.hostedBy[b] as number[]) {
    const part = ctx.s.partitions[p] as PartitionState
    const slot = slotOf(ctx, part, b)
    const rs = part.replicaStates[slot] as ReplicaState
    const id = part.replicas[slot] as number
    if (rs.leaderSide !== null) failDelayedProduces(ctx, rs.leaderSide, error)
    setLeaderSide(ctx, p, rs, null)
    if (rs.knownLeader >= 0 && rs.knownLeader !== id) {
      removeFromPair(ctx, b, ctx.brokerIndex.get(rs.knownLeader) as number, p)
    }
    rs.knownLeader = -1
    rs.knownLeaderEpoch = -1
    rs.appliedVersion = -1
  }
  for (let l = 0; l < ctx.s.brokers.length; l++) {
    const pair = ctx.s.pairs[pairIndex(ctx, b, l)]
    if (pair) {
      bumpGen(pair)
      pair.phase = 'down'
    }
  }
}

/** After a network change, restart fetch rounds for pairs that were cut off. */
export function kickDownPairs(ctx: Ctx): void {
  for (const pair of ctx.s.pairs) {
    if (pair && pair.phase === 'down' && pair.partitions.length > 0) kickPair(ctx, pair, 1)
  }
}
