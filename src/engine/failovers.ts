/**
 * A record of every failover, as the clients felt it (the run report's `failovers`,
 * docs/cli.md). Each fault opens a watch over the partitions it touched — those whose leader or
 * an in-sync replica was on a broker the fault hit, in topics some producer writes — and every
 * acknowledgement on a watched partition is noted until each has acknowledged a write again. A
 * rolling restart or upgrade opens one watch per broker step, when that broker is stopped.
 * The rest of a record (detection, elections, failed and retried records) is read from the
 * event log when the report is built.
 */
import { partitionAt, type Ctx } from './context'
import { asPartitionIndex } from './ids'
import type { TimedFault } from './spec'
import type { FailoverWatch } from './state'
import type { ElectionKind, SimEvent } from './types'

/** Broker ids a fault hits directly (none for controller faults and admin elections). */
function brokersHit(ctx: Ctx, fault: TimedFault): number[] {
  switch (fault.type) {
    case 'crashBroker':
    case 'shutdownBroker':
    case 'isolateBroker':
    case 'slowBroker':
    case 'startBroker':
    case 'healBroker':
    case 'unslowBroker':
    case 'replaceVolume':
      return [fault.broker]
    case 'stopZone':
    case 'startZone':
    case 'isolateZone':
    case 'healZone': {
      const z = ctx.zoneIndex.get(fault.zone)
      return ctx.s.brokers.filter((b) => b.zone === z).map((b) => b.id)
    }
    default:
      return []
  }
}

function newWatch(
  ctx: Ctx,
  fault: TimedFault | null,
  brokers: number[],
  step: number,
): FailoverWatch {
  const s = ctx.s
  const slot = new Array<number>(s.partitions.length).fill(-1)
  const partitions: number[] = []
  const hit = new Set(brokers)
  const produced = new Set(s.producers.map((producer) => producer.topic))
  s.partitions.forEach((part, p) => {
    if (!produced.has(part.topic)) return
    const touched =
      (part.leaderId >= 0 && hit.has(part.leaderId)) || part.isr.some((r) => hit.has(r))
    if (!touched) return
    slot[p] = partitions.length
    partitions.push(p)
  })
  return {
    fault,
    step,
    atMs: s.nowMs,
    brokers,
    slot,
    partitions,
    firstAckMs: partitions.map(() => -1),
    stallMs: partitions.map(() => -1),
    lostAtStart: partitions.map((p) => partitionAt(ctx, asPartitionIndex(p)).lostRecords),
    pending: partitions.length,
    recoveredAtMs: -1,
  }
}

/** A fault was applied: open its record (faults.ts applyFault). */
export function openFailover(ctx: Ctx, fault: TimedFault): void {
  const s = ctx.s
  const watch = newWatch(ctx, fault, brokersHit(ctx, fault), -1)
  s.failoverRevision += 1
  s.failovers.push(watch)
  if (watch.pending > 0) s.openFailovers.push(s.failovers.length - 1)
}

/** A rolling restart or upgrade stops broker `brokerId`: one step of its record. */
export function openFailoverStep(ctx: Ctx, brokerId: number): void {
  const s = ctx.s
  // The step belongs to the latest rolling fault's record.
  let parent = -1
  for (let i = s.failovers.length - 1; i >= 0; i--) {
    const f = (s.failovers[i] as FailoverWatch).fault
    if (f !== null && (f.type === 'rollingRestart' || f.type === 'upgradeCluster')) {
      parent = i
      break
    }
  }
  if (parent < 0) return
  const watch = newWatch(ctx, null, [brokerId], parent)
  s.failoverRevision += 1
  s.failovers.push(watch)
  if (watch.pending > 0) s.openFailovers.push(s.failovers.length - 1)
}

/**
 * How long a recovered record keeps listening: a record that waited through the stall may be
 * acknowledged after the partition's first acknowledgement (a retry, a batch behind it), up to
 * the default delivery.timeout.ms later.
 */
const LISTEN_AFTER_RECOVERY_MS = 120000

/**
 * An acknowledgement on partition `p` now, of a request whose oldest batch was created at
 * `createdAtMs`. The first one after a fault ends that partition's stall; later ones of
 * batches created before it (retried, or queued behind it) can only lengthen the stall.
 */
export function noteFailoverAck(ctx: Ctx, p: number, createdAtMs: number): void {
  const s = ctx.s
  const now = s.nowMs
  let expired = false
  const open = s.openFailovers
  for (let n = 0; n < open.length; n++) {
    const w = open[n] as number
    const watch = s.failovers[w] as FailoverWatch
    if (watch.recoveredAtMs >= 0 && now > watch.recoveredAtMs + LISTEN_AFTER_RECOVERY_MS) {
      expired = true
      continue
    }
    const k = watch.slot[p] as number
    if (k < 0 || now <= watch.atMs) continue
    const first = watch.firstAckMs[k] as number
    if (first < 0) {
      s.failoverRevision += 1
      watch.firstAckMs[k] = now
      watch.stallMs[k] = now - createdAtMs
      watch.pending -= 1
      if (watch.pending === 0) watch.recoveredAtMs = now
    } else if (createdAtMs <= first && now - createdAtMs > (watch.stallMs[k] as number)) {
      s.failoverRevision += 1
      watch.stallMs[k] = now - createdAtMs
    }
  }
  if (expired)
    s.openFailovers = s.openFailovers.filter((w) => {
      const watch = s.failovers[w] as FailoverWatch
      return watch.recoveredAtMs < 0 || now <= watch.recoveredAtMs + LISTEN_AFTER_RECOVERY_MS
    })
}

// ---------------------------------------------------------------------------------------------
// The report's records
// ---------------------------------------------------------------------------------------------

export interface FailoverPartition {
  topic: string
  partition: number
  /** Send → first acknowledgement after the fault of the oldest record then waiting; null: none. */
  stallMs: number | null
  /** The last election on the partition in the failover's window, or null. */
  election: ElectionKind | null
}

export interface FailoverStep {
  broker: number
  atMs: number
  recoveredAtMs: number | null
  maxProduceStallMs: number | null
}

export interface FailoverRecord {
  fault: TimedFault
  atMs: number
  detectedAtMs: number | null
  leadersMovedAtMs: number | null
  recoveredAtMs: number | null
  maxProduceStallMs: number | null
  failedRecords: number
  retriedRecords: number
  lostAckedRecords: number
  elections: { clean: number; unclean: number; elr: number }
  partitions: FailoverPartition[]
  steps?: FailoverStep[]
}

interface FailoverSource {
  watches: readonly FailoverWatch[]
  events: readonly SimEvent[]
  partitionName: (p: number) => { topic: string; partition: number }
  lostRecords: (p: number) => number
  nowMs: number
}

/** The index of the first event at or after `atMs` (the log is in time order). */
export function firstEventAt(events: readonly SimEvent[], atMs: number): number {
  let lo = 0
  let hi = events.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((events[mid] as SimEvent).atMs < atMs) lo = mid + 1
    else hi = mid
  }
  return lo
}

function maxOrNull(values: number[]): number | null {
  return values.length === 0 ? null : Math.max(...values)
}

interface Window {
  from: number
  to: number
  brokers: Set<number>
  partitions: Map<string, number>
}

function windowOf(src: FailoverSource, w: FailoverWatch): Window {
  const partitions = new Map<string, number>()
  w.partitions.forEach((p, k) => {
    const { topic, partition } = src.partitionName(p)
    partitions.set(`${topic}\u0000${partition}`, k)
  })
  return {
    from: w.atMs,
    to: w.recoveredAtMs >= 0 ? w.recoveredAtMs : src.nowMs,
    brokers: new Set(w.brokers),
    partitions,
  }
}

function key(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`
}

/** The run report's `failovers` so far, from the watches and the event log. */
export function failoverRecords(ctx: Ctx): FailoverRecord[] {
  const s = ctx.s
  return recordsFrom({
    watches: s.failovers,
    events: s.events,
    partitionName: (p) => {
      const part = partitionAt(ctx, asPartitionIndex(p))
      return {
        topic: (ctx.spec.topics[part.topic] as { name: string }).name,
        partition: part.partition,
      }
    },
    lostRecords: (p) => partitionAt(ctx, asPartitionIndex(p)).lostRecords,
    nowMs: s.nowMs,
  })
}

/**
 * A group member's crash: detected when the coordinator removes it (its session expired),
 * recovered when the rebalance that follows has handed out every partition again (the last
 * member's SyncGroup answer of that generation). Nulls when it never happened (a producer, a
 * consumer without a group, or a member back before its session expired).
 */
function memberCrashTimes(
  events: readonly SimEvent[],
  fault: Extract<TimedFault, { type: 'crashClient' }>,
  from: number,
): { detectedAtMs: number | null; recoveredAtMs: number | null } {
  const member = fault.member ?? 0
  let detectedAtMs: number | null = null
  let group: string | null = null
  let generation = -1
  let recoveredAtMs: number | null = null
  for (let n = firstEventAt(events, from); n < events.length; n++) {
    const e = events[n] as SimEvent
    if (detectedAtMs === null) {
      if (e.type === 'GroupMemberRemoved' && e.client === fault.client && e.member === member) {
        detectedAtMs = e.atMs
        group = e.group
      }
    } else if (e.type === 'GroupRebalanced' && e.group === group && generation < 0) {
      generation = e.generation
    } else if (
      e.type === 'GroupAssignmentReceived' &&
      e.group === group &&
      e.generation === generation
    ) {
      recoveredAtMs = e.atMs
    } else if (e.type === 'GroupRebalanced' && e.group === group) break
  }
  return { detectedAtMs, recoveredAtMs }
}

function recordsFrom(src: FailoverSource): FailoverRecord[] {
  const out: FailoverRecord[] = []
  src.watches.forEach((w, i) => {
    if (w.fault === null) return
    const steps = src.watches.filter((step) => step.step === i)
    const parts = steps.length > 0 ? steps : [w]
    const windows = parts.map((part) => ({ part, win: windowOf(src, part) }))
    const from = w.atMs
    const recovered = parts.every((part) => part.recoveredAtMs >= 0 || part.partitions.length === 0)
    const to = recovered ? Math.max(from, ...parts.map((part) => part.recoveredAtMs)) : src.nowMs
    let detectedAtMs: number | null = null
    let leadersMovedAtMs: number | null = null
    let failedRecords = 0
    let retriedRecords = 0
    const elections = { clean: 0, unclean: 0, elr: 0 }
    const lastElection = new Map<string, ElectionKind>()
    const touched = (topic: string, partition: number) =>
      windows.some(({ win }) => win.partitions.has(key(topic, partition)))
    for (let n = firstEventAt(src.events, from); n < src.events.length; n++) {
      const e = src.events[n] as SimEvent
      if (e.atMs > to) break
      switch (e.type) {
        case 'BrokerFenced':
        case 'BrokerSessionExpired':
        case 'ControlledShutdownRequested':
          if (detectedAtMs === null && windows.some(({ win }) => win.brokers.has(e.broker)))
            detectedAtMs = e.atMs
          break
        case 'LeaderElected':
          if (!touched(e.topic, e.partition)) break
          leadersMovedAtMs = e.atMs
          lastElection.set(key(e.topic, e.partition), e.election)
          if (e.fromElr === true) elections.elr += 1
          else if (e.unclean) elections.unclean += 1
          else elections.clean += 1
          break
        case 'ProduceFailed':
          if (!touched(e.topic, e.partition)) break
          if (e.retriable) retriedRecords += e.records
          else failedRecords += e.records
          break
        case 'RecordsExpired':
          if (e.partition < 0 || touched(e.topic, e.partition)) failedRecords += e.records
          break
        default:
          break
      }
    }
    // One entry per partition, the longest stall over the steps.
    const partitions = new Map<string, FailoverPartition>()
    let lostAckedRecords = 0
    for (const { part } of windows) {
      part.partitions.forEach((p, k) => {
        const { topic, partition } = src.partitionName(p)
        const stall = part.stallMs[k] as number
        lostAckedRecords += src.lostRecords(p) - (part.lostAtStart[k] as number)
        const entry = partitions.get(key(topic, partition))
        const stallMs = stall >= 0 ? stall : null
        if (entry === undefined) {
          partitions.set(key(topic, partition), {
            topic,
            partition,
            stallMs,
            election: lastElection.get(key(topic, partition)) ?? null,
          })
        } else if (stallMs === null || (entry.stallMs !== null && stallMs > entry.stallMs)) {
          entry.stallMs = stallMs
        }
      })
    }
    const list = [...partitions.values()].sort((a, b) =>
      a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
    )
    const stalls = list.map((p) => p.stallMs).filter((v): v is number => v !== null)
    let recoveredAtMs = recovered && list.length > 0 ? to : null
    if (w.fault.type === 'crashClient') {
      const member = memberCrashTimes(src.events, w.fault, from)
      detectedAtMs = member.detectedAtMs
      recoveredAtMs = member.recoveredAtMs
    }
    const record: FailoverRecord = {
      fault: w.fault,
      atMs: w.atMs,
      detectedAtMs,
      leadersMovedAtMs,
      recoveredAtMs,
      maxProduceStallMs: maxOrNull(stalls),
      failedRecords,
      retriedRecords,
      lostAckedRecords,
      elections,
      partitions: list,
    }
    if (steps.length > 0) {
      record.steps = steps.map((step) => ({
        broker: step.brokers[0] as number,
        atMs: step.atMs,
        recoveredAtMs: step.recoveredAtMs >= 0 ? step.recoveredAtMs : null,
        maxProduceStallMs: maxOrNull(step.stallMs.filter((v) => v >= 0)),
      }))
    }
    out.push(record)
  })
  return out
}
