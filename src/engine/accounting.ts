/**
 * Durability accounting, kept beside the model like TigerBeetle's auditor: every acknowledged
 * batch is remembered as (producer, sequence, offset, count): the very batch the leader's log held,
 * or a record of its own when the batch had already gone. A record is *lost* when it was
 * acknowledged and its batch is absent from the current leader's log at that offset; records of
 * a partition that has no leader are *unavailable*, not lost.
 */
import { partitionAt, replicaAt, type Ctx } from './context'
import { asReplicaSlot, type PartitionIndex } from './ids'
import { countLoss } from './cluster-gauges'
import { batchAt, type Batch, type ReplicaLog } from './log'
import type { PartitionState, ProducerState } from './state'

export function recordAck(
  ctx: Ctx,
  producer: ProducerState,
  p: PartitionIndex,
  baseSequence: number,
  baseOffset: number,
  count: number,
): void {
  const part = partitionAt(ctx, p)
  part.ackedRecords += count
  producer.acked += count
  ctx.s.counters.acked += count
  // An acknowledgement can arrive after leadership already moved to a log without the batch.
  const log = leaderLog(part)
  const found = log === null ? null : batchAt(log, baseOffset)
  const matches =
    found !== null && found.producer === producer.index && found.baseSequence === baseSequence
  // Remembering the log's own batch costs one reference; a record of its own only when needed.
  part.acked.push(
    matches && found.count === count
      ? found
      : { baseOffset, count, epoch: -1, producer: producer.index, baseSequence },
  )
  if (log !== null && !matches) {
    const key = String(producer.index)
    part.lostRecords += count
    countLoss(ctx, part, count)
    part.lostByProducer[key] = (part.lostByProducer[key] ?? 0) + count
  }
}

/** The acknowledged batch is in `log`: a batch with its producer and sequence at its offset. */
function present(log: ReplicaLog, acked: Batch): boolean {
  const found = batchAt(log, acked.baseOffset)
  return (
    found !== null &&
    (found === acked ||
      (found.producer === acked.producer && found.baseSequence === acked.baseSequence))
  )
}

function leaderLog(part: PartitionState) {
  const slot = part.replicas.indexOf(part.leaderId)
  return slot < 0 ? null : replicaAt(part, asReplicaSlot(slot)).log
}

/** Recounts lost records of a partition after its leader changed (a new leader log). */
export function recomputeLoss(ctx: Ctx, p: PartitionIndex): void {
  const part = partitionAt(ctx, p)
  const log = leaderLog(part)
  if (log === null) return
  let lost = 0
  const byProducer: Record<string, number> = {}
  for (const acked of part.acked) {
    if (present(log, acked)) continue
    const producer = String(acked.producer)
    lost += acked.count
    byProducer[producer] = (byProducer[producer] ?? 0) + acked.count
  }
  countLoss(ctx, part, lost - part.lostRecords)
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
    if (part.leaderId === -1) {
      if (part.ackedRecords === 0) continue
      unavailable += part.ackedRecords
      // Per producer from the acknowledged batches themselves (leaderless partitions are few).
      for (const acked of part.acked) {
        const target = perProducer[acked.producer]
        if (target !== undefined) target.unavailable += acked.count
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
