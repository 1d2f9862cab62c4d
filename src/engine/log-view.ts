/**
 * The log picture of one partition, as plain data: each replica's log (its batches and their
 * leader epochs, clipped to a window of recent offsets), log end offset and high watermark, the
 * tails replicas cut off (ReplicaTruncated events), acknowledged records no longer in the
 * leader's log, and the consumers' positions. Read-only and computed only when asked for
 * (`Simulation.partitionLog`): nothing here runs on the simulation's hot path, and nothing in the
 * state is written.
 *
 * Kafka's vocabulary (core/src/main/scala/kafka/cluster/Partition.scala, UnifiedLog): the log end
 * offset (LEO) is the offset the next record gets; the high watermark (HW) is the first offset not
 * yet replicated to every ISR member, so records in [HW, leader LEO) are not committed and a
 * consumer reads only below the HW. A follower that finds its log diverging from the new leader's
 * (KIP-101/KIP-279 epoch validation) truncates its tail; after an unclean election
 * (`unclean.leader.election.enable`) that tail can hold acknowledged records.
 */
import { brokerAt, consumerSpecOf, replicaAt, type Ctx } from './context'
import { memberPartitions } from './consumer-groups'
import { asReplicaSlot } from './ids'
import { batchIndexAtOrAfter, type Batch, type ReplicaLog } from './log'
import { serving } from './network'
import type { PartitionState } from './state'
import type { SimEvent } from './types'

/** A batch, or the part of one inside the window. */
export interface LogViewBatch {
  baseOffset: number
  count: number
  /** Leader epoch in which the batch was appended. */
  epoch: number
}

/** A replica cut its tail: its LEO went from `fromOffset` down to `toOffset` at `atMs`. */
export interface LogViewTruncation {
  fromOffset: number
  toOffset: number
  atMs: number
}

export interface ReplicaLogView {
  broker: number
  /** The hosting broker is up and serving. */
  online: boolean
  /** In the ISR of the controller's registration. */
  inIsr: boolean
  /** The offset of the first record this replica still holds (its LEO when empty). */
  logStartOffset: number
  logEndOffset: number
  /** The high watermark as this replica knows it. */
  highWatermark: number
  /** The batches inside the window, clipped to it, in offset order. */
  batches: LogViewBatch[]
  /** The last few truncations of this replica, oldest first. */
  truncated: LogViewTruncation[]
}

export interface PartitionLogView {
  topic: string
  partition: number
  /** Broker id of the leader, -1 when there is none. */
  leader: number
  leaderEpoch: number
  /** The leader's high watermark (with no leader: the highest any replica knows). */
  highWatermark: number
  replicas: ReplicaLogView[]
  /** Alive consumers reading the partition, by client.id, and their fetch positions. */
  consumers: { id: string; position: number }[]
  /**
   * Acknowledged batches absent from the current leader's log (the durability accounting's lost
   * records), clipped to the window; `lostAckedRecords` counts all of them, inside it or not.
   */
  lostAcked: { baseOffset: number; count: number }[]
  lostAckedRecords: number
  /** The offsets shown: [from, to). */
  window: { from: number; to: number }
}

export interface LogWindowOptions {
  /** The window covers at least this many offsets (default 60). */
  minOffsets?: number
  /** …and at least the last this many batches of the longest log (default 24). */
  batches?: number
  /** It stretches down to the HW, ISR members' LEOs and the latest truncation, up to this many times its size (default 8). */
  maxStretch?: number
  /** Truncations kept per replica (default 3). */
  truncations?: number
}

/**
 * The ReplicaTruncated events seen so far, by partition and broker, so a view scans each event
 * once however often it is asked for (the event log only grows within one simulation).
 */
export interface TruncationIndex {
  scanned: number
  byReplica: Map<string, LogViewTruncation[]>
}

export function createTruncationIndex(): TruncationIndex {
  return { scanned: 0, byReplica: new Map() }
}

function replicaKey(topic: string, partition: number, broker: number): string {
  return `${topic}\u0000${partition}\u0000${broker}`
}

/** Adds the events from `index.scanned` on; keeps at most `keep` truncations per replica. */
export function updateTruncationIndex(
  index: TruncationIndex,
  events: readonly SimEvent[],
  keep = 3,
): TruncationIndex {
  if (events.length < index.scanned) {
    index.scanned = 0
    index.byReplica.clear()
  }
  for (let i = index.scanned; i < events.length; i++) {
    const event = events[i] as SimEvent
    if (event.type !== 'ReplicaTruncated') continue
    const key = replicaKey(event.topic, event.partition, event.broker)
    const list = index.byReplica.get(key) ?? []
    list.push({ fromOffset: event.fromOffset, toOffset: event.toOffset, atMs: event.atMs })
    if (list.length > keep) list.splice(0, list.length - keep)
    index.byReplica.set(key, list)
  }
  index.scanned = events.length
  return index
}

function clip(b: Batch, from: number, to: number): LogViewBatch | null {
  const start = Math.max(b.baseOffset, from)
  const end = Math.min(b.baseOffset + b.count, to)
  return end > start ? { baseOffset: start, count: end - start, epoch: b.epoch } : null
}

function batchesIn(log: ReplicaLog, from: number, to: number): LogViewBatch[] {
  const out: LogViewBatch[] = []
  const batches = log.batches
  // The first batch that may reach into the window: the one before the first starting in it.
  let i = Math.max(0, batchIndexAtOrAfter(log, from) - 1)
  for (; i < batches.length; i++) {
    const b = batches[i] as Batch
    if (b.baseOffset >= to) break
    const part = clip(b, from, to)
    if (part !== null) out.push(part)
  }
  return out
}

/** Offsets spanned by the last `n` batches of `log`. */
function recentSpan(log: ReplicaLog, n: number): number {
  const first = log.batches[Math.max(0, log.batches.length - n)]
  return first === undefined ? 0 : log.logEndOffset - first.baseOffset
}

function logWindow(
  part: PartitionState,
  leaderRs: ReplicaLog | null,
  highWatermark: number,
  truncatedOf: (broker: number) => LogViewTruncation[],
  options: LogWindowOptions,
  online: (slot: number) => boolean,
): { from: number; to: number } {
  let longest: ReplicaLog | null = null
  for (const rs of part.replicaStates)
    if (longest === null || rs.log.logEndOffset > longest.logEndOffset) longest = rs.log
  const anchor = leaderRs ?? longest
  if (anchor === null) return { from: 0, to: 0 }
  let to = anchor.logEndOffset
  let lowest = highWatermark
  let latest: LogViewTruncation | null = null
  for (let slot = 0; slot < part.replicaStates.length; slot++) {
    const log = replicaAt(part, asReplicaSlot(slot)).log
    const broker = part.replicas[slot] as number
    if (online(slot)) to = Math.max(to, log.logEndOffset)
    if (part.isr.includes(broker)) lowest = Math.min(lowest, log.logEndOffset)
    const last = truncatedOf(broker).at(-1)
    if (last !== undefined && (latest === null || last.atMs > latest.atMs)) latest = last
  }
  const span = Math.max(options.minOffsets ?? 60, recentSpan(anchor, options.batches ?? 24))
  // A recent cut-off tail close to the end is part of the picture too.
  if (latest !== null && latest.toOffset >= to - 2 * span) {
    lowest = Math.min(lowest, latest.toOffset)
    to = Math.max(to, Math.min(latest.fromOffset, to + span))
  }
  let from = Math.max(0, to - span)
  if (lowest < from) from = Math.max(0, to - span * (options.maxStretch ?? 8), lowest)
  return { from, to }
}

/**
 * Acknowledged batches not in the leader's log, clipped to the window. After an unclean election
 * the offsets are reused, so acknowledgements are not in offset order: the scan reads the newest
 * `LOST_SCAN_MAX` of them (the window is the recent past; older ones are counted, not drawn).
 */
const LOST_SCAN_MAX = 20_000

function lostInWindow(
  part: PartitionState,
  leaderLog: ReplicaLog | null,
  from: number,
  to: number,
): { baseOffset: number; count: number }[] {
  if (part.lostRecords === 0 || leaderLog === null) return []
  const out: { baseOffset: number; count: number }[] = []
  const stop = Math.max(0, part.acked.length - LOST_SCAN_MAX)
  for (let i = part.acked.length - 1; i >= stop; i--) {
    const acked = part.acked[i] as Batch
    if (acked.baseOffset + acked.count <= from || acked.baseOffset >= to) continue
    const at = leaderLog.batches[batchIndexAtOrAfter(leaderLog, acked.baseOffset)]
    const present =
      at !== undefined &&
      at.baseOffset === acked.baseOffset &&
      (at === acked || (at.producer === acked.producer && at.baseSequence === acked.baseSequence))
    if (present) continue
    const start = Math.max(acked.baseOffset, from)
    const end = Math.min(acked.baseOffset + acked.count, to)
    out.push({ baseOffset: start, count: end - start })
  }
  out.sort((a, b) => a.baseOffset - b.baseOffset)
  // Adjacent or overlapping ranges as one.
  const merged: { baseOffset: number; count: number }[] = []
  for (const range of out) {
    const last = merged[merged.length - 1]
    if (last !== undefined && range.baseOffset <= last.baseOffset + last.count) {
      const end = Math.max(last.baseOffset + last.count, range.baseOffset + range.count)
      last.count = end - last.baseOffset
    } else merged.push({ ...range })
  }
  return merged
}

function consumerPositions(
  ctx: Ctx,
  topicIndex: number,
  local: number,
): { id: string; position: number }[] {
  const out: { id: string; position: number }[] = []
  for (const consumer of ctx.s.consumers) {
    if (consumer.topic !== topicIndex || !consumer.alive) continue
    // A group member reads only what it is assigned while stable; a standalone one everything.
    const assigned = memberPartitions(consumer)
    if (assigned !== null && !assigned.includes(local)) continue
    const position = consumer.positions[local]
    if (position === undefined || position < 0) continue
    out.push({ id: consumerSpecOf(ctx, consumer).clientId, position })
  }
  return out
}

/**
 * The log picture of partition `partition` of `topic`, or null when there is no such partition.
 * `truncations` is the index of ReplicaTruncated events (kept up to date by the caller).
 * @example
 * const view = partitionLogView(ctx, 'orders', 0, updateTruncationIndex(index, ctx.s.events))
 */
export function partitionLogView(
  ctx: Ctx,
  topic: string,
  partition: number,
  truncations: TruncationIndex,
  options: LogWindowOptions = {},
): PartitionLogView | null {
  const s = ctx.s
  const topicIndex = ctx.spec.topics.findIndex((t) => t.name === topic)
  if (topicIndex < 0) return null
  const topicSpec = ctx.spec.topics[topicIndex] as { partitions: number }
  if (!Number.isInteger(partition) || partition < 0 || partition >= topicSpec.partitions)
    return null
  const part = s.partitions[(s.topicFirstPartition[topicIndex] as number) + partition]
  if (part === undefined) return null
  const keep = options.truncations ?? 3
  const truncatedOf = (broker: number) =>
    (truncations.byReplica.get(replicaKey(topic, partition, broker)) ?? []).slice(-keep)

  const leaderSlot = part.replicas.indexOf(part.leaderId)
  const leaderRs = leaderSlot >= 0 ? replicaAt(part, asReplicaSlot(leaderSlot)) : null
  const highWatermark =
    leaderRs?.highWatermark ?? Math.max(0, ...part.replicaStates.map((r) => r.highWatermark))

  // The window ends at the leader's LEO (the furthest LEO when there is no leader), or at an
  // online follower's LEO beyond it (a diverging tail not yet truncated); an offline replica's
  // longer log runs off its right edge. It covers the leader's recent batches, stretched down to
  // the HW and every ISR member's LEO (a replica fetching behind), within `maxStretch`.
  const window = logWindow(part, leaderRs, highWatermark, truncatedOf, options, (slot) =>
    serving(brokerAt(ctx, replicaAt(part, asReplicaSlot(slot)).brokerIndex)),
  )
  const { from, to } = window

  const replicas: ReplicaLogView[] = part.replicaStates.map((rs, slot) => {
    const broker = part.replicas[slot] as number
    const first = rs.log.batches[0]
    return {
      broker,
      online: serving(brokerAt(ctx, rs.brokerIndex)),
      inIsr: part.isr.includes(broker),
      logStartOffset: first === undefined ? rs.log.logEndOffset : first.baseOffset,
      logEndOffset: rs.log.logEndOffset,
      highWatermark: rs.highWatermark,
      batches: batchesIn(rs.log, from, to),
      truncated: truncatedOf(broker),
    }
  })
  return {
    topic,
    partition,
    leader: part.leaderId,
    leaderEpoch: part.leaderEpoch,
    highWatermark,
    replicas,
    consumers: consumerPositions(ctx, topicIndex, partition),
    lostAcked: lostInWindow(part, leaderRs === null ? null : leaderRs.log, from, to),
    lostAckedRecords: part.lostRecords,
    window,
  }
}
