/**
 * Comparing two configurations under the same fault script: what is computed from two runs of
 * the same seed and faults to the same simulated time — partition-time offline and unwritable,
 * producer errors by type, failed and lost acknowledged records, the metric series for the
 * time-locked charts — and which configuration did better on each. The second spec is "the
 * current one with one change" (`applyChange`). Pure: the runs themselves happen in the host
 * (`src/host/compare.ts`, in the simulation worker), which hands each finished simulation to
 * `runOutcome` and the two outcomes to `summarise`.
 */
import type { Simulation } from '../engine/api'
import type { Acks, SimulationSpec } from '../engine/spec'
import type { MetricsSample, ProducerView } from '../engine/types'
import { zoneAwareReassignment } from './reassignment'

export type ConfigChange =
  | { kind: 'unclean'; enabled: boolean }
  | { kind: 'minIsr'; value: number }
  | { kind: 'acks'; value: Acks }
  | { kind: 'rf'; value: number }

export type ChangeKind = ConfigChange['kind']

export const CHANGE_KINDS: readonly { kind: ChangeKind; label: string }[] = [
  { kind: 'unclean', label: 'unclean.leader.election.enable' },
  { kind: 'minIsr', label: 'min.insync.replicas' },
  { kind: 'acks', label: 'Producer acks' },
  { kind: 'rf', label: 'Replication factor' },
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
  }
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
  }
}

export interface RunOutcome {
  offlinePartitionMs: number
  unwritablePartitionMs: number
  ackedRecords: number
  failedRecords: number
  lostAckedRecords: number
  uncleanElections: number
  /** Producer error responses by Kafka error name, summed over producers. */
  producerErrors: Record<string, number>
  series: MetricsSample[]
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
  return {
    offlinePartitionMs: snapshot.availability.offlinePartitionMs,
    unwritablePartitionMs: snapshot.availability.unwritablePartitionMs,
    ackedRecords: snapshot.durability.ackedRecords,
    failedRecords: producers.reduce((sum, p) => sum + p.failed, 0),
    lostAckedRecords: snapshot.durability.lostAckedRecords,
    uncleanElections: sim.events().filter((e) => e.type === 'LeaderElected' && e.unclean).length,
    producerErrors,
    series: sim.metricsSeries().slice(),
  }
}

export interface CompareRow {
  key: string
  label: string
  a: number
  b: number
  /** Which way is better for this measure. */
  better: 'lower' | 'higher'
  /** Which configuration did better, or 'same'. */
  winner: 'A' | 'B' | 'same'
  /** How to print the numbers. */
  unit: 'seconds' | 'count'
}

export interface Comparison {
  durationMs: number
  a: RunOutcome
  b: RunOutcome
  rows: CompareRow[]
}

function row(
  key: string,
  label: string,
  a: number,
  b: number,
  options: { better?: 'lower' | 'higher'; unit?: 'seconds' | 'count' } = {},
): CompareRow {
  const better = options.better ?? 'lower'
  const winner = a === b ? 'same' : a < b === (better === 'lower') ? 'A' : 'B'
  return { key, label, a, b, better, winner, unit: options.unit ?? 'count' }
}

/**
 * The comparison of two outcomes: one row per measure, with every producer error type seen in
 * either run.
 *
 * @example
 * const c = summarise(runOutcome(simA), runOutcome(simB), 120_000)
 * c.rows.find((r) => r.key === 'lost') // { a: 0, b: 412, winner: 'A', ... }
 */
export function summarise(a: RunOutcome, b: RunOutcome, durationMs: number): Comparison {
  const errorTypes = [
    ...new Set([...Object.keys(a.producerErrors), ...Object.keys(b.producerErrors)]),
  ].sort()
  const rows = [
    row('offline', 'Offline partition-time', a.offlinePartitionMs, b.offlinePartitionMs, {
      unit: 'seconds',
    }),
    row(
      'unwritable',
      'Unwritable partition-time (acks=all)',
      a.unwritablePartitionMs,
      b.unwritablePartitionMs,
      { unit: 'seconds' },
    ),
    row('acked', 'Acknowledged records', a.ackedRecords, b.ackedRecords, { better: 'higher' }),
    row('failed', 'Failed records', a.failedRecords, b.failedRecords),
    row('lost', 'Lost acknowledged records', a.lostAckedRecords, b.lostAckedRecords),
    row('unclean', 'Unclean leader elections', a.uncleanElections, b.uncleanElections),
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
