/**
 * Node-only helpers for the guided scenario tests: read the files from `public/scenarios/` with
 * `node:fs`, run a scenario through the real engine, and query its outcome. The browser never
 * imports this file.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  buildReport,
  createSimulation,
  restoreSimulation,
  type RunReport,
  type Simulation,
} from '../engine'
import type {
  ClientLogLine,
  MetricsSample,
  SimEvent,
  SimEventType,
  Snapshot,
} from '../engine/types'
import { loadGuidedScenario, type GuidedScenario } from './index'

export const PUBLIC_SCENARIOS_DIR = fileURLToPath(
  new URL('../../public/scenarios/', import.meta.url),
)

/** Reads a file beside `index.json`. */
export function readGuidedFile(file: string): string {
  return readFileSync(`${PUBLIC_SCENARIOS_DIR}${file}`, 'utf8')
}

/** The JSON files in `public/scenarios/`, sorted, `index.json` excluded. */
export function guidedFilesOnDisk(): string[] {
  return readdirSync(PUBLIC_SCENARIOS_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort()
}

export interface GuidedOutcome {
  scenario: GuidedScenario
  report: RunReport
  series: readonly MetricsSample[]
  events: readonly SimEvent[]
  clientLog: readonly ClientLogLine[]
  /** Snapshots taken at every narration step's atMs and at the extra probe times. */
  probes: Map<number, Snapshot>
}

export interface GuidedRunOptions {
  /**
   * Quiet stretches [fromMs, toMs] of a long run to simulate without the invariant checks, which
   * cost 40 to 100 ms per simulated second on a capacity scenario (an hour-long run would take
   * over three minutes). At each fromMs the run is checkpointed and continued unchecked; at each
   * toMs, checkpointed again and continued with checks, by a fresh checker (its memory of epochs
   * and high watermarks starts over there). Checkpoint and restore reproduce the uninterrupted
   * run: same report, series, events and client log.
   */
  uncheckedMs?: readonly (readonly [number, number])[]
}

/**
 * Runs a guided scenario for its whole `durationMs` with the engine's invariant checks on (the
 * first violation throws), except in `options.uncheckedMs`, and takes a snapshot at each
 * narration step and each extra probe time on the way, after every event of that millisecond.
 */
export function runGuided(
  id: string,
  extraProbesMs: readonly number[] = [],
  options: GuidedRunOptions = {},
): GuidedOutcome {
  const scenario = loadGuidedScenario(id, readGuidedFile)
  const { spec, narration } = scenario
  const checked = { checkInvariants: true, throwOnViolation: true }
  let sim: Simulation = createSimulation(spec, checked)
  const times = [...new Set([...narration.steps.map((s) => s.atMs), ...extraProbesMs])]
    .filter((t) => t <= spec.durationMs)
    .sort((a, b) => a - b)
  const switches = new Map<number, typeof checked>()
  for (const [from, to] of options.uncheckedMs ?? []) {
    switches.set(from, { checkInvariants: false, throwOnViolation: true })
    switches.set(to, checked)
  }
  const marks = [...new Set([...times, ...switches.keys()])]
    .filter((t) => t <= spec.durationMs)
    .sort((a, b) => a - b)
  const probeTimes = new Set(times)
  const probes = new Map<number, Snapshot>()
  for (const t of marks) {
    sim.runUntil(t)
    if (probeTimes.has(t)) probes.set(t, sim.snapshot())
    const next = switches.get(t)
    if (next !== undefined && t < spec.durationMs)
      sim = restoreSimulation(spec, sim.checkpoint(), next)
  }
  sim.runUntil(spec.durationMs)
  return {
    scenario,
    report: buildReport(sim, spec.durationMs),
    series: sim.metricsSeries(),
    events: sim.events(),
    clientLog: sim.clientLog(),
    probes,
  }
}

/** `runGuided` on first call, memoised: a describe block runs its scenario once, inside a test. */
export function lazyRun(
  id: string,
  extraProbesMs: readonly number[] = [],
  options: GuidedRunOptions = {},
): () => GuidedOutcome {
  let outcome: GuidedOutcome | null = null
  return () => (outcome ??= runGuided(id, extraProbesMs, options))
}

export function probe(outcome: GuidedOutcome, atMs: number): Snapshot {
  const snapshot = outcome.probes.get(atMs)
  if (snapshot === undefined) throw new Error(`no probe at ${atMs} ms`)
  return snapshot
}

export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>

/** The events of one type, typed. */
export function eventsOf<T extends SimEventType>(
  events: readonly SimEvent[],
  type: T,
): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type)
}

export function producer(outcome: GuidedOutcome, id: string) {
  const client = outcome.report.clients.find((c) => c.id === id)
  if (client === undefined || client.kind !== 'producer') throw new Error(`no producer ${id}`)
  return client
}

export function producerView(snapshot: Snapshot, id: string) {
  const client = snapshot.clients.find((c) => c.id === id)
  if (client === undefined || client.kind !== 'producer') throw new Error(`no producer ${id}`)
  return client
}

export function partitionView(snapshot: Snapshot, topic: string, partition: number) {
  const view = snapshot.partitions.find((p) => p.topic === topic && p.partition === partition)
  if (view === undefined) throw new Error(`no partition ${topic}-${partition}`)
  return view
}

/**
 * Offline partition-milliseconds per topic, from the event log: a partition is offline from its
 * PartitionOffline event until its next LeaderElected (or the end of the run).
 */
export function offlineMsByTopic(events: readonly SimEvent[], endMs: number): Map<string, number> {
  const since = new Map<string, { topic: string; atMs: number }>()
  const total = new Map<string, number>()
  const add = (topic: string, ms: number) => total.set(topic, (total.get(topic) ?? 0) + ms)
  for (const e of events) {
    if (e.type === 'PartitionOffline') {
      since.set(`${e.topic}-${e.partition}`, { topic: e.topic, atMs: e.atMs })
    } else if (e.type === 'LeaderElected') {
      const open = since.get(`${e.topic}-${e.partition}`)
      if (open !== undefined) add(open.topic, e.atMs - open.atMs)
      since.delete(`${e.topic}-${e.partition}`)
    }
  }
  for (const open of since.values()) add(open.topic, endMs - open.atMs)
  return total
}

/** The largest value of a metric over the samples whose time lies in [fromMs, toMs]. */
export function maxOf(
  series: readonly MetricsSample[],
  pick: (m: MetricsSample) => number,
  fromMs = 0,
  toMs = Number.MAX_SAFE_INTEGER,
): number {
  let max = Number.NEGATIVE_INFINITY
  for (const m of series) if (m.atMs >= fromMs && m.atMs <= toMs) max = Math.max(max, pick(m))
  return max
}

export function minOf(
  series: readonly MetricsSample[],
  pick: (m: MetricsSample) => number,
  fromMs = 0,
  toMs = Number.MAX_SAFE_INTEGER,
): number {
  return -maxOf(series, (m) => -pick(m), fromMs, toMs)
}
