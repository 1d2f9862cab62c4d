/**
 * The leader's side of a produce request (ReplicaManager.appendRecords, Partition.appendRecordsToLeader,
 * DelayedProduce; kafka-semantics §4.4).
 *
 * - acks=all: refused with NOT_ENOUGH_REPLICAS before appending when the ISR is below the
 *   effective min ISR; otherwise appended and parked until the high watermark passes it. Then
 *   NOT_ENOUGH_REPLICAS_AFTER_APPEND if the maximal ISR fell below min ISR meanwhile.
 * - acks=1: answered right after the local append.
 * - acks=0: no answer at all.
 * - Idempotent producers: a batch whose (producer id, sequence) is already in the log is a
 *   duplicate and answered with its original offset (ProducerStateManager).
 */
import { EV } from './state'
import { at, minIsrOf, setIsrCheckFields, type Ctx } from './context'
import { recordAck } from './accounting'
import { appendBatch, type Batch } from './log'
import { maybeIncrementLeaderHighWatermark, wakeFollowers } from './replication'
import { slotOf } from './replica-manager'
import type {
  DelayedProduce,
  LeaderSideState,
  PartitionState,
  ProduceRequestState,
  ProducerState,
  ReplicaState,
} from './state'
import type { KafkaError } from './types'

/** Scans the tail of the log for a batch with this producer and sequence. */
function findDuplicate(log: Batch[], producer: number, baseSequence: number): Batch | null {
  for (let i = log.length - 1, seen = 0; i >= 0 && seen < 64; i--, seen++) {
    const b = log[i] as Batch
    if (b.producer === producer && b.baseSequence === baseSequence) return b
  }
  return null
}

function respond(
  ctx: Ctx,
  producer: ProducerState,
  request: ProduceRequestState,
  error: KafkaError | null,
): void {
  if (request.done) return
  request.done = true
  request.error = error
  // A reset connection is noticed by the client itself, even though the broker is gone.
  if (error === 'NETWORK_EXCEPTION') request.local = true
  const c = ctx.spec.clients[producer.client] as { config: { acks: number } }
  if (c.config.acks === 0) return
  at(ctx, ctx.latencyClientMs, EV.produceResponse, producer.index, request.id, request.lp)
}

/** A produce request reaches broker `b`, which believes it leads partition `request.p`. */
export function handleProduce(
  ctx: Ctx,
  producer: ProducerState,
  request: ProduceRequestState,
  b: number,
): void {
  const s = ctx.s
  const p = request.p
  const part = s.partitions[p] as PartitionState
  const slot = slotOf(ctx, part, b)
  const lrs = part.replicaStates[slot]
  const id = (s.brokers[b] as { id: number }).id
  if (lrs === undefined || lrs.knownLeader !== id || lrs.leaderSide === null) {
    respond(ctx, producer, request, 'NOT_LEADER_OR_FOLLOWER')
    return
  }
  const spec = ctx.spec.clients[producer.client] as {
    config: { acks: number; 'enable.idempotence': boolean }
  }
  const acks = spec.config.acks
  const minIsr = minIsrOf(ctx, p)
  if (acks === -1 && lrs.leaderSide.knownIsrSize < minIsr) {
    respond(ctx, producer, request, 'NOT_ENOUGH_REPLICAS')
    return
  }
  let firstOffset = -1
  let appended = false
  for (const pb of request.batches) {
    // Only a retried batch can already be in the log (ProducerStateManager duplicate check).
    const duplicate =
      spec.config['enable.idempotence'] && pb.attempts > 1
        ? findDuplicate(lrs.log.batches, producer.index, pb.baseSequence)
        : null
    if (duplicate !== null) {
      if (firstOffset < 0) firstOffset = duplicate.baseOffset
      continue
    }
    const batch: Batch = {
      baseOffset: lrs.log.logEndOffset,
      count: pb.records,
      epoch: lrs.knownLeaderEpoch,
      producer: producer.index,
      baseSequence: pb.baseSequence,
    }
    appendBatch(lrs.log, batch)
    appended = true
    const side = lrs.leaderSide
    if (side.isrFollowerCount > 0) setIsrCheckFields(ctx, side, false, side.pendingIsrChange)
    if (firstOffset < 0) firstOffset = batch.baseOffset
    // acks=0 has no response: the record counts as acknowledged once it is written.
    if (acks === 0) recordAck(ctx, producer, p, pb.baseSequence, batch.baseOffset, pb.records)
  }
  request.baseOffset = firstOffset
  if (appended) {
    wakeFollowers(ctx, p, b)
    // Partition.appendRecordsToLeader ends with maybeIncrementLeaderHW: with the leader alone in
    // the ISR (or RF 1) the high watermark moves right away.
    maybeIncrementLeaderHighWatermark(ctx, p, slot)
  }
  if (acks !== -1) {
    respond(ctx, producer, request, null)
    return
  }
  const requiredOffset = lrs.log.logEndOffset
  if (lrs.highWatermark >= requiredOffset) {
    const side = lrs.leaderSide
    respond(
      ctx,
      producer,
      request,
      side.maximalIsr.length < minIsr ? 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' : null,
    )
    return
  }
  const side = lrs.leaderSide
  const parked: DelayedProduce = {
    c: producer.index,
    request: request.id,
    lp: request.lp,
    requiredOffset,
    next: null,
  }
  if (side.delayedTail === null) side.delayedHead = parked
  else side.delayedTail.next = parked
  side.delayedTail = parked
}

function findRequest(ctx: Ctx, c: number, id: number, lp: number): ProduceRequestState | null {
  const r = (ctx.s.producers[c] as ProducerState).inFlight[lp]
  return r !== null && r !== undefined && r.id === id ? r : null
}

/** DelayedProduce.tryComplete after the high watermark moved (checkEnoughReplicasReachOffset). */
export function completeDelayedProduces(ctx: Ctx, p: number, slot: number): void {
  const part = ctx.s.partitions[p] as PartitionState
  const lrs = part.replicaStates[slot] as ReplicaState
  const side = lrs.leaderSide as LeaderSideState
  if (side.delayedHead === null) return
  const minIsr = minIsrOf(ctx, p)
  // Unlinks the completed ones, answering them in arrival order.
  let prev: DelayedProduce | null = null
  let d: DelayedProduce | null = side.delayedHead
  while (d !== null) {
    const next: DelayedProduce | null = d.next
    if (d.requiredOffset > lrs.highWatermark) {
      prev = d
      d = next
      continue
    }
    if (prev === null) side.delayedHead = next
    else prev.next = next
    if (side.delayedTail === d) side.delayedTail = prev
    const request = findRequest(ctx, d.c, d.request, d.lp)
    if (request !== null) {
      respond(
        ctx,
        ctx.s.producers[d.c] as ProducerState,
        request,
        side.maximalIsr.length < minIsr ? 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' : null,
      )
    }
    d = next
  }
}

/**
 * The replica stopped leading: the requests its purgatory holds complete with
 * NOT_LEADER_OR_FOLLOWER, or get no answer at all (`error` null) when the broker or its host went
 * away.
 */
export function failDelayedProduces(
  ctx: Ctx,
  side: LeaderSideState,
  error: KafkaError | null,
): void {
  let d = side.delayedHead
  side.delayedHead = null
  side.delayedTail = null
  if (error === null) return
  while (d !== null) {
    const request = findRequest(ctx, d.c, d.request, d.lp)
    if (request !== null) respond(ctx, ctx.s.producers[d.c] as ProducerState, request, error)
    d = d.next
  }
}
