/**
 * The leader's side of a produce request (ReplicaManager.appendRecords, Partition.appendRecordsToLeader,
 * DelayedProduce; docs/kafka-rules.md §4.4).
 *
 * - acks=all: refused with NOT_ENOUGH_REPLICAS before appending when the ISR is below the
 *   effective min ISR; otherwise appended and parked until the high watermark passes it. Then
 *   NOT_ENOUGH_REPLICAS_AFTER_APPEND if the maximal ISR fell below min ISR meanwhile.
 * - acks=1: answered right after the local append.
 * - acks=0: no answer at all.
 * - Idempotent producers: a batch whose (producer id, sequence) is already in the log is a
 *   duplicate and answered with its original offset (ProducerStateManager).
 */
import { brokerId, leaderMinIsr, partitionAt, type Ctx } from '../context'
import type { BrokerIndex } from '../ids'
import { recordAck } from '../accounting'
import { appendBatch, type Batch } from '../log'
import { batchBytes, noteBytes } from '../capacity/saturation'
import { BYTES_IN } from '../capacity/model'
import { noteLeaderAppend } from './leader-side'
import { answerProduce, parkProduce } from './purgatory'
import { maybeIncrementLeaderHighWatermark } from './high-watermark'
import { wakeFollowers } from './replication'
import { slotOf } from './replica-manager'
import type { ProducePart, ProduceRequestState, ProducerState } from '../state'

/** Scans the tail of the log for a batch with this producer and sequence. */
function findDuplicate(log: Batch[], producer: number, baseSequence: number): Batch | null {
  for (let i = log.length - 1, seen = 0; i >= 0 && seen < 64; i--, seen++) {
    const b = log[i] as Batch
    if (b.producer === producer && b.baseSequence === baseSequence) return b
  }
  return null
}

/**
 * One partition of a produce request reaches broker `b` (ReplicaManager.appendRecords handles
 * each partition of the request in turn): it is settled at once with an error or, for acks=0 and
 * acks=1, after the append; an acks=all part waits in the purgatory for the high watermark.
 */
export function handleProduce(
  ctx: Ctx,
  producer: ProducerState,
  request: ProduceRequestState,
  part: ProducePart,
  b: BrokerIndex,
): void {
  const p = part.p
  const partition = partitionAt(ctx, p)
  const slot = slotOf(ctx, partition, b)
  const lrs = partition.replicaStates[slot]
  const id = brokerId(ctx, b)
  if (lrs === undefined || lrs.knownLeaderId !== id || lrs.leaderSide === null) {
    answerProduce(ctx, producer, request, part, 'NOT_LEADER_OR_FOLLOWER')
    return
  }
  const spec = ctx.spec.clients[producer.client] as {
    config: { acks: number; 'enable.idempotence': boolean }
  }
  const acks = spec.config.acks
  const minIsr = leaderMinIsr(ctx, p, lrs.brokerIndex)
  if (acks === -1 && lrs.leaderSide.knownIsrSize < minIsr) {
    answerProduce(ctx, producer, request, part, 'NOT_ENOUGH_REPLICAS')
    return
  }
  let firstOffset = -1
  let appended = false
  const batches = part.batches
  for (let k = 0; k < batches.length; k++) {
    const pb = batches[k] as ProducePart['batches'][number]
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
    if (ctx.capacity !== null) {
      noteBytes(ctx, b, BYTES_IN, batchBytes(ctx.capacity, producer.index, pb.records))
    }
    appended = true
    const side = lrs.leaderSide
    noteLeaderAppend(ctx, side)
    if (firstOffset < 0) firstOffset = batch.baseOffset
    // acks=0 has no response: the record counts as acknowledged once it is written.
    if (acks === 0) recordAck(ctx, producer, p, pb.baseSequence, batch.baseOffset, pb.records)
  }
  part.baseOffset = firstOffset
  if (appended) {
    wakeFollowers(ctx, p, b)
    // Partition.appendRecordsToLeader ends with maybeIncrementLeaderHW: with the leader alone in
    // the ISR (or RF 1) the high watermark moves right away.
    maybeIncrementLeaderHighWatermark(ctx, p, slot)
  }
  if (acks !== -1) {
    answerProduce(ctx, producer, request, part, null)
    return
  }
  const requiredOffset = lrs.log.logEndOffset
  if (lrs.highWatermark >= requiredOffset) {
    const side = lrs.leaderSide
    answerProduce(
      ctx,
      producer,
      request,
      part,
      side.maximalIsr.length < minIsr ? 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' : null,
    )
    return
  }
  parkProduce(lrs.leaderSide, producer, request, part, requiredOffset)
}
