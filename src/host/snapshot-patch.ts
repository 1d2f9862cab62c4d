/**
 * The snapshot patch codec: the host sends a snapshot as its difference from the previous one,
 * and the store rebuilds it, keeping unchanged partition objects by identity (so memoised views
 * of those partitions do not redraw).
 *
 * The changed partitions travel packed into one array of numbers instead of as objects: the page
 * pays for every object it receives (structured clone builds each one on the page's thread), and
 * when a zone stops on a 10,000-partition cluster every partition changes at once (ISR shrinks):
 * 10,000 views with their replica lists were 40–50 ms of deserialisation in one task, where one
 * Float64Array is a copy. Names (topic, partition number) do not travel at all: a patch applies
 * only to a snapshot with the same partitions in the same order, so the receiver has them.
 */
import type { LeaderRecoveryState, PartitionView, ReplicaView, Snapshot } from '../engine/types'

/**
 * A snapshot as the difference from the previous one: everything but the partitions, plus the
 * partitions that changed, packed (see `packPartition`). A 10,000-partition snapshot costs the
 * page tens of milliseconds to receive whole; most updates change a few hundred partitions.
 */
export interface SnapshotPatch {
  base: Omit<Snapshot, 'partitions'>
  partitionCount: number
  /** How many partitions `packed` holds. */
  changedCount: number
  /**
   * The changed partitions, one after another. A Float64Array from the host (copied, not
   * rebuilt, by postMessage); a plain array where a patch travels as JSON (compare.ts).
   */
  packed: ArrayLike<number>
}

const RECOVERY_STATES: readonly LeaderRecoveryState[] = ['RECOVERED', 'RECOVERING']
const FLAG_UNCLEAN = 1
const FLAG_INTERNAL = 2
const REPLICA_ONLINE = 1
const REPLICA_CAUGHT_UP = 2

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false
  return true
}

/**
 * How stale a follower's `lastCaughtUpMs` may be on the page before the patch refreshes it. The
 * dashboard shows it only as the ISR clock, from 1 s behind (PartitionDetails.tsx `isrClock`):
 * a follower that keeps catching up (Replica.lastCaughtUpTimeMs moves on every fetch that
 * reaches the leader's log end) would otherwise put its partition into every patch, while a copy
 * refreshed whenever it is half a second old shows exactly the same clock.
 */
export const CAUGHT_UP_REFRESH_MS = 500

function sameCaughtUp(sent: number | undefined, next: number | undefined, nowMs: number): boolean {
  if (sent === next) return true
  if (sent === undefined || next === undefined) return false
  return nowMs - sent < CAUGHT_UP_REFRESH_MS
}

function sameReplicas(
  a: PartitionView['replicaStates'],
  b: PartitionView['replicaStates'],
  nowMs: number,
) {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i += 1) {
    const r = a[i] as PartitionView['replicaStates'][number]
    const o = b[i] as PartitionView['replicaStates'][number]
    if (
      r.logEndOffset !== o.logEndOffset ||
      r.highWatermark !== o.highWatermark ||
      r.lag !== o.lag ||
      r.online !== o.online ||
      r.broker !== o.broker ||
      !sameCaughtUp(r.lastCaughtUpMs, o.lastCaughtUpMs, nowMs)
    ) {
      return false
    }
  }
  return true
}

/**
 * Whether the page's copy `a` of a partition still shows what `b`, the view at `nowMs`, shows:
 * field by field (cheaper than serialising them), with `lastCaughtUpMs` allowed to lag by less
 * than CAUGHT_UP_REFRESH_MS. Plain loops, the fields that change most often first: this runs over
 * every partition on every update.
 */
export function samePartition(a: PartitionView, b: PartitionView, nowMs = 0): boolean {
  return (
    a.highWatermark === b.highWatermark &&
    a.leader === b.leader &&
    a.leaderEpoch === b.leaderEpoch &&
    a.partitionEpoch === b.partitionEpoch &&
    a.leaderRecoveryState === b.leaderRecoveryState &&
    a.minIsr === b.minIsr &&
    a.uncleanLeaderElectionEnable === b.uncleanLeaderElectionEnable &&
    sameReplicas(a.replicaStates, b.replicaStates, nowMs) &&
    sameList(a.isr, b.isr) &&
    sameList(a.replicas, b.replicas) &&
    sameList(a.elr, b.elr) &&
    sameList(a.lastKnownElr, b.lastKnownElr)
  )
}

/** How many numbers `packPartition` writes for this view. */
function packedLength(view: PartitionView): number {
  const lists = view.replicas.length + view.isr.length + view.elr.length + view.lastKnownElr.length
  return 8 + 4 + lists + 1 + view.replicaStates.length * 6
}

function packList(out: Float64Array, at: number, list: readonly number[]): number {
  out[at] = list.length
  for (let i = 0; i < list.length; i += 1) out[at + 1 + i] = list[i] as number
  return at + 1 + list.length
}

/**
 * Writes one partition at `at` and returns where the next one starts. The layout: index,
 * leader, leaderEpoch, partitionEpoch, highWatermark, minIsr, flags (unclean election, internal
 * topic), leader recovery state; then replicas, isr, elr and lastKnownElr, each as its length
 * and its ids; then the number of replica states and six numbers each: broker, logEndOffset,
 * highWatermark, flags (online, has lastCaughtUpMs), lag, lastCaughtUpMs (0 when absent).
 */
function packPartition(out: Float64Array, at: number, index: number, view: PartitionView): number {
  out[at] = index
  out[at + 1] = view.leader
  out[at + 2] = view.leaderEpoch
  out[at + 3] = view.partitionEpoch
  out[at + 4] = view.highWatermark
  out[at + 5] = view.minIsr
  out[at + 6] =
    (view.uncleanLeaderElectionEnable ? FLAG_UNCLEAN : 0) |
    (view.internal === true ? FLAG_INTERNAL : 0)
  out[at + 7] = RECOVERY_STATES.indexOf(view.leaderRecoveryState)
  let next = packList(out, at + 8, view.replicas)
  next = packList(out, next, view.isr)
  next = packList(out, next, view.elr)
  next = packList(out, next, view.lastKnownElr)
  out[next] = view.replicaStates.length
  next += 1
  for (const replica of view.replicaStates) {
    out[next] = replica.broker
    out[next + 1] = replica.logEndOffset
    out[next + 2] = replica.highWatermark
    out[next + 3] =
      (replica.online ? REPLICA_ONLINE : 0) |
      (replica.lastCaughtUpMs !== undefined ? REPLICA_CAUGHT_UP : 0)
    out[next + 4] = replica.lag
    out[next + 5] = replica.lastCaughtUpMs ?? 0
    next += 6
  }
  return next
}

/** Reads packed partitions back; `names` gives each index's topic and partition number. */
class Unpacker {
  private at = 0
  constructor(private readonly packed: ArrayLike<number>) {}

  private num(): number {
    const value = this.packed[this.at]
    this.at += 1
    if (value === undefined) throw new Error('snapshot patch is cut short')
    return value
  }

  private list(): number[] {
    const length = this.num()
    const list = new Array<number>(length)
    for (let i = 0; i < length; i += 1) list[i] = this.num()
    return list
  }

  /** The next partition's index and view; the key order is the engine's (snapshot.ts). */
  next(names: (index: number) => PartitionView): [number, PartitionView] {
    const index = this.num()
    const name = names(index)
    const leader = this.num()
    const leaderEpoch = this.num()
    const partitionEpoch = this.num()
    const highWatermark = this.num()
    const minIsr = this.num()
    const flags = this.num()
    const recovery = RECOVERY_STATES[this.num()]
    if (recovery === undefined) throw new Error('snapshot patch has an unknown recovery state')
    const replicas = this.list()
    const isr = this.list()
    const elr = this.list()
    const lastKnownElr = this.list()
    const states = this.num()
    const replicaStates: ReplicaView[] = []
    for (let i = 0; i < states; i += 1) {
      const broker = this.num()
      const logEndOffset = this.num()
      const replicaHw = this.num()
      const replicaFlags = this.num()
      const lag = this.num()
      const caughtUp = this.num()
      const view: ReplicaView = {
        broker,
        logEndOffset,
        highWatermark: replicaHw,
        online: (replicaFlags & REPLICA_ONLINE) !== 0,
        lag,
      }
      if ((replicaFlags & REPLICA_CAUGHT_UP) !== 0) view.lastCaughtUpMs = caughtUp
      replicaStates.push(view)
    }
    const view: PartitionView = {
      topic: name.topic,
      partition: name.partition,
      replicas,
      leader,
      leaderEpoch,
      partitionEpoch,
      isr,
      elr,
      lastKnownElr,
      leaderRecoveryState: recovery,
      highWatermark,
      minIsr,
      uncleanLeaderElectionEnable: (flags & FLAG_UNCLEAN) !== 0,
      ...((flags & FLAG_INTERNAL) !== 0 ? { internal: true as const } : {}),
      replicaStates,
    }
    return [index, view]
  }
}

/** A patch and the snapshot its receiver holds once it has applied it. */
export interface SnapshotDiff {
  patch: SnapshotPatch
  /**
   * `next` with the unchanged partitions kept from `previous` (by identity): the receiver's
   * copy, which is what the next diff must compare with, since `samePartition` lets a follower's
   * `lastCaughtUpMs` lag a little.
   */
  sent: Snapshot
}

/**
 * The patch from `previous` (what the receiver holds) to `next`, or null when the partition
 * list changed shape (another length, or another partition at some index).
 */
export function diffSnapshot(previous: Snapshot, next: Snapshot): SnapshotDiff | null {
  if (previous.partitions.length !== next.partitions.length) return null
  const { partitions, ...base } = next
  const changed: number[] = []
  const kept = previous.partitions.slice()
  let length = 0
  for (let i = 0; i < partitions.length; i += 1) {
    const p = partitions[i] as PartitionView
    const before = previous.partitions[i] as PartitionView
    if (before.topic !== p.topic || before.partition !== p.partition) return null
    if (!samePartition(before, p, next.nowMs)) {
      changed.push(i)
      kept[i] = p
      length += packedLength(p)
    }
  }
  const packed = new Float64Array(length)
  let at = 0
  for (const index of changed)
    at = packPartition(packed, at, index, partitions[index] as PartitionView)
  return {
    patch: { base, partitionCount: partitions.length, changedCount: changed.length, packed },
    sent: { ...next, partitions: kept },
  }
}

/** The changed partitions of a patch, by index, as views (names taken from `previous`). */
export function patchedPartitions(
  previous: Snapshot,
  patch: SnapshotPatch,
): [number, PartitionView][] {
  const unpacker = new Unpacker(patch.packed)
  const names = (index: number): PartitionView => {
    const view = previous.partitions[index]
    if (view === undefined) throw new Error('snapshot patch does not fit the previous snapshot')
    return view
  }
  const out: [number, PartitionView][] = []
  for (let i = 0; i < patch.changedCount; i += 1) out.push(unpacker.next(names))
  return out
}

/** Rebuilds a snapshot from the previous one and a patch, keeping unchanged partition objects. */
export function applyPatch(previous: Snapshot, patch: SnapshotPatch): Snapshot {
  if (previous.partitions.length !== patch.partitionCount) {
    throw new Error('snapshot patch does not fit the previous snapshot')
  }
  const partitions = previous.partitions.slice()
  for (const [index, view] of patchedPartitions(previous, patch)) partitions[index] = view
  return { ...patch.base, partitions }
}

/** A patch as JSON text: the packed numbers as a plain array (a typed array is not JSON). */
export function patchJson(patch: SnapshotPatch): string {
  return JSON.stringify({ ...patch, packed: Array.from(patch.packed) })
}
