/**
 * Fetch pairs: one fetcher per (follower broker, leader broker), as Kafka's ReplicaFetcherManager
 * runs one fetcher thread per source broker. A pair lists the partitions its follower fetches from
 * its leader, and keeps two sorted sets of them — those with something to exchange (`dirty`) and
 * those whose leader high watermark moved (`hwPending`). This module is the only writer of a
 * pair's lists, sets and generation; `replication.ts` runs the fetch rounds.
 */
import { at, type Ctx } from '../context'
import { NO_PARTITION, type BrokerId, type BrokerIndex, type PartitionIndex } from '../ids'
import { EV } from '../state'
import { fetchLink, latencyBetweenBrokers } from '../network'
import { clearArray, insertSorted, removeAt } from '../sorted-list'
import type { FetchPairState, ReplicaState } from '../state'

export function pairIndex(ctx: Ctx, follower: BrokerIndex, leader: BrokerIndex): number {
  return follower * ctx.s.brokers.length + leader
}

export function getPair(ctx: Ctx, follower: BrokerIndex, leader: BrokerIndex): FetchPairState {
  const i = pairIndex(ctx, follower, leader)
  let pair = ctx.s.pairs[i]
  if (pair === null || pair === undefined) {
    pair = {
      followerIndex: follower,
      leaderIndex: leader,
      gen: 0,
      phase: 'down',
      partitions: [],
      dirtyFirst: NO_PARTITION,
      dirty: [],
      hwFirst: NO_PARTITION,
      hwPending: [],
      timeoutPending: false,
      responseHead: null,
      responseTail: null,
      poll: false,
      lastRequestMs: ctx.s.nowMs,
    }
    ctx.s.pairs[i] = pair
  }
  return pair
}

/**
 * The replica's broker fetches the partition from broker index `leader` (whose id is `leaderId`,
 * which callers look up once for all replicas): its metadata names that broker as leader (then the
 * partition is in their fetch pair's list; `addToPair` and `removeFromPair` follow
 * `knownLeaderId` exactly). Reads only the replica, not the pair.
 */
export function fetchesFrom(rs: ReplicaState, leader: BrokerIndex, leaderId: BrokerId): boolean {
  return rs.brokerIndex !== leader && rs.knownLeaderId >= 0 && rs.knownLeaderId === leaderId
}

/*
 * A pair's partition sets (dirty, high watermark pending) are sorted sets held as their smallest
 * member in a field of the pair (-1 when empty) and the others, all larger, in an array. These
 * helpers take and return that first member; the array is read only when the set grows past one.
 */

/** Adds `p` to the set `first` + `rest`; returns the new first member. */
function addToSet(
  first: PartitionIndex,
  rest: PartitionIndex[],
  p: PartitionIndex,
): PartitionIndex {
  if (first === NO_PARTITION) return p
  if (p === first) return first
  if (p < first) {
    insertSorted(rest, first)
    return p
  }
  insertSorted(rest, p)
  return first
}

/** Removes `p` from the set `first` + `rest`; returns the new first member. */
function removeFromSet(
  first: PartitionIndex,
  rest: PartitionIndex[],
  p: PartitionIndex,
): PartitionIndex {
  if (p === first) {
    if (rest.length === 0) return NO_PARTITION
    const next = rest[0] as PartitionIndex
    removeAt(rest, 0)
    return next
  }
  const k = rest.indexOf(p)
  if (k >= 0) removeAt(rest, k)
  return first
}

/** Appends the set `first` + `rest` in order to `to` and empties `rest` (the caller clears first). */
function drainSet(
  first: PartitionIndex,
  rest: PartitionIndex[],
  to: PartitionIndex[],
): PartitionIndex[] {
  if (first === NO_PARTITION) return to
  to.push(first)
  for (let i = 0; i < rest.length; i++) to.push(rest[i] as PartitionIndex)
  clearArray(rest)
  return to
}

/** Adds `p` to the pair's dirty set (sorted, so rounds visit partitions in index order). */
export function markDirty(pair: FetchPairState, p: PartitionIndex): void {
  pair.dirtyFirst = addToSet(pair.dirtyFirst, pair.dirty, p)
}

/** Moves the pair's dirty set, in order, into the empty array `to` and returns it. */
export function takeDirty(pair: FetchPairState, to: PartitionIndex[]): PartitionIndex[] {
  drainSet(pair.dirtyFirst, pair.dirty, to)
  pair.dirtyFirst = NO_PARTITION
  return to
}

/** Adds `p` to the partitions whose new high watermark the follower has not seen. */
export function markHwPending(pair: FetchPairState, p: PartitionIndex): void {
  pair.hwFirst = addToSet(pair.hwFirst, pair.hwPending, p)
}

/** Moves the pair's high-watermark-pending set, in order, into the empty array `to`. */
export function takeHwPending(pair: FetchPairState, to: PartitionIndex[]): PartitionIndex[] {
  drainSet(pair.hwFirst, pair.hwPending, to)
  pair.hwFirst = NO_PARTITION
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

/**
 * The pair's parked fetch answers when `replica.fetch.wait.max.ms` expires (once per parked
 * request: a second call while one is scheduled does nothing).
 */
export function scheduleIdleTimeout(ctx: Ctx, pair: FetchPairState): void {
  if (pair.timeoutPending) return
  pair.timeoutPending = true
  at(
    ctx,
    ctx.spec.cluster.config['replica.fetch.wait.max.ms'],
    EV.fetchIdleTimeout,
    pairIndex(ctx, pair.followerIndex, pair.leaderIndex),
    pair.gen,
  )
}

/** The follower's broker stopped: the pair's round and any parked wait are over. */
export function resetPair(pair: FetchPairState): void {
  bumpGen(pair)
  pair.phase = 'down'
}

/**
 * A parked pair wakes: the time of the last fetch Kafka's follower would have sent meanwhile. A
 * parked fetch expires after replica.fetch.wait.max.ms and the follower sends the next one a
 * round trip (and a slow follower's delay) later, so they reach the leader every `period`.
 */
export function lastParkedFetchMs(ctx: Ctx, pair: FetchPairState): number {
  const period =
    ctx.spec.cluster.config['replica.fetch.wait.max.ms'] +
    2 * latencyBetweenBrokers(ctx, pair.followerIndex, pair.leaderIndex) +
    (ctx.s.brokers[pair.followerIndex] as { fetchDelayMs: number }).fetchDelayMs
  const since = pair.lastRequestMs
  return since + Math.floor((ctx.s.nowMs - since) / period) * period
}

/** `lastParkedFetchMs` becomes the pair's last request, if the follower can reach the leader. */
export function noteParkedFetches(ctx: Ctx, pair: FetchPairState): void {
  // A follower cut off from its leader sent nothing that arrived.
  if (!fetchLink(ctx, pair.followerIndex, pair.leaderIndex)) return
  pair.lastRequestMs = lastParkedFetchMs(ctx, pair)
}

/** A parked (idle) pair starts a new round now, so the leader answers what was just marked. */
export function restartIfParked(ctx: Ctx, pair: FetchPairState): void {
  if (pair.phase !== 'idle') return
  noteParkedFetches(ctx, pair)
  pair.phase = 'down'
  kickPair(ctx, pair)
}

/** Starts a fetch round for a pair that is not already in one. */
export function kickPair(ctx: Ctx, pair: FetchPairState, delayMs = 0): void {
  if (pair.partitions.length === 0 || pair.phase === 'busy') return
  if (!fetchLink(ctx, pair.followerIndex, pair.leaderIndex)) {
    pair.phase = 'down'
    return
  }
  pair.phase = 'busy'
  bumpGen(pair)
  at(ctx, delayMs, EV.fetchRequest, pairIndex(ctx, pair.followerIndex, pair.leaderIndex), pair.gen)
}

export function removeFromPair(
  ctx: Ctx,
  follower: BrokerIndex,
  leader: BrokerIndex,
  p: PartitionIndex,
): void {
  const pair = ctx.s.pairs[pairIndex(ctx, follower, leader)]
  if (pair === null || pair === undefined) return
  const i = pair.partitions.indexOf(p)
  if (i >= 0) removeAt(pair.partitions, i)
  pair.dirtyFirst = removeFromSet(pair.dirtyFirst, pair.dirty, p)
  pair.hwFirst = removeFromSet(pair.hwFirst, pair.hwPending, p)
}

export function addToPair(
  ctx: Ctx,
  follower: BrokerIndex,
  leader: BrokerIndex,
  p: PartitionIndex,
): void {
  const pair = getPair(ctx, follower, leader)
  insertSorted(pair.partitions, p)
  markDirty(pair, p)
  kickPair(ctx, pair)
}
