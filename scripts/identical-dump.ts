/**
 * Runs the byte-identity corpus and prints one JSON object: for each case, the sha256 of its run
 * report, event log, final snapshot, snapshots at probe times, client log and metric series, and
 * of a run restored from a mid-run checkpoint. `scripts/check-identical.mjs` runs this file in the
 * working tree and in a base commit's tree and compares the two outputs.
 *
 * The corpus: every guided scenario in public/scenarios, the bench's reference cluster, and 40
 * seeded random fault schedules (20 KRaft, 20 ZooKeeper) drawn by a PRNG of this file's own, so
 * the corpus does not move when the engine's PRNG or arbitraries change. It only uses the stable
 * public entry points (`src/engine`, `src/scenario`, `src/scenarios`, `bench/clusters`), so the
 * same file runs against older trees.
 *
 * Usage: tsx scripts/identical-dump.ts [--only guided|reference|random] [--random N]
 *        [--drop-metric NAME]…
 *
 * `--drop-metric NAME` leaves metric NAME out of every metric sample (the series and each
 * snapshot's `metrics`) on both sides, for a change that redefines one metric and claims nothing
 * else moved. `--drop-field NAME` leaves out every object key NAME of the report and the
 * snapshots, for a change that adds fields and claims nothing else moved.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildReport, createSimulation, restoreSimulation } from '../src/engine'
import type { SimulationSpec } from '../src/engine'
import { validateScenario } from '../src/scenario'
import { listGuidedScenarios, loadGuidedScenario } from '../src/scenarios'
import { REFERENCE, buildSpec } from '../bench/clusters'

const args = process.argv.slice(2)
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined
const dropped = args.flatMap((a, i) => (args[i - 1] === '--drop-metric' ? [a] : []))
const droppedFields = new Set(args.flatMap((a, i) => (args[i - 1] === '--drop-field' ? [a] : [])))
const randomCount = args.includes('--random') ? Number(args[args.indexOf('--random') + 1]) : 40

const scenariosDir = fileURLToPath(new URL('../public/scenarios/', import.meta.url))
const readText = (file: string): string => readFileSync(`${scenariosDir}${file}`, 'utf8')

function sha(value: unknown): string {
  const text =
    droppedFields.size === 0
      ? JSON.stringify(value)
      : JSON.stringify(value, (key, v: unknown) => (droppedFields.has(key) ? undefined : v))
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/** A metric sample without the `--drop-metric` names. */
function withoutDropped<T extends object>(sample: T): T {
  if (dropped.length === 0) return sample
  const copy = { ...sample } as Record<string, unknown>
  for (const name of dropped) delete copy[name]
  return copy as T
}

function snapshotOf(sim: { snapshot: () => { metrics: object } }): unknown {
  const snap = sim.snapshot()
  return { ...snap, metrics: withoutDropped(snap.metrics) }
}

interface CaseHashes {
  report: string
  events: string
  snapshot: string
  probes: string
  clientLog: string
  metrics: string
  restored: string
}

/** Runs `spec` to its end, probing snapshots on the way, and once more from a checkpoint. */
function runCase(spec: SimulationSpec, probesMs: readonly number[]): CaseHashes {
  const sim = createSimulation(spec)
  const times = [...new Set(probesMs)].filter((t) => t < spec.durationMs).sort((a, b) => a - b)
  const probes: string[] = []
  for (const t of times) {
    sim.runUntil(t)
    probes.push(sha(snapshotOf(sim)))
  }
  sim.runUntil(spec.durationMs)
  const out: CaseHashes = {
    report: sha(buildReport(sim, spec.durationMs)),
    events: sha(sim.events()),
    snapshot: sha(snapshotOf(sim)),
    probes: sha(probes),
    clientLog: sha(sim.clientLog()),
    metrics: sha(sim.metricsSeries().map(withoutDropped)),
    restored: '',
  }
  // Time travel: a checkpoint taken half-way and restored must give the same future.
  const half = createSimulation(spec)
  half.runUntil(Math.floor(spec.durationMs / 2))
  const restored = restoreSimulation(spec, half.checkpoint())
  restored.runUntil(spec.durationMs)
  out.restored = sha([restored.events(), snapshotOf(restored), restored.clientLog()])
  return out
}

/** A small PRNG of this file's own (mulberry32), so the corpus is fixed whatever the engine does. */
function rng(seed: number): { int: (lo: number, hi: number) => number; pick: <T>(xs: T[]) => T } {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1))
  return { int, pick: <T>(xs: T[]): T => xs[int(0, xs.length - 1)] as T }
}

const SCOPES = ['controllers', 'brokers', 'clients']

/** A random scenario file: 3 zones × 2 brokers, two topics, clients, 6–14 faults over 120 s. */
function randomScenario(seed: number, controller: 'kraft' | 'zookeeper'): unknown {
  const r = rng(seed * 7919 + (controller === 'kraft' ? 1 : 2))
  const zones = ['use1-az1', 'use1-az2', 'use1-az3']
  const brokers = [1, 2, 3, 4, 5, 6]
  const controllers = [1001, 1002, 1003]
  const durationMs = 120_000
  const faults: Record<string, unknown>[] = []
  const count = r.int(6, 14)
  for (let i = 0; i < count; i++) {
    const atMs = r.int(1, 100) * 1000 + r.int(0, 999)
    const kind = r.int(0, 14)
    const broker = r.pick(brokers)
    const zone = r.pick(zones)
    const from = SCOPES.filter(() => r.int(0, 1) === 1)
    const f: Record<string, unknown> = { atMs }
    if (kind === 0) Object.assign(f, { type: 'crashBroker', broker })
    else if (kind === 1) Object.assign(f, { type: 'startBroker', broker })
    else if (kind === 2) Object.assign(f, { type: 'shutdownBroker', broker })
    else if (kind === 3)
      Object.assign(f, { type: 'isolateBroker', broker }, from.length > 0 ? { from } : {})
    else if (kind === 4) Object.assign(f, { type: 'healBroker', broker })
    else if (kind === 5) Object.assign(f, { type: 'stopZone', zone })
    else if (kind === 6) Object.assign(f, { type: 'startZone', zone })
    else if (kind === 7)
      Object.assign(f, { type: 'isolateZone', zone }, from.length > 0 ? { from } : {})
    else if (kind === 8) Object.assign(f, { type: 'healZone', zone })
    else if (kind === 9) Object.assign(f, { type: 'slowBroker', broker, fetchDelayMs: 40_000 })
    else if (kind === 10) Object.assign(f, { type: 'unslowBroker', broker })
    else if (kind === 11)
      Object.assign(f, { type: 'crashController', controller: r.pick(controllers) })
    else if (kind === 12)
      Object.assign(f, { type: 'startController', controller: r.pick(controllers) })
    else if (kind === 13) Object.assign(f, { type: 'rollingRestart' })
    else Object.assign(f, { type: 'electLeaders', election: r.pick(['PREFERRED', 'UNCLEAN']) })
    faults.push(f)
  }
  // Every broker and zone back at the end, so liveness paths run too.
  faults.push({ atMs: 105_000, type: 'startZone', zone: 'use1-az1' })
  faults.push({ atMs: 105_000, type: 'startZone', zone: 'use1-az2' })
  faults.push({ atMs: 105_000, type: 'startZone', zone: 'use1-az3' })
  for (const broker of brokers) faults.push({ atMs: 106_000, type: 'healBroker', broker })
  for (const broker of brokers) faults.push({ atMs: 107_000, type: 'startBroker', broker })
  faults.sort((x, y) => (x.atMs as number) - (y.atMs as number))
  return {
    version: 1,
    name: `random ${controller} ${seed}`,
    seed,
    durationMs,
    cluster: {
      controller,
      zones,
      brokersPerZone: 2,
      config: {
        'min.insync.replicas': r.int(1, 2),
        'unclean.leader.election.enable': r.int(0, 3) === 0,
      },
    },
    topics: [
      { name: 'orders', partitions: r.int(2, 6), replicationFactor: 3 },
      {
        name: 'events',
        partitions: r.int(1, 4),
        replicationFactor: r.int(1, 3),
        config: { 'min.insync.replicas': 1 },
      },
    ],
    clients: [
      {
        kind: 'producer',
        id: 'p1',
        topic: 'orders',
        recordsPerSecond: r.int(50, 400),
        config: { acks: r.pick(['all', 1]), retries: r.pick([2147483647, 3, 0]) },
      },
      {
        kind: 'producer',
        id: 'p2',
        topic: 'events',
        recordsPerSecond: r.int(10, 200),
        config: { acks: r.pick(['all', 1, 0]) },
      },
      { kind: 'consumer', id: 'c1', topic: 'orders' },
    ],
    faults,
  }
}

const out: Record<string, CaseHashes> = {}

if (only === undefined || only === 'guided') {
  for (const entry of listGuidedScenarios(readText)) {
    const { spec, narration } = loadGuidedScenario(entry.id, readText)
    out[`guided:${entry.id}`] = runCase(
      spec,
      narration.steps.map((s) => s.atMs),
    )
  }
}
if (only === undefined || only === 'random') {
  for (const controller of ['kraft', 'zookeeper'] as const) {
    for (let seed = 1; seed <= randomCount / 2; seed++) {
      const parsed = validateScenario(randomScenario(seed, controller))
      if (!parsed.ok) {
        throw new Error(`random ${controller} ${seed}: ${JSON.stringify(parsed.problems)}`)
      }
      out[`random:${controller}:${seed}`] = runCase(parsed.spec, [20_000, 50_000, 80_000, 110_000])
    }
  }
}
if (only === undefined || only === 'reference') {
  const spec = buildSpec(REFERENCE)
  out['reference'] = runCase(spec, [150_000, 310_000])
}

console.log(JSON.stringify(out, null, 1))
