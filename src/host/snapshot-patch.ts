/**
 * The snapshot patch codec: the host sends a snapshot as its difference from the previous one,
 * and the store rebuilds it, keeping unchanged partition objects by identity (so memoised views
 * of those partitions do not redraw).
 */
import type { PartitionView, Snapshot } from '../engine/types'

/**
 * A snapshot as the difference from the previous one: everything but the partitions, plus the
 * partitions that changed by index. A 10,000-partition snapshot costs the page tens of
 * milliseconds to receive whole; most updates change a few hundred partitions at most.
 */
export interface SnapshotPatch {
  base: Omit<Snapshot, 'partitions'>
  partitionCount: number
  changed: [number, PartitionView][]
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false
  return true
}

function sameReplicas(a: PartitionView['replicaStates'], b: PartitionView['replicaStates']) {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i += 1) {
    const r = a[i] as PartitionView['replicaStates'][number]
    const o = b[i] as PartitionView['replicaStates'][number]
    if (
      r.logEndOffset !== o.logEndOffset ||
      r.highWatermark !== o.highWatermark ||
      r.lag !== o.lag ||
      r.online !== o.online ||
      r.broker !== o.broker
    ) {
      return false
    }
  }
  return true
}

/**
 * Field-by-field equality of two views of one partition (cheaper than serialising them). Plain
 * loops, the fields that change most often first: this runs over every partition on every update.
 */
export function samePartition(a: PartitionView, b: PartitionView): boolean {
  return (
    a.highWatermark === b.highWatermark &&
    a.leader === b.leader &&
    a.leaderEpoch === b.leaderEpoch &&
    a.partitionEpoch === b.partitionEpoch &&
    a.leaderRecoveryState === b.leaderRecoveryState &&
    a.minIsr === b.minIsr &&
    a.uncleanLeaderElectionEnable === b.uncleanLeaderElectionEnable &&
    sameReplicas(a.replicaStates, b.replicaStates) &&
    sameList(a.isr, b.isr) &&
    sameList(a.replicas, b.replicas) &&
    sameList(a.elr, b.elr) &&
    sameList(a.lastKnownElr, b.lastKnownElr)
  )
}

/** The patch from `previous` to `next`, or null when the partition list changed shape. */
export function diffSnapshot(previous: Snapshot, next: Snapshot): SnapshotPatch | null {
  if (previous.partitions.length !== next.partitions.length) return null
  const { partitions, ...base } = next
  const changed: [number, PartitionView][] = []
  for (let i = 0; i < partitions.length; i += 1) {
    const p = partitions[i] as PartitionView
    const before = previous.partitions[i]
    if (before === undefined || !samePartition(before, p)) changed.push([i, p])
  }
  return { base, partitionCount: partitions.length, changed }
}

/** Rebuilds a snapshot from the previous one and a patch, keeping unchanged partition objects. */
export function applyPatch(previous: Snapshot, patch: SnapshotPatch): Snapshot {
  if (previous.partitions.length !== patch.partitionCount) {
    throw new Error('snapshot patch does not fit the previous snapshot')
  }
  const partitions = previous.partitions.slice()
  for (const [index, view] of patch.changed) partitions[index] = view
  return { ...patch.base, partitions }
}
