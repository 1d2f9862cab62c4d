/**
 * Durability accounting, kept beside the model like TigerBeetle's auditor: every acknowledged
 * batch is remembered as (producer, sequence, offset, count). A record is *lost* when it was
 * acknowledged and its batch is absent from the current leader's log at that offset; records of
 * a partition that has no leader are *unavailable*, not lost.
 */
import type { Ctx } from './context'
import { batchAt } from './log'
import type { PartitionState, ProducerState, ReplicaState } from './state'

export function recordAck(
  ctx: Ctx,
  producer: ProducerState,
  p: number,
  baseSequence: number,
  baseOffset: number,
  count: number,
): void {
  const part = ctx.s.partitions[p] as PartitionState
  part.acked.push([producer.index, baseSequence, baseOffset, count])
  producer.acked += count
  ctx.s.counters.acked += count
  // An acknowledgement can arrive after leadership already moved to a log without the batch.
  const log = leaderLog(part)
  if (log !== null) {
    const batch = batchAt(log, baseOffset)
    if (
      batch === null ||
      batch.producer !== producer.index ||
      batch.baseSequence !== baseSequence
    ) {
      part.lostRecords += count
    }
  }
}

function leaderLog(part: PartitionState) {
  const slot = part.replicas.indexOf(part.leader)
  return slot < 0 ? null : (part.replicaStates[slot] as ReplicaState).log
}

/** Recounts lost records of a partition after its leader changed. */
export function recomputeLoss(ctx: Ctx, p: number): void {
  const part = ctx.s.partitions[p] as PartitionState
  const log = leaderLog(part)
  if (log === null) return
  let lost = 0
  for (const [producer, sequence, offset, count] of part.acked) {
    const batch = batchAt(log, offset)
    if (batch === null || batch.producer !== producer || batch.baseSequence !== sequence)
      lost += count
  }
  part.lostRecords = lost
}

export interface DurabilityTotals {
  ackedRecords: number
  lostAckedRecords: number
  unavailableAckedRecords: number
  perProducer: { lost: number; unavailable: number }[]
}

/** Totals over all partitions, per producer too (computed on demand for reports). */
export function durabilityTotals(ctx: Ctx): DurabilityTotals {
  const perProducer = ctx.s.producers.map(() => ({ lost: 0, unavailable: 0 }))
  let acked = 0
  let lost = 0
  let unavailable = 0
  for (const part of ctx.s.partitions) {
    const log = leaderLog(part)
    for (const [producer, sequence, offset, count] of part.acked) {
      acked += count
      const target = perProducer[producer] as { lost: number; unavailable: number }
      if (log === null) {
        unavailable += count
        target.unavailable += count
        continue
      }
      const batch = batchAt(log, offset)
      if (batch === null || batch.producer !== producer || batch.baseSequence !== sequence) {
        lost += count
        target.lost += count
      }
    }
  }
  return {
    ackedRecords: acked,
    lostAckedRecords: lost,
    unavailableAckedRecords: unavailable,
    perProducer,
  }
}

/** Sum of cached per-partition losses (cheap; used for metric samples). */
export function lostRecordsTotal(ctx: Ctx): number {
  let lost = 0
  for (const part of ctx.s.partitions) lost += part.lostRecords
  return lost
}
