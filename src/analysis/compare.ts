/**
 * Comparing two designs under the same fault script: what is computed from two runs of the same
 * seed and faults to the same simulated time — partition-time offline and unwritable (as the
 * controller's metadata says and as the producers felt it), the longest write stall, producer
 * p99 latency, failed and lost acknowledged records, producer errors by type, peak broker
 * utilisation, the metric series for the time-locked charts — and which design did better on
 * each. `applyChange` makes the "edited copy" design (one setting changed everywhere it applies);
 * `compare-designs.ts` builds the other kinds. Pure: the runs themselves happen in the host
 * (`src/host/compare.ts`, in the simulation worker), which hands each finished simulation to
 * `runOutcome` and the two outcomes to `summarise`.
 */
import type { Simulation } from '../engine/api'
import {
  EXPRESS_BROKER_TYPES,
  type MskBrokerType,
  STANDARD_BROKER_TYPES,
} from '../engine/capacity/broker-type-names'
import type { Acks, SimulationSpec } from '../engine/spec'
import type { MetricsSample, ProducerView } from '../engine/types'
import { applyFix } from './patch'
import { zoneAwareReassignment } from './reassignment'

export type ConfigChange =
  | { kind: 'unclean'; enabled: boolean }
  | { kind: 'minIsr'; value: number }
  | { kind: 'acks'; value: Acks }
  | { kind: 'rf'; value: number }
  | { kind: 'brokerType'; value: MskBrokerType }

export type ChangeKind = ConfigChange['kind']

export const CHANGE_KINDS: readonly { kind: ChangeKind; label: string }[] = [
  { kind: 'unclean', label: 'unclean.leader.election.enable' },
  { kind: 'minIsr', label: 'min.insync.replicas' },
  { kind: 'acks', label: 'Producer acks' },
  { kind: 'rf', label: 'Replication factor' },
  { kind: 'brokerType', label: 'Broker type' },
]

/** The broker types an edited copy may switch to: every MSK type, Standard then Express. */
export const BROKER_TYPE_CHOICES: readonly MskBrokerType[] = [
  ...STANDARD_BROKER_TYPES,
  ...EXPRESS_BROKER_TYPES,
]

function acksText(acks: Acks): string {
  return acks === -1 ? 'all' : String(acks)
}

/** The change in words, e.g. "min.insync.replicas=1 on every topic". */
export function describeChange(change: ConfigChange): string {
  switch (change.kind) {
    case 'unclean':
      return `unclean.leader.election.enable=${change.enabled} on every topic`
    case 'minIsr':
      return `min.insync.replicas=${change.value} on every topic`
    case 'acks':
      return `acks=${acksText(change.value)} on every producer`
    case 'rf':
      return `replication factor ${change.value} on every topic (zone-aware placement)`
    case 'brokerType':
      return `broker type ${change.value} on every broker`
  }
}

/**
 * The spec with one change applied to every topic or producer. Topic-level settings are written
 * on each topic so that existing topic overrides cannot mask the change. Throws when a
 * replication factor does not fit the brokers.
 */
export function applyChange(spec: SimulationSpec, change: ConfigChange): SimulationSpec {
  switch (change.kind) {
    case 'unclean':
      return {
        ...spec,
        cluster: {
          ...spec.cluster,
          config: { ...spec.cluster.config, 'unclean.leader.election.enable': change.enabled },
        },
        topics: spec.topics.map((t) => ({
          ...t,
          config: { ...t.config, 'unclean.leader.election.enable': change.enabled },
        })),
      }
    case 'minIsr':
      return {
        ...spec,
        topics: spec.topics.map((t) => ({
          ...t,
          config: { ...t.config, 'min.insync.replicas': change.value },
        })),
      }
    case 'acks':
      return {
        ...spec,
        clients: spec.clients.map((c) =>
          c.kind === 'producer'
            ? {
                ...c,
                // Kafka's producer turns idempotence off by itself for acks 0 or 1 (it needs
                // acks=all), so the variant does too rather than ask for a rejected config.
                config: {
                  ...c.config,
                  acks: change.value,
                  'enable.idempotence': change.value === -1 && c.config['enable.idempotence'],
                },
              }
            : c,
        ),
      }
    case 'rf': {
      let next = spec
      for (const topic of spec.topics) {
        const assignment = zoneAwareReassignment(next, topic.name, change.value)
        const { initial: _initial, ...rest } = topic
        next = {
          ...next,
          topics: next.topics.map((t) =>
            t.name === topic.name ? { ...rest, replicationFactor: change.value, assignment } : t,
          ),
        }
      }
      return next
    }
    case 'brokerType':
      // The advisor's own fix: Standard storage the new size cannot provision is dropped.
      return applyFix(spec, { op: 'setBrokerType', brokerType: change.value })
  }
}

/** The broker type one size up from `type` in its family, or the largest. */
function nextBrokerType(type: string | undefined): MskBrokerType {
  const index = BROKER_TYPE_CHOICES.indexOf(type as MskBrokerType)
  if (index < 0) return 'kafka.m7g.large'
  const next = BROKER_TYPE_CHOICES[index + 1]
  const family = (t: string) => t.split('.').slice(0, 2).join('.')
  return next !== undefined && family(next) === family(BROKER_TYPE_CHOICES[index]!)
    ? next
    : BROKER_TYPE_CHOICES[index]!
}

/** A change worth trying first for each kind: the opposite of (or a step from) the current value. */
export function suggestedChange(spec: SimulationSpec, kind: ChangeKind): ConfigChange {
  const topic = spec.topics[0]
  const cluster = spec.cluster.config
  switch (kind) {
    case 'unclean':
      return {
        kind,
        enabled: !(
          topic?.config['unclean.leader.election.enable'] ??
          cluster['unclean.leader.election.enable']
        ),
      }
    case 'minIsr': {
      const current = topic?.config['min.insync.replicas'] ?? cluster['min.insync.replicas']
      return { kind, value: current === 2 ? 1 : 2 }
    }
    case 'acks': {
      const producer = spec.clients.find((c) => c.kind === 'producer')
      return { kind, value: producer?.kind === 'producer' && producer.config.acks === -1 ? 1 : -1 }
    }
    case 'rf': {
      const rf = topic?.replicationFactor ?? 3
      const value = rf === 3 ? 2 : 3
      return { kind, value: Math.min(value, spec.cluster.brokers.length) }
    }
    case 'brokerType':
      return { kind, value: nextBrokerType(spec.cluster.brokerType) }
  }
}

export interface RunOutcome {
  /** Partition-milliseconds without a leader (the controller's metadata). */
  offlinePartitionMs: number
  /** Partition-milliseconds with the ISR under min.insync.replicas (the controller's metadata). */
  unwritablePartitionMs: number
  /** Partition-milliseconds a producer's write waited more than 1 s: unwritable as clients felt it. */
  clientUnwritablePartitionMs: number
  /**
   * The longest write stall after a fault over every failover record (send to the first
   * acknowledgement after it); null when no fault touched a partition a producer writes.
   */
  maxProduceStallMs: number | null
  /** Some touched partition had no write acknowledged by the end: the stall is at least this. */
  stallOngoing: boolean
  /** The worst producer's p99 of send to acknowledgement over the run; null: nothing acknowledged. */
  producerLatencyP99Ms: number | null
  ackedRecords: number
  failedRecords: number
  lostAckedRecords: number
  uncleanElections: number
  /** Producer error responses by Kafka error name, summed over producers. */
  producerErrors: Record<string, number>
  /** The MSK broker type, or null without a capacity model. */
  brokerType: string | null
  /** The busiest broker's peak utilisation (1 is its limit); null without a broker type. */
  peakUtilisation: number | null
  series: MetricsSample[]
}

/**
 * The longest stall of any failover record, counting a partition still waiting at the end as
 * stalled from its fault until then (the record itself leaves such partitions out).
 */
function longestStall(sim: Simulation): { ms: number | null; ongoing: boolean } {
  const now = sim.nowMs()
  let ms: number | null = null
  let ongoing = false
  for (const record of sim.failovers()) {
    for (const p of record.partitions) {
      const stall = p.stallMs ?? now - record.atMs
      if (p.stallMs === null) ongoing = true
      if (ms === null || stall > ms) ms = stall
    }
  }
  return { ms, ongoing }
}

/** What one run did, read from its simulation at the comparison's end. */
export function runOutcome(sim: Simulation): RunOutcome {
  const snapshot = sim.snapshot()
  const producers = snapshot.clients.filter((c): c is ProducerView => c.kind === 'producer')
  const producerErrors: Record<string, number> = {}
  for (const p of producers) {
    for (const [error, count] of Object.entries(p.errors)) {
      producerErrors[error] = (producerErrors[error] ?? 0) + count
    }
  }
  const p99s = producers.flatMap((p) => (p.latencyMs.p99 === null ? [] : [p.latencyMs.p99]))
  const peaks = snapshot.capacity?.brokers.map((b) => b.peakUtilisation) ?? []
  const stall = longestStall(sim)
  return {
    offlinePartitionMs: snapshot.availability.offlinePartitionMs,
    unwritablePartitionMs: snapshot.availability.unwritablePartitionMs,
    clientUnwritablePartitionMs: snapshot.availability.clientUnwritablePartitionMs,
    maxProduceStallMs: stall.ms,
    stallOngoing: stall.ongoing,
    producerLatencyP99Ms: p99s.length === 0 ? null : Math.max(...p99s),
    ackedRecords: snapshot.durability.ackedRecords,
    failedRecords: producers.reduce((sum, p) => sum + p.failed, 0),
    lostAckedRecords: snapshot.durability.lostAckedRecords,
    uncleanElections: sim.events().filter((e) => e.type === 'LeaderElected' && e.unclean).length,
    producerErrors,
    brokerType: sim.spec.cluster.brokerType ?? null,
    peakUtilisation: peaks.length === 0 ? null : Math.max(...peaks),
    series: sim.metricsSeries().slice(),
  }
}

export type Side = 'A' | 'B'

export interface CompareRow {
  key: string
  label: string
  /** Null: the measure does not apply to that run (`missing` says why). */
  a: number | null
  b: number | null
  /** Which way is better for this measure. */
  better: 'lower' | 'higher'
  /** Which design did better, 'same' (also when both values are missing), or 'n/a'. */
  winner: Side | 'same' | 'n/a'
  /** How to print the numbers: partition-time and stalls in seconds, latency in ms, ratios as %. */
  unit: 'seconds' | 'count' | 'ms' | 'percent'
  /** Why a value is null, e.g. "nothing acknowledged", "no broker type". */
  missing?: { a?: string; b?: string }
  /** The value is a lower bound (a write still stalled at the end). */
  atLeast?: { a: boolean; b: boolean }
}

export interface Comparison {
  durationMs: number
  a: RunOutcome
  b: RunOutcome
  rows: CompareRow[]
}

interface RowOptions {
  better?: 'lower' | 'higher'
  unit?: CompareRow['unit']
  missing?: CompareRow['missing']
  atLeast?: CompareRow['atLeast']
}

function winnerOf(a: number | null, b: number | null, better: 'lower' | 'higher') {
  // Missing on both sides (nothing acknowledged by either) is a tie; on one side, no comparison.
  if (a === null && b === null) return 'same'
  if (a === null || b === null) return 'n/a'
  if (a === b) return 'same'
  return a < b === (better === 'lower') ? 'A' : 'B'
}

function row(
  key: string,
  label: string,
  a: number | null,
  b: number | null,
  options: RowOptions = {},
): CompareRow {
  const better = options.better ?? 'lower'
  return {
    key,
    label,
    a,
    b,
    better,
    winner: winnerOf(a, b, better),
    unit: options.unit ?? 'count',
    ...(options.missing === undefined ? {} : { missing: options.missing }),
    ...(options.atLeast === undefined ? {} : { atLeast: options.atLeast }),
  }
}

/** Missing-value reasons for the two sides, only where a value is missing. */
function reasons(a: boolean, b: boolean, why: string): CompareRow['missing'] | undefined {
  if (!a && !b) return undefined
  return { ...(a ? { a: why } : {}), ...(b ? { b: why } : {}) }
}

function stallRow(a: RunOutcome, b: RunOutcome): CompareRow {
  // No touched partition means no stall: 0 for the comparison, "none" on screen.
  const none = (o: RunOutcome) => o.maxProduceStallMs === null
  return row(
    'stall',
    'Longest write stall after a fault',
    a.maxProduceStallMs ?? 0,
    b.maxProduceStallMs ?? 0,
    {
      unit: 'seconds',
      atLeast: { a: a.stallOngoing, b: b.stallOngoing },
      ...(none(a) || none(b)
        ? { missing: reasons(none(a), none(b), 'no fault touched a produced partition') }
        : {}),
    },
  )
}

function utilisationRow(a: RunOutcome, b: RunOutcome): CompareRow[] {
  if (a.peakUtilisation === null && b.peakUtilisation === null) return []
  const label = `Peak broker utilisation (${[...new Set([a.brokerType, b.brokerType].filter((t) => t !== null))].join(' vs ')})`
  const missing = reasons(a.peakUtilisation === null, b.peakUtilisation === null, 'no broker type')
  return [
    row('utilisation', label, a.peakUtilisation, b.peakUtilisation, {
      unit: 'percent',
      ...(missing === undefined ? {} : { missing }),
    }),
  ]
}

/**
 * The comparison of two outcomes: one row per measure, with every producer error type seen in
 * either run, and peak utilisation when either design has a broker type.
 *
 * @example
 * const c = summarise(runOutcome(simA), runOutcome(simB), 120_000)
 * c.rows.find((r) => r.key === 'lost') // { a: 0, b: 412, winner: 'A', ... }
 */
export function summarise(a: RunOutcome, b: RunOutcome, durationMs: number): Comparison {
  const errorTypes = [
    ...new Set([...Object.keys(a.producerErrors), ...Object.keys(b.producerErrors)]),
  ].sort()
  const noLatency = reasons(
    a.producerLatencyP99Ms === null,
    b.producerLatencyP99Ms === null,
    'nothing acknowledged',
  )
  const rows = [
    row('offline', 'Offline partition-time', a.offlinePartitionMs, b.offlinePartitionMs, {
      unit: 'seconds',
    }),
    row(
      'clientUnwritable',
      'Unwritable partition-time as producers felt it (a write waited over 1 s)',
      a.clientUnwritablePartitionMs,
      b.clientUnwritablePartitionMs,
      { unit: 'seconds' },
    ),
    row(
      'unwritable',
      'Unwritable partition-time (ISR under min.insync.replicas)',
      a.unwritablePartitionMs,
      b.unwritablePartitionMs,
      { unit: 'seconds' },
    ),
    stallRow(a, b),
    row(
      'p99',
      'Producer p99 latency of acknowledged records (worst producer)',
      a.producerLatencyP99Ms,
      b.producerLatencyP99Ms,
      {
        unit: 'ms',
        ...(noLatency === undefined ? {} : { missing: noLatency }),
      },
    ),
    row('acked', 'Acknowledged records', a.ackedRecords, b.ackedRecords, { better: 'higher' }),
    row('failed', 'Failed records', a.failedRecords, b.failedRecords),
    row('lost', 'Lost acknowledged records', a.lostAckedRecords, b.lostAckedRecords),
    row('unclean', 'Unclean leader elections', a.uncleanElections, b.uncleanElections),
    ...utilisationRow(a, b),
    ...errorTypes.map((error) =>
      row(
        `error:${error}`,
        `Producer errors: ${error}`,
        a.producerErrors[error] ?? 0,
        b.producerErrors[error] ?? 0,
      ),
    ),
  ]
  return { durationMs, a, b, rows }
}
