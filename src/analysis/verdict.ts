/**
 * The design review's verdict, as data: per failure class (each single broker, each zone, each
 * broker pair, each zone plus one more broker) how many cases lose availability or put data at
 * risk, the worst case with the topics it hits, whether the survivors have the capacity, and —
 * from a short run of that worst case in the engine — what the clients would see: the longest
 * produce stall, records failed and retried, acknowledged records lost, the producers' p99
 * latency. Codes and numbers only; `verdict-text.ts` renders the English sentences the UI and the
 * Markdown share (a later issue renders them from translated catalogues).
 *
 * The counts come from the static matrix (survivability.ts: Kafka's clean election and the
 * acks=all min.insync.replicas check); the client figures from the engine, so they include what
 * the matrix cannot: detection after broker.session.timeout.ms, requests to a stopped zone
 * waiting out request.timeout.ms, retries, and anything the producers' configs make of it.
 */
import { createSimulation } from '../engine/index'
import type { BrokerId, Fault, SimulationSpec, TimedFault } from '../engine/spec'
import type { ProducerView } from '../engine/types'
import type { FailureKind, FailureOutcome } from './survivability'
import { failureDetail } from './survivability-detail'

export const FAILURE_CLASSES: readonly FailureKind[] = ['broker', 'zone', 'brokers', 'zone+broker']

/** The failure of a client run starts this far in (producers warmed up, leaders settled). */
export const CLIENT_RUN_WARMUP_MS = 10_000
/** And the run goes on this long after it: past fencing, elections and request.timeout.ms. */
export const CLIENT_RUN_WINDOW_MS = 60_000
/** The worst case lists at most this many topics (most hit first). */
export const VERDICT_TOPICS_MAX = 5

export interface VerdictTopic {
  topic: string
  partitions: number
  offline: number
  unwritable: number
}

export interface WorstCase {
  name: string
  kind: FailureKind
  brokers: BrokerId[]
  offline: number
  unwritable: number
  singleCopy: number
  uncleanRequired: number
  controlPlaneLost: boolean
  /** The topics with offline or unwritable partitions, most hit first (at most VERDICT_TOPICS_MAX). */
  topics: VerdictTopic[]
  /** How many more topics are hit. */
  moreTopics: number
  /** The survivors' busiest broker after the failure, a ratio of its limit; null without a type. */
  peakUtilisation: number | null
  overloadedBrokers: number | null
}

/** What the producers felt in a run of one failure (engine failover record and client views). */
export interface ClientImpact {
  /** The failure, as injected: at CLIENT_RUN_WARMUP_MS, run for CLIENT_RUN_WINDOW_MS after it. */
  failure: string
  windowMs: number
  producers: number
  /** The longest send → acknowledgement stall of a record waiting at the failure; null: none. */
  maxStallMs: number | null
  /**
   * Partitions the failure touched (with a producer) and, of them, those with no acknowledged
   * write since it by the end of the run (still stalled, or not written to since).
   */
  touchedPartitions: number
  notResumedPartitions: number
  /** Partition-time the producers could not write (a write waited over 1 s), summed, in ms. */
  unwritablePartitionMs: number
  failedRecords: number
  retriedRecords: number
  lostAckedRecords: number
  /** The highest p99 send → acknowledgement latency over the producers, over the whole run. */
  p99LatencyMs: number | null
  /** The producers' errors in the run, by Kafka error code. */
  errors: Record<string, number>
}

export interface ClassVerdict {
  kind: FailureKind
  cases: number
  /** Cases with a partition offline or unwritable (acks=all), or the control plane lost. */
  availabilityLost: number
  /** Cases leaving a partition with one copy or needing an unclean election (data at risk). */
  durabilityAtRisk: number
  /** The worst case (the first in report order when none hurts); null when the class is empty. */
  worst: WorstCase | null
  /** Cases that overload a surviving broker; null without a broker type. */
  overloadedCases: number | null
  /** The client run of the worst case; null when not run (no producers, or not asked). */
  clients: ClientImpact | null
}

export interface Verdict {
  classes: ClassVerdict[]
  /** The scenario has producers, so client runs can say what clients would see. */
  hasProducers: boolean
}

export function losesAvailability(f: FailureOutcome): boolean {
  return f.controlPlaneLost || f.offlinePartitions > 0 || f.unwritablePartitions > 0
}

export function risksDurability(f: FailureOutcome): boolean {
  return f.singleCopyPartitions > 0 || f.uncleanElectionRequired > 0
}

/** Worst first: control plane lost, then offline, unclean, unwritable, single copy; stable. */
export function compareSeverity(a: FailureOutcome, b: FailureOutcome): number {
  return (
    Number(b.controlPlaneLost) - Number(a.controlPlaneLost) ||
    b.offlinePartitions - a.offlinePartitions ||
    b.uncleanElectionRequired - a.uncleanElectionRequired ||
    b.unwritablePartitions - a.unwritablePartitions ||
    b.singleCopyPartitions - a.singleCopyPartitions ||
    (b.peakBrokerUtilisation ?? 0) - (a.peakBrokerUtilisation ?? 0)
  )
}

/**
 * The faults that reproduce a failure in the simulation: crash each failed broker, or stop the
 * zone (which also stops its controllers) and crash the extra broker.
 */
export function faultsForFailure(failure: FailureOutcome, spec: SimulationSpec): Fault[] {
  switch (failure.kind) {
    case 'broker':
    case 'brokers':
      return failure.brokers.map((broker) => ({ type: 'crashBroker', broker }))
    case 'zone':
      return [{ type: 'stopZone', zone: failure.name }]
    case 'zone+broker': {
      const zone = failure.name.slice(0, failure.name.lastIndexOf(' + broker '))
      const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
      const extra = failure.brokers.filter((id) => zoneOf.get(id) !== zone)
      return [
        { type: 'stopZone', zone },
        ...extra.map((broker): Fault => ({ type: 'crashBroker', broker })),
      ]
    }
  }
}

function worstCase(spec: SimulationSpec, f: FailureOutcome): WorstCase {
  const hit = failureDetail(spec, f.brokers)
    .topics.filter((t) => t.offline + t.unwritable > 0)
    .map((t) => ({
      topic: t.topic,
      partitions: t.partitions,
      offline: t.offline,
      unwritable: t.unwritable,
    }))
    .sort((a, b) => b.offline - a.offline || b.unwritable - a.unwritable)
  return {
    name: f.name,
    kind: f.kind,
    brokers: f.brokers,
    offline: f.offlinePartitions,
    unwritable: f.unwritablePartitions,
    singleCopy: f.singleCopyPartitions,
    uncleanRequired: f.uncleanElectionRequired,
    controlPlaneLost: f.controlPlaneLost,
    topics: hit.slice(0, VERDICT_TOPICS_MAX),
    moreTopics: Math.max(0, hit.length - VERDICT_TOPICS_MAX),
    peakUtilisation: f.peakBrokerUtilisation,
    overloadedBrokers: f.overloadedBrokers,
  }
}

/**
 * Runs one failure of the matrix in the engine: the scenario's cluster, topics and clients, its
 * own faults replaced by this failure at CLIENT_RUN_WARMUP_MS, for CLIENT_RUN_WINDOW_MS after.
 * Null when the scenario has no producer (nothing to feel the failure).
 */
export function clientImpact(spec: SimulationSpec, failure: FailureOutcome): ClientImpact | null {
  if (!spec.clients.some((c) => c.kind === 'producer')) return null
  const atMs = CLIENT_RUN_WARMUP_MS
  const faults: TimedFault[] = faultsForFailure(failure, spec).map((fault) => ({ ...fault, atMs }))
  const durationMs = atMs + CLIENT_RUN_WINDOW_MS
  const sim = createSimulation({ ...spec, faults, durationMs })
  sim.runUntil(durationMs)
  const snapshot = sim.snapshot()
  const records = sim.failovers().filter((r) => r.atMs === atMs)
  const producers = snapshot.clients.filter((c): c is ProducerView => c.kind === 'producer')
  const errors: Record<string, number> = {}
  for (const p of producers)
    for (const [code, n] of Object.entries(p.errors))
      if (n > 0) errors[code] = (errors[code] ?? 0) + n
  const stalls = records.map((r) => r.maxProduceStallMs).filter((ms): ms is number => ms !== null)
  const p99s = producers.map((p) => p.latencyMs.p99).filter((ms): ms is number => ms !== null)
  const sum = (pick: (r: (typeof records)[number]) => number) =>
    records.reduce((total, r) => total + pick(r), 0)
  return {
    failure: failure.name,
    windowMs: CLIENT_RUN_WINDOW_MS,
    producers: producers.length,
    maxStallMs: stalls.length === 0 ? null : Math.max(...stalls),
    touchedPartitions: sum((r) => r.partitions.length),
    notResumedPartitions: sum((r) => r.partitions.filter((p) => p.stallMs === null).length),
    unwritablePartitionMs: snapshot.availability.clientUnwritablePartitionMs,
    failedRecords: sum((r) => r.failedRecords),
    retriedRecords: sum((r) => r.retriedRecords),
    lostAckedRecords: sum((r) => r.lostAckedRecords),
    p99LatencyMs: p99s.length === 0 ? null : Math.max(...p99s),
    errors: Object.fromEntries(Object.entries(errors).sort(([a], [b]) => a.localeCompare(b))),
  }
}

export interface VerdictOptions {
  /** Run each class's worst case in the engine for the client figures (default false). */
  clientRuns?: boolean
  /** Called before each client run (for progress). */
  onRun?: (kind: FailureKind, index: number, total: number) => void
}

/**
 * The verdict over a matrix's rows (`failures` from `survivabilityMatrix`).
 *
 * @example
 * const v = verdict(spec, analyze(spec).failures)
 * v.classes[1] // { kind: 'zone', cases: 3, availabilityLost: 3, worst: { name: 'use1-az1', … }, clients: { maxStallMs: 9206, … } }
 */
export function verdict(
  spec: SimulationSpec,
  failures: readonly FailureOutcome[],
  options: VerdictOptions = {},
): Verdict {
  const hasProducers = spec.clients.some((c) => c.kind === 'producer')
  const runs = options.clientRuns === true && hasProducers
  const present = FAILURE_CLASSES.filter((kind) => failures.some((f) => f.kind === kind))
  const classes = FAILURE_CLASSES.map((kind): ClassVerdict => {
    const rows = failures.filter((f) => f.kind === kind)
    const worstRow = rows.reduce<FailureOutcome | null>(
      (worst, f) => (worst === null || compareSeverity(f, worst) < 0 ? f : worst),
      null,
    )
    const capacity = rows.some((f) => f.overloadedBrokers !== null)
    let clients: ClientImpact | null = null
    if (runs && worstRow !== null) {
      options.onRun?.(kind, present.indexOf(kind), present.length)
      clients = clientImpact(spec, worstRow)
    }
    return {
      kind,
      cases: rows.length,
      availabilityLost: rows.filter(losesAvailability).length,
      durabilityAtRisk: rows.filter(risksDurability).length,
      worst: worstRow === null ? null : worstCase(spec, worstRow),
      overloadedCases: capacity ? rows.filter((f) => (f.overloadedBrokers ?? 0) > 0).length : null,
      clients,
    }
  })
  return { classes, hasProducers }
}
