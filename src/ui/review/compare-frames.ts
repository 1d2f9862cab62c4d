/**
 * Reading the frames of a design comparison (host/compare.ts `FrameTrack`): frame k rebuilt from
 * frame 0 and the patches after it, each parsed from its JSON only when first needed, with a
 * rebuilt frame kept every KEY_EVERY frames so scrubbing back never replays a whole run; the frame showing a moment; what a frame shows, in words; and
 * the moment worth showing first (where the two runs differ most).
 */
import type { Snapshot } from '../../engine/types'
import type { DesignComparison, FrameTrack } from '../../host/compare'
import { applyPatch, type SnapshotPatch } from '../../host/snapshot-patch'

const KEY_EVERY = 16

export interface FrameReader {
  count: number
  timeAt: (index: number) => number
  /** The last frame at or before `atMs`. */
  indexAt: (atMs: number) => number
  at: (index: number) => Snapshot
}

/**
 * @example
 * const reader = frameReader(comparison.frames.a)
 * const snapshot = reader.at(reader.indexAt(45_000))
 */
export function frameReader(track: FrameTrack): FrameReader {
  const count = track.times.length
  const first = JSON.parse(track.first) as Snapshot
  const keys = new Map<number, Snapshot>([[0, first]])
  let lastIndex = 0
  let last = first
  const clamp = (index: number) => Math.max(0, Math.min(count - 1, Math.floor(index)))
  const patch = (k: number) => JSON.parse(track.patches[k - 1]!) as SnapshotPatch
  return {
    count,
    timeAt: (index) => track.times[clamp(index)] ?? 0,
    indexAt(atMs) {
      let lo = 0
      let hi = count - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1
        if ((track.times[mid] ?? 0) <= atMs) lo = mid
        else hi = mid - 1
      }
      return lo
    },
    at(index) {
      const target = clamp(index)
      if (target === lastIndex) return last
      let from = target > lastIndex ? lastIndex : Math.floor(target / KEY_EVERY) * KEY_EVERY
      let snapshot = from === lastIndex ? last : keys.get(from)!
      while (from < target) {
        from += 1
        snapshot = applyPatch(snapshot, patch(from))
        if (from % KEY_EVERY === 0) keys.set(from, snapshot)
      }
      lastIndex = target
      last = snapshot
      return snapshot
    },
  }
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * What a frame shows, for people and screen readers: brokers down, stopped zones, partitions
 * offline and under min.insync.replicas (Kafka's internal topics left out).
 *
 * @example
 * frameSummary(snapshot) // "2 of 6 brokers down (zone use1-az1 stopped); 1 partition offline, 2 under min.insync.replicas"
 */
export function frameSummary(snapshot: Snapshot): string {
  const down = snapshot.brokers.filter((b) => b.status === 'offline' || b.fenced).length
  const stopped = snapshot.zones.filter((z) => z.stopped).map((z) => z.name)
  const partitions = snapshot.partitions.filter((p) => p.internal !== true)
  const offline = partitions.filter((p) => p.leader < 0).length
  const underMinIsr = partitions.filter((p) => p.leader >= 0 && p.isr.length < p.minIsr).length
  const brokers =
    down === 0
      ? `all ${count(snapshot.brokers.length, 'broker')} up`
      : `${down} of ${count(snapshot.brokers.length, 'broker')} down`
  const zones =
    stopped.length === 0
      ? ''
      : ` (${stopped.length === 1 ? 'zone' : 'zones'} ${stopped.join(', ')} stopped)`
  const health =
    offline === 0 && underMinIsr === 0
      ? `every partition has a leader and enough in-sync replicas`
      : `${count(offline, 'partition')} offline, ${underMinIsr} under min.insync.replicas`
  return `${brokers}${zones}; ${health}`
}

/**
 * The moment to show first: where the two runs' offline plus under-min-ISR partition counts
 * differ most (the earliest such sample), else where they are highest, else the end.
 */
export function firstMomentMs(comparison: DesignComparison): number {
  const trouble = (s: { OfflinePartitionsCount: number; UnderMinIsrPartitionCount: number }) =>
    s.OfflinePartitionsCount + s.UnderMinIsrPartitionCount
  const b = new Map(comparison.b.series.map((s) => [s.atMs, trouble(s)]))
  let best = { atMs: comparison.durationMs, differ: 0, total: 0 }
  for (const sample of comparison.a.series) {
    const ta = trouble(sample)
    const tb = b.get(sample.atMs) ?? 0
    const differ = Math.abs(ta - tb)
    if (differ > best.differ || (best.differ === 0 && differ === 0 && ta + tb > best.total)) {
      best = { atMs: sample.atMs, differ, total: ta + tb }
    }
  }
  return best.atMs
}
