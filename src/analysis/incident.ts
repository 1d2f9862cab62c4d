/**
 * The story of each failure as data: one incident per failover record (the run report's
 * `failovers`, src/engine/failovers.ts), with the moments that made it — the fault, its
 * detection (the controller fencing the broker after `broker.session.timeout.ms`, KIP-631; a
 * ZooKeeper session expiring; a controlled shutdown), ISR shrinks, elections by kind, partitions
 * going offline, rolling-restart steps and the first acknowledged write on every partition it
 * touched — read from the event log, and a recap of what the clients felt.
 *
 * Everything here is kinds and parameters, never prose, so the words can be chosen (and
 * translated) by the view: `src/ui/incident-text.ts` renders the English.
 *
 * Simplification: a mark's partitions are the ones the failover record watched (those with a
 * producer, whose leader or an in-sync replica was on a broker the fault hit), as the engine's
 * record counts them; events on other partitions in the same window are not the incident's.
 */
import { type FailoverRecord, firstEventAt } from '../engine/failovers'
import type { TimedFault } from '../engine/spec'
import type { ElectionKind, SimEvent } from '../engine/types'

export type IncidentMarkKind =
  | 'fault'
  | 'step'
  | 'detected'
  | 'offline'
  | 'isrShrunk'
  | 'elected'
  | 'controllerElected'
  | 'recovered'

/** The three classes the failover record counts elections in. */
export type ElectionClass = 'clean' | 'unclean' | 'elr'

/** The event by which the cluster noticed the fault. */
export type DetectionCause =
  'BrokerFenced' | 'BrokerSessionExpired' | 'ControlledShutdownRequested' | 'GroupMemberRemoved'

export interface IncidentMark {
  atMs: number
  kind: IncidentMarkKind
  /**
   * fault and step: the brokers hit; detected: the brokers fenced, expired or shut down;
   * isrShrunk: the replicas removed; elected: the new leaders. Sorted, distinct.
   */
  brokers: number[]
  /** "orders-0" names, sorted by topic then partition. */
  partitions: string[]
  /** elected: Kafka's election kind (ONLINE, PREFERRED, UNCLEAN, CONTROLLED_SHUTDOWN, REASSIGN). */
  electionKind: ElectionKind | null
  /** elected: clean, unclean or from the ELR (KIP-966). */
  election: ElectionClass | null
  /** detected: which event. */
  detection: DetectionCause | null
  /** controllerElected: the new active controller's node id. */
  controller: number | null
  /** step: this broker's place in a rolling restart, 1-based, and how many brokers it restarts. */
  step: { index: number; total: number | null } | null
}

export interface IncidentRecap {
  /** The fault itself is the description: its type and its broker, zone, controller or client. */
  fault: TimedFault
  atMs: number
  /** The brokers the fault hit, when known. */
  brokers: number[]
  /**
   * The partition whose writes waited longest, and how long (send → first acknowledgement after
   * the fault). `stallMs` null: still waiting, no write acknowledged there since the fault.
   */
  worst: { partition: string; stallMs: number | null } | null
  /** How many partitions with a producer the fault touched. */
  partitionsTouched: number
  detectedAtMs: number | null
  detection: DetectionCause | null
  leadersMovedAtMs: number | null
  /** The leaders elected in the incident, in order of first election. */
  newLeaders: number[]
  elections: { clean: number; unclean: number; elr: number }
  retriedRecords: number
  failedRecords: number
  lostAckedRecords: number
  /** resumed: every touched partition acknowledged a write again; unaffected: none touched. */
  writes: 'resumed' | 'stalled' | 'unaffected'
  recoveredAtMs: number | null
  /** A rolling restart's progress: brokers stopped so far, of how many. */
  steps: { started: number; total: number | null } | null
}

export interface Incident {
  /** Its place in the failover records. */
  index: number
  atMs: number
  marks: IncidentMark[]
  recap: IncidentRecap
}

export interface IncidentContext {
  /** The cluster's brokers, to know which a zone fault hits and how many a rolling restart has. */
  brokers?: readonly { id: number; zone: string }[]
}

const KIND_ORDER: Record<IncidentMarkKind, number> = {
  fault: 0,
  step: 1,
  detected: 2,
  offline: 3,
  isrShrunk: 4,
  elected: 5,
  controllerElected: 6,
  recovered: 7,
}

function tp(topic: string, partition: number): string {
  return `${topic}-${partition}`
}

function mark(atMs: number, kind: IncidentMarkKind, fields: Partial<IncidentMark> = {}) {
  return {
    atMs,
    kind,
    brokers: [],
    partitions: [],
    electionKind: null,
    election: null,
    detection: null,
    controller: null,
    step: null,
    ...fields,
  } satisfies IncidentMark
}

/** Brokers a fault hits directly; null when it hits a whole cluster or no broker. */
function brokersHit(fault: TimedFault, context: IncidentContext): number[] | null {
  if ('broker' in fault) return [fault.broker]
  if ('zone' in fault) {
    if (context.brokers === undefined) return null
    return context.brokers.filter((b) => b.zone === fault.zone).map((b) => b.id)
  }
  if (fault.type === 'rollingRestart' && fault.brokers !== undefined) return [...fault.brokers]
  if (fault.type === 'rollingRestart' || fault.type === 'upgradeCluster')
    return context.brokers === undefined ? null : context.brokers.map((b) => b.id)
  return []
}

/**
 * Marks that fall at the same time and say the same kind of thing merge into one, their brokers
 * and partitions united: a zone's three fencings at one liveness check are one detection.
 */
class MarkSet {
  private byKey = new Map<
    string,
    { mark: IncidentMark; brokers: Set<number>; parts: Set<string> }
  >()

  add(m: IncidentMark): void {
    this.cached = null
    const key = `${m.atMs}|${m.kind}|${m.electionKind ?? ''}|${m.election ?? ''}|${m.detection ?? ''}`
    const entry = this.byKey.get(key)
    if (entry === undefined) {
      this.byKey.set(key, { mark: m, brokers: new Set(m.brokers), parts: new Set(m.partitions) })
      return
    }
    for (const b of m.brokers) entry.brokers.add(b)
    for (const p of m.partitions) entry.parts.add(p)
  }

  private cached: IncidentMark[] | null = null

  list(): IncidentMark[] {
    this.cached ??= [...this.byKey.values()]
      .map(({ mark: m, brokers, parts }) => ({
        ...m,
        brokers: [...brokers].sort((a, b) => a - b),
        partitions: sortPartitions(parts),
      }))
      .sort((a, b) => a.atMs - b.atMs || KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
    return this.cached
  }
}

/** "orders-0" names by topic, then partition number (split once per name, not per comparison). */
function sortPartitions(names: Iterable<string>): string[] {
  const keyed = [...names].map((name) => {
    const cut = name.lastIndexOf('-')
    return { name, topic: name.slice(0, cut), partition: Number(name.slice(cut + 1)) }
  })
  keyed.sort((a, b) =>
    a.topic !== b.topic ? (a.topic < b.topic ? -1 : 1) : a.partition - b.partition,
  )
  return keyed.map((k) => k.name)
}

type DetectionEvent = Extract<
  SimEvent,
  { type: 'BrokerFenced' | 'BrokerSessionExpired' | 'ControlledShutdownRequested' }
>

function isDetection(e: SimEvent, hit: number[] | null): e is DetectionEvent {
  if (
    e.type !== 'BrokerFenced' &&
    e.type !== 'BrokerSessionExpired' &&
    e.type !== 'ControlledShutdownRequested'
  )
    return false
  return hit === null || hit.includes(e.broker)
}

function electionClass(e: Extract<SimEvent, { type: 'LeaderElected' }>): ElectionClass {
  // The same classes as the failover record: the ELR first, then the unclean flag.
  if (e.fromElr === true) return 'elr'
  return e.unclean ? 'unclean' : 'clean'
}

/**
 * The marks read so far from one failover record's window, and where the reading stopped, so the
 * next call reads only the events logged since (the lane follows a growing log several times a
 * second; the reference cluster's zone loss logs thousands of events).
 */
interface Scan {
  marks: MarkSet
  newLeaders: number[]
  detection: DetectionCause | null
  controllerSeen: boolean
  touched: Set<string>
  /** The next event to read, the last one read (to check the log still starts the same), the end. */
  next: number
  lastRead: SimEvent | null
  toMs: number
}

function newScan(record: FailoverRecord, events: readonly SimEvent[]): Scan {
  return {
    marks: new MarkSet(),
    newLeaders: [],
    detection: null,
    controllerSeen: false,
    touched: new Set(record.partitions.map((p) => tp(p.topic, p.partition))),
    next: firstEventAt(events, record.atMs),
    lastRead: null,
    toMs: -Infinity,
  }
}

/** Whether `scan` can go on reading `events` up to `toMs`: the same log, grown, and a later end. */
function resumable(scan: Scan, events: readonly SimEvent[], toMs: number): boolean {
  if (toMs < scan.toMs || events.length < scan.next) return false
  return scan.lastRead === null || events[scan.next - 1] === scan.lastRead
}

/** Reads the window's events from where `scan` stopped up to `toMs`, as marks. */
function scanEvents(
  record: FailoverRecord,
  events: readonly SimEvent[],
  toMs: number,
  hit: number[] | null,
  scan: Scan,
): Scan {
  const { marks, newLeaders, touched } = scan
  let detection = scan.detection
  let controllerSeen = scan.controllerSeen
  let n = scan.next
  for (; n < events.length; n++) {
    const e = events[n] as SimEvent
    if (e.atMs > toMs) break
    scan.lastRead = e
    if (isDetection(e, hit)) {
      if (detection === null && e.atMs === record.detectedAtMs) detection = e.type
      marks.add(mark(e.atMs, 'detected', { brokers: [e.broker], detection: e.type }))
      continue
    }
    switch (e.type) {
      case 'GroupMemberRemoved':
        if (record.fault.type === 'crashClient' && e.atMs === record.detectedAtMs) {
          detection = 'GroupMemberRemoved'
          marks.add(mark(e.atMs, 'detected', { detection: 'GroupMemberRemoved' }))
        }
        break
      case 'LeaderElected': {
        const name = tp(e.topic, e.partition)
        if (!touched.has(name)) break
        if (e.leader < 0) {
          marks.add(mark(e.atMs, 'offline', { partitions: [name] }))
          break
        }
        if (!newLeaders.includes(e.leader)) newLeaders.push(e.leader)
        marks.add(
          mark(e.atMs, 'elected', {
            brokers: [e.leader],
            partitions: [name],
            electionKind: e.election,
            election: electionClass(e),
          }),
        )
        break
      }
      case 'PartitionOffline':
        if (touched.has(tp(e.topic, e.partition)))
          marks.add(mark(e.atMs, 'offline', { partitions: [tp(e.topic, e.partition)] }))
        break
      case 'IsrShrunk':
        if (touched.has(tp(e.topic, e.partition)))
          marks.add(
            mark(e.atMs, 'isrShrunk', {
              brokers: e.removed,
              partitions: [tp(e.topic, e.partition)],
            }),
          )
        break
      case 'ControllerElected':
        // A controller fault's record touches no partition and so never closes: only the first
        // election after it is its own.
        if (controllerSeen && record.partitions.length === 0) break
        controllerSeen = true
        marks.add(mark(e.atMs, 'controllerElected', { controller: e.controller }))
        break
      default:
        break
    }
  }
  scan.next = n
  scan.toMs = toMs
  scan.detection = detection
  scan.controllerSeen = controllerSeen
  return scan
}

function worstPartition(record: FailoverRecord): IncidentRecap['worst'] {
  if (record.partitions.length === 0) return null
  if (record.recoveredAtMs === null) {
    const waiting = record.partitions.find((p) => p.stallMs === null)
    if (waiting !== undefined)
      return { partition: tp(waiting.topic, waiting.partition), stallMs: null }
  }
  let worst: IncidentRecap['worst'] = null
  for (const p of record.partitions) {
    if (p.stallMs === null) continue
    if (worst === null || (worst.stallMs as number) < p.stallMs)
      worst = { partition: tp(p.topic, p.partition), stallMs: p.stallMs }
  }
  return worst
}

function stepTotal(record: FailoverRecord, context: IncidentContext): number | null {
  const fault = record.fault
  if (fault.type === 'rollingRestart' && fault.brokers !== undefined) return fault.brokers.length
  return context.brokers === undefined ? null : context.brokers.length
}

function incidentOf(
  record: FailoverRecord,
  index: number,
  events: readonly SimEvent[],
  nowMs: number,
  context: IncidentContext,
  previous: Scan | undefined,
): { incident: Incident; scan: Scan } {
  const hit = brokersHit(record.fault, context)
  const toMs = Math.max(record.recoveredAtMs ?? nowMs, record.atMs)
  const start =
    previous !== undefined && resumable(previous, events, toMs) ? previous : newScan(record, events)
  const scan = scanEvents(record, events, toMs, hit, start)
  // The record's own marks (fault, steps, recovery: kinds the log never gives) go in a set of
  // their own, so the scan's set holds the log's marks only and can go on.
  const marks = new MarkSet()
  const fault = record.fault
  marks.add(mark(record.atMs, 'fault', { brokers: hit ?? [] }))
  const total = record.steps === undefined ? null : stepTotal(record, context)
  record.steps?.forEach((step, k) => {
    marks.add(mark(step.atMs, 'step', { brokers: [step.broker], step: { index: k + 1, total } }))
  })
  if (record.recoveredAtMs !== null) marks.add(mark(record.recoveredAtMs, 'recovered'))
  const writes =
    record.partitions.length === 0
      ? 'unaffected'
      : record.recoveredAtMs === null
        ? 'stalled'
        : 'resumed'
  const incident: Incident = {
    index,
    atMs: record.atMs,
    marks: [...scan.marks.list(), ...marks.list()].sort(
      (a, b) => a.atMs - b.atMs || KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
    ),
    recap: {
      fault,
      atMs: record.atMs,
      brokers: hit ?? [],
      worst: worstPartition(record),
      partitionsTouched: record.partitions.length,
      detectedAtMs: record.detectedAtMs,
      detection: scan.detection,
      leadersMovedAtMs: record.leadersMovedAtMs,
      newLeaders: scan.newLeaders,
      elections: { ...record.elections },
      retriedRecords: record.retriedRecords,
      failedRecords: record.failedRecords,
      lostAckedRecords: record.lostAckedRecords,
      writes,
      recoveredAtMs: record.recoveredAtMs,
      steps: record.steps === undefined ? null : { started: record.steps.length, total },
    },
  }
  return { incident, scan }
}

/**
 * One incident per failover record, with its marks in time order and its recap.
 *
 * @example
 * const [crash] = incidentTimeline(state.failovers, state.events, state.simTimeMs)
 * crash.marks.map((m) => m.kind) // ['fault', 'detected', 'isrShrunk', 'elected', 'recovered']
 * crash.recap.worst // { partition: 'orders-0', stallMs: 9206 }
 */
export function incidentTimeline(
  failovers: readonly FailoverRecord[],
  events: readonly SimEvent[],
  nowMs: number,
  context: IncidentContext = {},
): Incident[] {
  return createIncidentTimeline()(failovers, events, nowMs, context)
}

/**
 * `incidentTimeline` for a view that follows a growing log: each call reads only the events
 * logged since the last one (for the same failover record, the same log and a later time) and
 * starts over otherwise (a seek back, a new run). Same results as `incidentTimeline`.
 *
 * @example
 * const timeline = createIncidentTimeline()
 * timeline(state.failovers, state.events, state.simTimeMs, { brokers })
 */
export function createIncidentTimeline(): typeof incidentTimeline {
  let scans = new Map<string, Scan>()
  return (failovers, events, nowMs, context = {}) => {
    const next = new Map<string, Scan>()
    const incidents = failovers.map((record, index) => {
      const hit = brokersHit(record.fault, context)
      const key = `${index}|${record.atMs}|${JSON.stringify(record.fault)}|${hit?.join(',') ?? '*'}`
      const { incident, scan } = incidentOf(record, index, events, nowMs, context, scans.get(key))
      next.set(key, scan)
      return incident
    })
    scans = next
    return incidents
  }
}

/** The incident under way or last begun at `atMs`, or null before the first. */
export function incidentAt(incidents: readonly Incident[], atMs: number): Incident | null {
  let current: Incident | null = null
  for (const incident of incidents) if (incident.atMs <= atMs) current = incident
  return current
}
