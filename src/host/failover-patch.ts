/**
 * The failover records (Simulation.failovers) as a difference from the ones the page holds. A
 * record lists every partition the fault touched (10,000 when a zone of the reference cluster
 * stops), and the records are recomputed as time passes (a stall is measured once it ends), so
 * sending them whole on every update cost the page 4–8 ms of deserialisation each time. Only
 * the records that changed travel, and of those only the partitions that changed.
 */
import type { FailoverPartition, FailoverRecord } from '../engine/failovers'

/**
 * A record with an empty partition list, which keeps the key where the engine has it, so a
 * rebuilt record serialises exactly as the engine's (the run report export writes them).
 */
export type FailoverHead = FailoverRecord

export interface FailoverRecordPatch {
  index: number
  /** The record, its partition list left empty. */
  head: FailoverHead
  partitionCount: number
  /** The partitions that changed, by index (all of them when the count changed). */
  partitions: [number, FailoverPartition][]
}

export interface FailoverPatch {
  count: number
  records: FailoverRecordPatch[]
}

function samePartition(a: FailoverPartition, b: FailoverPartition): boolean {
  return (
    a.stallMs === b.stallMs &&
    a.election === b.election &&
    a.partition === b.partition &&
    a.topic === b.topic
  )
}

function headOf(record: FailoverRecord): FailoverHead {
  return { ...record, partitions: [] }
}

/** The patch from `previous` (what the page holds) to `next`; null when nothing changed. */
export function diffFailovers(
  previous: readonly FailoverRecord[],
  next: readonly FailoverRecord[],
): FailoverPatch | null {
  const records: FailoverRecordPatch[] = []
  next.forEach((record, index) => {
    const before = previous[index]
    const head = headOf(record)
    const sameLength = before !== undefined && before.partitions.length === record.partitions.length
    const partitions: [number, FailoverPartition][] = []
    record.partitions.forEach((p, i) => {
      const old = sameLength ? before.partitions[i] : undefined
      if (old === undefined || !samePartition(old, p)) partitions.push([i, p])
    })
    const headChanged =
      before === undefined || JSON.stringify(headOf(before)) !== JSON.stringify(head)
    if (headChanged || partitions.length > 0 || !sameLength) {
      records.push({ index, head, partitionCount: record.partitions.length, partitions })
    }
  })
  if (records.length === 0 && previous.length === next.length) return null
  return { count: next.length, records }
}

/** The records after `patch`, keeping unchanged records (and partitions) by identity. */
export function applyFailoverPatch(
  previous: readonly FailoverRecord[],
  patch: FailoverPatch,
): FailoverRecord[] {
  const records = previous.slice(0, patch.count)
  for (const change of patch.records) {
    const before = previous[change.index]
    const partitions: FailoverPartition[] =
      before !== undefined && before.partitions.length === change.partitionCount
        ? before.partitions.slice()
        : new Array<FailoverPartition>(change.partitionCount)
    for (const [i, p] of change.partitions) partitions[i] = p
    records[change.index] = { ...change.head, partitions }
  }
  if (records.length !== patch.count) throw new Error('failover patch does not fit the records')
  return records
}
