/**
 * Durability accounting, kept beside the model like TigerBeetle's auditor: every acknowledged
 * batch is remembered as (producer, sequence, offset, count). A record is *lost* when it was
 * acknowledged and its batch is absent from the current leader's log at that offset; records of
 * a partition that has no leader are *unavailable*, not lost.
 */
import { invalidateMetrics, type Ctx } from './context'
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
  const key = String(producer.index)
  part.acked.push(producer.index, baseSequence, baseOffset, count)
  part.ackedRecords += count
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
      invalidateMetrics(ctx)
      part.lostByProducer[key] = (part.lostByProducer[key] ?? 0) + count
    }
  }
}

function leaderLog(part: PartitionState) {
  const slot = part.replicas.indexOf(part.leader)
  return slot < 0 ? null : (part.replicaStates[slot] as ReplicaState).log
}

/** Recounts lost records of a partition after its leader changed (a new leader log). */
export function recomputeLoss(ctx: Ctx, p: number): void {
  const part = ctx.s.partitions[p] as PartitionState
  const log = leaderLog(part)
  if (log === null) return
  let lost = 0
  const byProducer: Record<string, number> = {}
  const acked = part.acked
  for (let i = 0; i < acked.length; i += 4) {
    const producer = acked[i] as number
    const sequence = acked[i + 1] as number
    const offset = acked[i + 2] as number
    const count = acked[i + 3] as number
    const batch = batchAt(log, offset)
    if (batch === null || batch.producer !== producer || batch.baseSequence !== sequence) {
      lost += count
      byProducer[String(producer)] = (byProducer[String(producer)] ?? 0) + count
    }
  }
  if (part.lostRecords !== lost) invalidateMetrics(ctx)
  part.lostRecords = lost
  part.lostByProducer = byProducer
}

export interface DurabilityTotals {
  ackedRecords: number
  lostAckedRecords: number
  unavailableAckedRecords: number
  perProducer: { lost: number; unavailable: number }[]
}

/**
 * Totals over all partitions and per producer, from the per-partition counts kept current on
 * every acknowledgement and leader change; only leaderless partitions have their acknowledged
 * batches summed, for the per-producer unavailable counts.
 */
export function durabilityTotals(ctx: Ctx): DurabilityTotals {
  const perProducer = ctx.s.producers.map(() => ({ lost: 0, unavailable: 0 }))
  let lost = 0
  let unavailable = 0
  for (const part of ctx.s.partitions) {
    if (part.leader === -1) {
      if (part.ackedRecords === 0) continue
      unavailable += part.ackedRecords
      // Per producer from the acknowledged batches themselves (leaderless partitions are few).
      const acked = part.acked
      for (let i = 0; i < acked.length; i += 4) {
        const target = perProducer[acked[i] as number]
        if (target !== undefined) target.unavailable += acked[i + 3] as number
      }
      continue
    }
    if (part.lostRecords === 0) continue
    lost += part.lostRecords
    for (const [key, n] of Object.entries(part.lostByProducer)) {
      const target = perProducer[Number(key)]
      if (target !== undefined) target.lost += n
    }
  }
  return {
    ackedRecords: ctx.s.counters.acked,
    lostAckedRecords: lost,
    unavailableAckedRecords: unavailable,
    perProducer,
  }
}
