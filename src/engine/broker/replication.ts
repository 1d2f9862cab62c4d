/**
 * Follower fetching, the ISR and the high watermark (core/.../cluster/Partition.scala,
 * Replica.scala; docs/kafka-rules.md §4).
 *
 * Fetch rounds are batched per (follower broker, leader broker) pair, like one Kafka fetcher
 * thread per source broker. A round is two events: the request reaching the leader, and the
 * response reaching the follower. A request with nothing to return parks at the leader (Kafka's
 * DelayedFetch, `replica.fetch.wait.max.ms`) and costs no events until data arrives, so idle
 * partitions are free; that is what lets a 10,000-partition cluster run in seconds.
 */
import {
  at,
  brokerId,
  emit,
  leaderSideOf,
  ledOn,
  partitionAt,
  replicaAt,
  topicOf,
  type Ctx,
} from '../context'
import type { BrokerIndex, PartitionIndex, ReplicaSlot } from '../ids'
import { EV } from '../state'
// The one call from the broker side up to the controller: a leader's AlterPartition request.
// The controller never calls back into this module (its metadata reaches the broker through
// replica-manager.ts), so the dependency stays one-way.
import { alterPartition } from '../controller'
import {
  appendBatch,
  type Batch,
  batchIndexAtOrAfter,
  endOffsetForEpoch,
  isPrefixOf,
  latestEpoch,
  truncateTo,
  truncationOffset,
} from '../log'
import { fetchLink, latencyBetweenBrokers } from '../network'
import {
  batchBytes,
  fetchResponseDelayMs,
  REPLICA_FETCH_MAX_BYTES,
  REPLICA_FETCH_RESPONSE_MAX_BYTES,
  type CapacityCtx,
} from '../capacity/saturation'
import { hasOutOfSyncFollower, isrAfterShrink, mayJoinIsr } from '../protocol/replication-rules'
import { clearArray, sortedIds } from '../sorted-list'
import {
  bumpGen,
  fetchesFrom,
  markDirty,
  markHwPending,
  lastParkedFetchMs,
  pairIndex,
  scheduleIdleTimeout,
  takeDirty,
  takeHwPending,
} from './fetch-pair'
import { inKnownIsr, inMaximalIsr } from '../follower-table'
import {
  chargeQuotaClock,
  entryBytes,
  FOLLOWER_THROTTLED,
  LEADER_THROTTLED,
  quotaExceeded,
  throttleFlags,
  type QuotaCtx,
  type QuotaRunState,
} from './replication-quota'
import { recordFollowerFetch, replayFollowerFetch, setKnownIsr, setMaximalIsr } from './leader-side'
import { maybeIncrementLeaderHighWatermark } from './high-watermark'
import { slotOf } from './replica-manager'
import type { FetchEntry, FetchPairState, LeaderSideState, PartitionState } from '../state'

/**
 * `replica.fetch.max.bytes` (1 MiB) bounds what one fetch returns per partition; with records
 * taken as 1 KiB each that is 1024 records, but always at least one batch (Kafka returns a
 * whole first batch even when it is larger, so a fetch always makes progress).
 */
const REPLICA_FETCH_MAX_RECORDS = 1024

function fillBatches(entry: FetchEntry, batches: Batch[], from: number): void {
  let records = 0
  let n = 0
  for (let i = from; i < batches.length; i++) {
    const batch = batches[i] as Batch
    if (n > 0 && records + batch.count > REPLICA_FETCH_MAX_RECORDS) break
    records += batch.count
    entry.batches[n++] = batch
  }
  entry.batchCount = n
}

/**
 * With a broker type, `fillBatches` in bytes: `replica.fetch.max.bytes` per partition, and what
 * is left of `replica.fetch.response.max.bytes` for the response (at least one batch, as Kafka
 * returns a first batch larger than the limits). Counts the bytes into the response's scratch.
 */
function fillBatchesBytes(
  cap: CapacityCtx,
  entry: FetchEntry,
  batches: Batch[],
  from: number,
  catchup: boolean,
): void {
  let bytes = 0
  let n = 0
  const room = Math.min(
    REPLICA_FETCH_MAX_BYTES,
    REPLICA_FETCH_RESPONSE_MAX_BYTES - cap.responseBytes,
  )
  for (let i = from; i < batches.length; i++) {
    const batch = batches[i] as Batch
    const size = batchBytes(cap, batch.producer, batch.count)
    if (n > 0 && bytes + size > room) break
    bytes += size
    entry.batches[n++] = batch
  }
  entry.batchCount = n
  cap.responseBytes += bytes
  if (catchup) cap.catchupBytes += bytes
}

/**
 * Empties the pair's response, giving its entries back to the pool: the follower has read them,
 * or they are stale (a newer round began) and never will be.
 */
function releaseResponse(ctx: Ctx, pair: FetchPairState): void {
  let entry = pair.responseHead
  while (entry !== null) {
    const next: FetchEntry | null = entry.next
    entry.next = null
    ctx.entryPool.push(entry)
    entry = next
  }
  pair.responseHead = null
  pair.responseTail = null
}

/** Appends an entry from the pool to the pair's response, with no batches and no divergence. */
function addEntry(
  ctx: Ctx,
  pair: FetchPairState,
  p: PartitionIndex,
  fSlot: ReplicaSlot,
  epoch: number,
  hw: number,
): FetchEntry {
  let entry = ctx.entryPool.pop()
  if (entry === undefined) {
    entry = {
      p,
      slot: fSlot,
      epoch,
      batches: [],
      batchCount: 0,
      leaderHighWatermark: hw,
      diverging: false,
      divergingEpoch: -1,
      divergingEndOffset: -1,
      next: null,
    }
  }
  entry.p = p
  entry.slot = fSlot
  entry.epoch = epoch
  entry.batchCount = 0
  entry.leaderHighWatermark = hw
  entry.diverging = false
  if (pair.responseTail === null) pair.responseHead = entry
  else pair.responseTail.next = entry
  pair.responseTail = entry
  return entry
}

/**
 * A throttled replica that is not in sync waits while its side's quota is exceeded
 * (ReplicaManager.shouldLeaderThrottle: not in the leader's ISR; RemoteLeaderEndPoint
 * .shouldFollowerThrottle: not caught up to the leader's high watermark).
 */
function heldByQuota(
  ctx: Ctx,
  q: QuotaCtx,
  pair: FetchPairState,
  p: PartitionIndex,
  lSlot: ReplicaSlot,
  fSlot: ReplicaSlot,
  side: LeaderSideState,
  followerEnd: number,
  leaderHighWatermark: number,
): boolean {
  const run = ctx.s.quota as QuotaRunState
  if (
    (throttleFlags(q, p, lSlot) & LEADER_THROTTLED) !== 0 &&
    !inKnownIsr(side.followers, fSlot) &&
    quotaExceeded(ctx, run.leaderUntilMs, pair.leaderIndex)
  )
    return true
  return (
    (throttleFlags(q, p, fSlot) & FOLLOWER_THROTTLED) !== 0 &&
    followerEnd < leaderHighWatermark &&
    quotaExceeded(ctx, run.followerUntilMs, pair.followerIndex)
  )
}

/** A throttled partition's bytes count against its sides' quotas, in sync or not. */
function chargeQuota(
  ctx: Ctx,
  q: QuotaCtx,
  pair: FetchPairState,
  p: PartitionIndex,
  lSlot: ReplicaSlot,
  fSlot: ReplicaSlot,
  entry: FetchEntry,
): void {
  const leader = (throttleFlags(q, p, lSlot) & LEADER_THROTTLED) !== 0
  const follower = (throttleFlags(q, p, fSlot) & FOLLOWER_THROTTLED) !== 0
  if (!leader && !follower) return
  const run = ctx.s.quota as QuotaRunState
  const bytes = entryBytes(q, entry.batches, entry.batchCount)
  if (leader) chargeQuotaClock(ctx, run.leaderUntilMs, pair.leaderIndex, bytes, q.leaderRate)
  if (follower)
    chargeQuotaClock(ctx, run.followerUntilMs, pair.followerIndex, bytes, q.followerRate)
}

/** Reused by `onFetchRequest`, which never runs re-entrantly (its effects are scheduled). */
const visitScratch: PartitionIndex[] = []
const pendingScratch: PartitionIndex[] = []

/** The leader processes a follower pair's fetch request. */
export function onFetchRequest(ctx: Ctx, pair: FetchPairState, wokenFromPark = false): void {
  if (!fetchLink(ctx, pair.followerIndex, pair.leaderIndex)) {
    pair.phase = 'down'
    return
  }
  const leaderId = brokerId(ctx, pair.leaderIndex)
  // The pair's previous fetch, or the last one re-sent while it was parked (the link is up).
  const previousFetchMs = wokenFromPark ? lastParkedFetchMs(ctx, pair) : pair.lastRequestMs
  pair.lastRequestMs = ctx.s.nowMs
  releaseResponse(ctx, pair)
  // The response's byte scratch is 0 here: sendResponse clears it after every response.
  const cap = ctx.capacity
  let hwOnly = false
  // Visit a copy of the dirty set (a shared scratch array), which fills again as the round goes.
  const visit = takeDirty(pair, visitScratch)
  let poll = false
  for (const p of visit) {
    const part = partitionAt(ctx, p)
    const lSlot = slotOf(ctx, part, pair.leaderIndex)
    const fSlot = slotOf(ctx, part, pair.followerIndex)
    const lrs = replicaAt(part, lSlot)
    const frs = replicaAt(part, fSlot)
    // The leader answers only in the epoch the follower fetches for (FENCED_LEADER_EPOCH /
    // NOT_LEADER_OR_FOLLOWER otherwise); the follower waits for newer metadata.
    const side = lrs.leaderSide
    if (
      side === null ||
      lrs.knownLeaderId !== leaderId ||
      lrs.knownLeaderEpoch !== frs.knownLeaderEpoch
    ) {
      // Retried once the leader has applied the same metadata (makeLeader marks it again),
      // unless the follower no longer fetches it from this broker (a change earlier in this
      // round moved it: AbstractFetcherThread drops removed partitions).
      if (fetchesFrom(frs, pair.leaderIndex, leaderId)) markDirty(pair, p)
      continue
    }
    const fLog = frs.log
    const lLog = lrs.log
    // KIP-320/KIP-595 fetch with lastFetchedEpoch: detect a diverging log first.
    const lastFetchedEpoch = latestEpoch(fLog)
    // Common case first: same latest epoch and the leader's log reaches the follower's end.
    const sameEpochAhead =
      latestEpoch(lLog) === lastFetchedEpoch && lLog.logEndOffset >= fLog.logEndOffset
    if (lastFetchedEpoch >= 0 && !sameEpochAhead) {
      const [epoch, endOffset] = endOffsetForEpoch(lLog, lastFetchedEpoch)
      if (epoch < lastFetchedEpoch || endOffset < fLog.logEndOffset) {
        const entry = addEntry(ctx, pair, p, fSlot, lrs.knownLeaderEpoch, lrs.highWatermark)
        entry.diverging = true
        entry.divergingEpoch = epoch
        entry.divergingEndOffset = endOffset
        markDirty(pair, p)
        continue
      }
    }
    // A partition this round visits but the last did not had nothing to fetch then; Kafka's
    // fetch covered it anyway (a fetch session updates every partition's fetch state), so
    // that fetch is recorded first, as the leader saw it.
    const replayed = replayFollowerFetch(side, fSlot, fLog.logEndOffset, previousFetchMs)
    recordFollowerFetch(ctx, side, fSlot, fLog.logEndOffset, lLog.logEndOffset, replayed)
    const epoch = lrs.knownLeaderEpoch
    maybeExpandIsr(ctx, p, part, lSlot, fSlot)
    // The engine's AlterPartition commits at once, and the controller may elect another leader
    // in it (PartitionChangeBuilder: the requesting leader is no longer acceptable, as in a
    // controlled shutdown). Kafka answers this fetch in the epoch it was read in, and the
    // follower, already in the new epoch, drops that answer; here the partition simply waits
    // for the next round, fetched from whoever leads now.
    if (lrs.leaderSide !== side || lrs.knownLeaderEpoch !== epoch) {
      if (fetchesFrom(frs, pair.leaderIndex, leaderId)) markDirty(pair, p)
      continue
    }
    maybeIncrementLeaderHighWatermark(ctx, p, lSlot)
    const outOfSync = !inMaximalIsr(side.followers, fSlot)
    if (outOfSync) poll = true
    const from =
      fLog.logEndOffset >= lLog.logEndOffset
        ? lLog.batches.length
        : batchIndexAtOrAfter(lLog, fLog.logEndOffset)
    const quota = ctx.quota
    if (
      from < lLog.batches.length &&
      quota !== null &&
      heldByQuota(ctx, quota, pair, p, lSlot, fSlot, side, fLog.logEndOffset, lrs.highWatermark)
    ) {
      // Throttled and over the quota: no records this round (Kafka still returns the partition,
      // empty, with its high watermark: ReplicaManager.readFromLog); the pair polls again.
      markDirty(pair, p)
      if (lrs.highWatermark > frs.highWatermark) markHwPending(pair, p)
      poll = true
    } else if (from < lLog.batches.length && cap !== null) {
      // The response is full (replica.fetch.response.max.bytes): the partition waits a round.
      if (cap.responseBytes < REPLICA_FETCH_RESPONSE_MAX_BYTES) {
        const entry = addEntry(ctx, pair, p, fSlot, lrs.knownLeaderEpoch, lrs.highWatermark)
        fillBatchesBytes(cap, entry, lLog.batches, from, outOfSync)
        if (quota !== null) chargeQuota(ctx, quota, pair, p, lSlot, fSlot, entry)
      }
      markDirty(pair, p)
    } else if (from < lLog.batches.length) {
      const entry = addEntry(ctx, pair, p, fSlot, lrs.knownLeaderEpoch, lrs.highWatermark)
      fillBatches(entry, lLog.batches, from)
      if (quota !== null) chargeQuota(ctx, quota, pair, p, lSlot, fSlot, entry)
      markDirty(pair, p)
    } else {
      if (lrs.highWatermark > frs.highWatermark) {
        hwOnly = true
        markHwPending(pair, p)
      }
      // An out-of-sync follower is visited on every poll, so it rejoins once it is eligible.
      if (outOfSync) markDirty(pair, p)
    }
  }
  clearArray(visit)
  pair.poll = poll
  if (pair.responseHead !== null) {
    // A response that goes out anyway carries the high watermarks the follower has not seen.
    if (pair.hwFirst !== -1) addHighWatermarks(ctx, pair)
    sendResponse(ctx, pair)
    return
  }
  // Nothing to send: park until data arrives (DelayedFetch). A high watermark the follower has
  // not seen yet goes out when the wait expires.
  pair.phase = 'idle'
  if (hwOnly || poll) scheduleIdleTimeout(ctx, pair)
}

/**
 * Adds to the pair's response an entry for each partition whose leader high watermark moved past
 * the follower's, unless the response already has one for it (its entry carries the high
 * watermark too). A KIP-227 fetch session includes in any response the partitions whose high
 * watermark changed (FetchSession.scala, CachedPartition.maybeUpdateResponseData), so new data on
 * one partition also brings the others' high watermarks; with none, they wait for the parked
 * request's `replica.fetch.wait.max.ms`.
 */
function addHighWatermarks(ctx: Ctx, pair: FetchPairState): void {
  const pending = takeHwPending(pair, pendingScratch)
  for (const p of pending) {
    const part = partitionAt(ctx, p)
    const lrs = replicaAt(part, slotOf(ctx, part, pair.leaderIndex))
    const fSlot = slotOf(ctx, part, pair.followerIndex)
    const frs = replicaAt(part, fSlot)
    if (lrs.knownLeaderEpoch !== frs.knownLeaderEpoch) continue
    if (lrs.highWatermark <= frs.highWatermark) continue
    // `pending` holds each partition once, so only entries made before this loop can list it.
    let listed = false
    for (let e = pair.responseHead; e !== null && !listed; e = e.next) listed = e.p === p
    if (!listed) addEntry(ctx, pair, p, fSlot, lrs.knownLeaderEpoch, lrs.highWatermark)
  }
  clearArray(pending)
}

/** The wait of a parked fetch expired: answer with high watermarks only. */
export function onFetchIdleTimeout(ctx: Ctx, pair: FetchPairState): void {
  pair.timeoutPending = false
  if (pair.phase !== 'idle') return
  if (!fetchLink(ctx, pair.followerIndex, pair.leaderIndex)) {
    pair.phase = 'down'
    return
  }
  releaseResponse(ctx, pair)
  addHighWatermarks(ctx, pair)
  // An empty answer still completes the parked fetch, so an out-of-sync follower polls again.
  if (pair.responseHead === null && !pair.poll) return
  pair.phase = 'busy'
  bumpGen(pair)
  sendResponse(ctx, pair)
}

/** The pair's response (its pooled entries) leaves the leader; a slow follower adds its delay. */
function sendResponse(ctx: Ctx, pair: FetchPairState): void {
  const index = pairIndex(ctx, pair.followerIndex, pair.leaderIndex)
  let delay =
    latencyBetweenBrokers(ctx, pair.followerIndex, pair.leaderIndex) +
    (ctx.s.brokers[pair.followerIndex] as { fetchDelayMs: number }).fetchDelayMs
  const cap = ctx.capacity
  if (cap !== null) {
    delay += fetchResponseDelayMs(ctx, cap, index, pair.leaderIndex, pair.followerIndex)
    // An idle timeout's answer (high watermarks only) carries no bytes.
    cap.responseBytes = 0
    cap.catchupBytes = 0
  }
  at(ctx, delay, EV.fetchResponse, index, pair.gen)
}

/**
 * Partition.maybeExpandIsr: a follower joins once its log end offset reaches the high
 * watermark and the current leader epoch's start offset. It counts in the maximal ISR at once
 * (PendingExpandIsr) while AlterPartition is under way.
 */
function maybeExpandIsr(
  ctx: Ctx,
  p: PartitionIndex,
  part: PartitionState,
  lSlot: ReplicaSlot,
  fSlot: ReplicaSlot,
): void {
  const lrs = replicaAt(part, lSlot)
  const side = leaderSideOf(lrs)
  const fid = part.replicas[fSlot] as number
  const slot = fSlot
  const { pendingIsrChange, epochStartOffset } = side
  const hw = lrs.highWatermark
  if (
    !mayJoinIsr(
      side.followers,
      slot,
      fid,
      pendingIsrChange,
      hw,
      epochStartOffset,
      ctx.isEligibleForIsr,
    )
  )
    return
  const newIsr = sortedIds(lrs.knownIsr, fid)
  setMaximalIsr(ctx, part, side, newIsr, true)
  submitIsrChange(ctx, p, lSlot, newIsr)
}

/** Sends AlterPartition; on success the maximal ISR becomes the committed one. */
function submitIsrChange(ctx: Ctx, p: PartitionIndex, lSlot: ReplicaSlot, newIsr: number[]): void {
  const part = partitionAt(ctx, p)
  const lrs = replicaAt(part, lSlot)
  const side = leaderSideOf(lrs)
  const id = part.replicas[lSlot] as number
  const committed = alterPartition(ctx, p, id, lrs.knownLeaderEpoch, newIsr)
  if (lrs.leaderSide === null) return
  if (committed) {
    setMaximalIsr(ctx, part, side, part.isr.slice(), false)
    setKnownIsr(ctx, part, lrs, part.isr)
    maybeIncrementLeaderHighWatermark(ctx, p, lSlot)
  } else if (lrs.knownLeaderEpoch !== part.leaderEpoch || part.leaderId !== id) {
    // Rejected (fenced epoch, ineligible replica): fall back to the committed ISR.
    setMaximalIsr(ctx, part, side, lrs.knownIsr.slice(), false)
  }
  // Otherwise the controller is unreachable: the change stays pending and is retried.
}

/** The follower receives a fetch response: truncate on divergence, else append. */
export function onFetchResponse(ctx: Ctx, pair: FetchPairState): void {
  const s = ctx.s
  if (!fetchLink(ctx, pair.followerIndex, pair.leaderIndex)) {
    // Lost on the way: its entries go back to the pool now (the pair may not run again soon).
    releaseResponse(ctx, pair)
    pair.phase = 'down'
    return
  }
  // Only high watermarks: nothing at the leader changes when the next request arrives.
  let hwOnly = true
  for (let entry = pair.responseHead; entry !== null; entry = entry.next) {
    if (entry.batchCount > 0 || entry.diverging) hwOnly = false
    const part = partitionAt(ctx, entry.p)
    const fSlot = entry.slot
    const frs = replicaAt(part, fSlot)
    if (frs.knownLeaderEpoch !== entry.epoch) continue
    const log = frs.log
    if (entry.diverging) {
      const target = truncationOffset(log, entry.divergingEpoch, entry.divergingEndOffset)
      const from = log.logEndOffset
      const removed = truncateTo(log, target)
      if (removed > 0) {
        emit(ctx, {
          atMs: s.nowMs,
          type: 'ReplicaTruncated',
          topic: topicOf(ctx, entry.p).name,
          partition: part.partition,
          broker: part.replicas[fSlot] as number,
          fromOffset: from,
          toOffset: log.logEndOffset,
        })
      }
      frs.highWatermark = Math.min(frs.highWatermark, log.logEndOffset)
      continue
    }
    if (ctx.checkInvariants && entry.batchCount > 0) {
      const lrs = replicaAt(part, slotOf(ctx, part, pair.leaderIndex))
      if (!isPrefixOf(log, lrs.log)) {
        emit(ctx, {
          atMs: s.nowMs,
          type: 'InvariantViolated',
          message: `follower ${part.replicas[fSlot]} of ${topicOf(ctx, entry.p).name}-${part.partition} is not a prefix of its leader's log`,
        })
        if (ctx.throwOnViolation) throw new Error('follower log is not a prefix of the leader log')
      }
    }
    for (let k = 0; k < entry.batchCount; k++) {
      const batch = entry.batches[k] as Batch
      if (batch.baseOffset === log.logEndOffset) appendBatch(log, batch)
    }
    // The follower's high watermark follows the leader's, bounded by its own log (can go down).
    frs.highWatermark = Math.min(entry.leaderHighWatermark, log.logEndOffset)
  }
  releaseResponse(ctx, pair)
  // Send the next request. After a response that carried only high watermarks nothing at the
  // leader changes when it arrives, so the request parks straight away (saves an event).
  bumpGen(pair)
  // Unless a partition is still marked for this pair (data that arrived while the response was
  // on its way, or a fetch waiting for the leader to apply the same metadata): then the next
  // request goes at once, as a Kafka follower always sends its next fetch.
  if (!pair.poll && hwOnly && pair.dirtyFirst === -1) {
    pair.phase = 'idle'
    if (pair.hwFirst !== -1) scheduleIdleTimeout(ctx, pair)
    return
  }
  pair.phase = 'busy'
  at(
    ctx,
    latencyBetweenBrokers(ctx, pair.followerIndex, pair.leaderIndex),
    EV.fetchRequest,
    pairIndex(ctx, pair.followerIndex, pair.leaderIndex),
    pair.gen,
  )
}

/**
 * New data on a leader: complete the parked fetches of its followers. Kafka does this inside
 * the append itself (ReplicaManager.appendRecords → delayedFetchPurgatory.checkAndComplete), so
 * the parked request is answered here and now rather than from a later event.
 */
export function wakeFollowers(ctx: Ctx, p: PartitionIndex, leaderB: BrokerIndex): void {
  const part = partitionAt(ctx, p)
  const leaderId = brokerId(ctx, leaderB)
  for (const r of part.replicaStates) {
    if (!fetchesFrom(r, leaderB, leaderId)) continue
    const pair = ctx.s.pairs[pairIndex(ctx, r.brokerIndex, leaderB)] as FetchPairState
    markDirty(pair, p)
    if (pair.phase === 'idle') {
      pair.phase = 'busy'
      bumpGen(pair)
      onFetchRequest(ctx, pair, true)
    }
  }
}

/**
 * Sends a pending AlterPartition again: the expansion it proposed, or the shrink the followers'
 * state now calls for.
 */
function retryIsrChange(ctx: Ctx, side: LeaderSideState): void {
  const part = partitionAt(ctx, side.p)
  const lrs = replicaAt(part, side.slot)
  submitIsrChange(
    ctx,
    side.p,
    side.slot,
    side.maximalIsr.length > lrs.knownIsr.length
      ? side.maximalIsr
      : isrAfterShrink(
          side.followers,
          part.replicas,
          lrs.knownIsr,
          side.slot,
          lrs.log.logEndOffset,
          ctx.s.nowMs,
          ctx.spec.cluster.config['replica.lag.time.max.ms'],
        ),
  )
}

/**
 * The broker reaches the controller again: its pending AlterPartition requests go out now
 * (AlterPartitionManager keeps an unanswered request and sends it once the controller channel is
 * up), not at the next periodic ISR check, up to replica.lag.time.max.ms / 2 later.
 */
export function resendPendingIsrChanges(ctx: Ctx, b: BrokerIndex): void {
  if (ctx.isrCheckDue[b] === 0) return
  for (const side of ledOn(ctx, b).slice()) {
    if (!side.pendingIsrChange || !side.listed) continue
    retryIsrChange(ctx, side)
  }
}

/**
 * Partition.maybeShrinkIsr, run every replica.lag.time.max.ms / 2 on each broker for the
 * partitions it leads: out-of-sync followers leave through AlterPartition. While that is pending
 * the maximal ISR keeps the old members (PendingShrinkIsr).
 */
export function isrCheck(ctx: Ctx, b: BrokerIndex): void {
  // Every side this broker leads has its followers at its end and no change pending: the loop
  // below would skip them all, so it is not run (the usual case; see `ctx.isrCheckDue`).
  if (ctx.isrCheckDue[b] === 0) return
  const lagMs = ctx.spec.cluster.config['replica.lag.time.max.ms']
  // Iterate over a copy: an ISR change can move leadership and edit the broker's list.
  for (const side of ledOn(ctx, b).slice()) {
    // Every ISR follower at the leader's end, or caught up within the lag time: none is out of
    // sync (Replica.isCaughtUp), so the partition is skipped without touching its replicas.
    if (
      !side.pendingIsrChange &&
      (side.followersAtEnd || ctx.s.nowMs - side.minFollowerCaughtUpMs <= lagMs)
    )
      continue
    const p = side.p
    const part = partitionAt(ctx, p)
    const lSlot = side.slot
    const lrs = replicaAt(part, lSlot)
    if (lrs.leaderSide !== side) continue
    if (side.pendingIsrChange) {
      retryIsrChange(ctx, side)
      continue
    }
    const leo = lrs.log.logEndOffset
    const now = ctx.s.nowMs
    const slot = lSlot
    if (!hasOutOfSyncFollower(side.followers, part.replicas, lrs.knownIsr, slot, leo, now, lagMs))
      continue
    const next = isrAfterShrink(side.followers, part.replicas, lrs.knownIsr, slot, leo, now, lagMs)
    if (next.length < lrs.knownIsr.length) {
      setMaximalIsr(ctx, part, side, lrs.knownIsr.slice(), true)
      submitIsrChange(ctx, p, lSlot, next)
    }
  }
}
