/**
 * Running comparisons: two simulations (same seed, same fault script) advanced in lockstep, in
 * slices of simulated time so progress can be reported between slices. What the two runs are
 * turned into — outcomes, rows, winners — is `src/analysis/compare.ts`; which designs run, and
 * how each is read, is `src/analysis/compare-designs.ts`; this module drives the engine. The
 * worker runs the slices back to back (it has its own thread); the inline host yields to the
 * page between slices.
 *
 * A design comparison also keeps frames of both runs for the side-by-side topologies: a slim
 * snapshot (no high watermarks, replica offsets or traffic, which the compact view does not
 * draw) every `frameMs`, each sent as a patch against the one before, so a frame costs only the
 * partitions whose leader or ISR changed.
 */
import { runOutcome, summarise } from '../analysis/index'
import type { Comparison } from '../analysis/index'
import {
  compareFindings,
  type Design,
  describeFaultScript,
  type DesignSource,
  type FaultScript,
  faultProblems,
  faultScriptFaults,
  type FindingLine,
  readDesign,
  runnableSpec,
} from '../analysis/compare-designs'
import type { Simulation } from '../engine/api'
import type { SimulationSpec, TimedFault } from '../engine/spec'
import type { Snapshot } from '../engine/types'
import { type Problem, renderProblem } from '../scenario/messages'
import type { EnginePort } from './engine-port'
import type { CompareOptions, CompareRequest } from './protocol'
import { diffSnapshot, patchJson } from './snapshot-patch'

const DEFAULT_SLICE_MS = 5_000
/** At most this many frames per run: a long run gets coarser frames. */
export const MAX_FRAMES = 300

/** Two simulations advanced in lockstep. */
export interface ComparisonRun {
  nowMs: () => number
  advanceTo: (atMs: number) => void
  result: () => Comparison
}

function lockstep(a: Simulation, b: Simulation) {
  let now = 0
  return {
    nowMs: () => now,
    advanceTo(atMs: number) {
      a.runUntil(atMs)
      b.runUntil(atMs)
      now = atMs
    },
    result: () => summarise(runOutcome(a), runOutcome(b), now),
  }
}

/**
 * Both simulations start with the engine's default options, as a fresh run of the scenario would.
 * Their specs keep their fault scripts: unlike the timeline, a comparison never seeks or forks,
 * so the engine can apply the script itself.
 */
export function createComparisonRun(engine: EnginePort, request: CompareRequest): ComparisonRun {
  return lockstep(engine.createSimulation(request.specA), engine.createSimulation(request.specB))
}

function nextSliceEndMs(run: ComparisonRun, request: CompareRequest): number {
  return Math.min(request.durationMs, run.nowMs() + (request.sliceMs ?? DEFAULT_SLICE_MS))
}

/**
 * Runs a comparison to its end on the calling thread, reporting progress after each slice.
 *
 * @example
 * const c = runComparison(engine, { specA: spec, specB: variant, durationMs: 120_000 })
 * c.rows.find((r) => r.key === 'lost') // { a: 0, b: 412, winner: 'A', ... }
 */
export function runComparison(
  engine: EnginePort,
  request: CompareRequest,
  onProgress?: (atMs: number) => void,
): Comparison {
  const run = createComparisonRun(engine, request)
  while (run.nowMs() < request.durationMs) {
    run.advanceTo(nextSliceEndMs(run, request))
    onProgress?.(run.nowMs())
  }
  return run.result()
}

const CANCELLED = 'The comparison was cancelled'
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0))

/** The same run, yielding to the page between slices and stopping when `signal` aborts. */
export async function runComparisonInSlices(
  engine: EnginePort,
  request: CompareRequest,
  options: CompareOptions = {},
): Promise<Comparison> {
  const run = createComparisonRun(engine, request)
  while (run.nowMs() < request.durationMs) {
    if (options.signal?.aborted === true) throw new Error(CANCELLED)
    run.advanceTo(nextSliceEndMs(run, request))
    options.onProgress?.(run.nowMs())
    await yieldToPage()
  }
  return run.result()
}

// ---------------------------------------------------------------------------------------------
// Comparing two designs
// ---------------------------------------------------------------------------------------------

/**
 * Two designs (`src/analysis/compare-designs.ts`) under one fault script, both run from time 0
 * to `durationMs` with the current scenario's seed.
 */
export interface CompareDesignsRequest {
  /** The loaded scenario, with the faults recorded so far. */
  current: SimulationSpec
  a: DesignSource
  b: DesignSource
  faults: FaultScript
  durationMs: number
  /** Progress every `sliceMs` of simulated time (default 5 s). */
  sliceMs?: number
  /** A frame every `frameMs` (default: 1 s, coarser when the run would exceed MAX_FRAMES). */
  frameMs?: number
}

/**
 * One run's frames: frame k shows time `times[k]`; frame 0 is a whole snapshot, each later one
 * the patch from the frame before. Each travels as JSON text, which crosses `postMessage` as one
 * string and is parsed only when the page shows that moment: a 10,000-partition cluster's frames
 * are megabytes of objects that would otherwise be rebuilt on the page's thread all at once.
 */
export interface FrameTrack {
  times: number[]
  /** JSON of a `Snapshot`. */
  first: string
  /** JSON of a `SnapshotPatch` each. */
  patches: string[]
}

/** What a design turned out to be, for the page: no spec, which can be large. */
export interface DesignSummary {
  /** The kind, short: "Current", "Edited copy", "Reassignment", "Describe", "File". */
  name: string
  label: string
  details: string[]
  /** The reader's warnings, rendered. */
  warnings: string[]
  brokerType: string | null
}

export interface DesignComparison extends Comparison {
  designs: { a: DesignSummary; b: DesignSummary }
  /** The fault script both ran, in words and as data. */
  faultScript: { text: string; faults: TimedFault[] }
  findings: { a: FindingLine[]; b: FindingLine[] }
  frames: { a: FrameTrack; b: FrameTrack }
}

/** A design that could not be read or could not run the fault script, and why. */
export interface DesignRejection {
  side: 'A' | 'B'
  /** The design's label, or its kind when it could not be read. */
  label: string
  problems: Problem[]
}

export type DesignOutcome =
  { ok: true; comparison: DesignComparison } | { ok: false; rejections: DesignRejection[] }

/** What a design comparison reports: progress, then the outcome or why it failed. */
export type CompareDesignsMessage =
  | { kind: 'compareProgress'; atMs: number }
  | { kind: 'designsCompared'; outcome: DesignOutcome }
  | { kind: 'error'; message: string }

/** 1 s, or the whole seconds that keep a run within MAX_FRAMES frames. */
export function frameIntervalMs(durationMs: number): number {
  return Math.max(1000, Math.ceil(durationMs / MAX_FRAMES / 1000) * 1000)
}

/** The snapshot as the compact topology needs it. */
function slimSnapshot(snapshot: Snapshot): Snapshot {
  const { traffic: _traffic, rates: _rates, partitions, ...rest } = snapshot
  return {
    ...rest,
    partitions: partitions.map((p) => ({ ...p, highWatermark: 0, replicaStates: [] })),
  }
}

function frameRecorder(sim: Simulation) {
  let previous = slimSnapshot(sim.snapshot())
  const track: FrameTrack = { times: [sim.nowMs()], first: JSON.stringify(previous), patches: [] }
  return {
    track,
    capture() {
      const next = slimSnapshot(sim.snapshot())
      const diff = diffSnapshot(previous, next)
      if (diff === null) throw new Error('the partition list changed during a comparison')
      track.times.push(sim.nowMs())
      track.patches.push(patchJson(diff.patch))
      previous = diff.sent
    },
  }
}

const SHORT_NAMES: Record<DesignSource['kind'], string> = {
  current: 'Current',
  edited: 'Edited copy',
  reassignment: 'Reassignment',
  describe: 'Describe',
  file: 'File',
}

function summaryOf(design: Design, spec: SimulationSpec): DesignSummary {
  const { label, details, warnings } = design
  return {
    name: SHORT_NAMES[design.kind],
    label,
    details,
    warnings: warnings.map((p) => `${p.path}: ${renderProblem(p)}`),
    brokerType: spec.cluster.brokerType ?? null,
  }
}

const KIND_NAMES: Record<DesignSource['kind'], string> = {
  current: 'Current scenario',
  edited: 'Edited copy',
  reassignment: 'Reassignment',
  describe: 'kafka-topics --describe output',
  file: 'Scenario file',
}

/** Reads both designs and checks the fault script fits each; the specs to run, or rejections. */
function prepareDesigns(request: CompareDesignsRequest) {
  const faults = faultScriptFaults(request.faults, request.current)
  const rejections: DesignRejection[] = []
  const ready = (['A', 'B'] as const).flatMap((side) => {
    const source = side === 'A' ? request.a : request.b
    const read = readDesign(source, request.current)
    if (!read.ok) {
      rejections.push({ side, label: KIND_NAMES[source.kind], problems: read.problems })
      return []
    }
    const { design } = read
    const spec = runnableSpec(design, request.current, faults, request.durationMs)
    const problems = faultProblems(spec, faults)
    if (problems.length > 0) rejections.push({ side, label: design.label, problems })
    return [{ spec, summary: summaryOf(design, spec) }]
  })
  return { faults, rejections, ready }
}

/** A design comparison in progress: advance it frame by frame, then read the result. */
export interface DesignRun {
  nowMs: () => number
  /** Runs both designs to the next frame (or the end) and records it. */
  advance: () => void
  done: () => boolean
  result: () => DesignComparison
}

/**
 * Reads the designs and starts both simulations, or says why it cannot.
 *
 * @example
 * const started = startDesignComparison(engine, request)
 * if (started.ok) while (!started.run.done()) started.run.advance()
 */
export function startDesignComparison(
  engine: EnginePort,
  request: CompareDesignsRequest,
): { ok: true; run: DesignRun } | { ok: false; rejections: DesignRejection[] } {
  const { faults, rejections, ready } = prepareDesigns(request)
  if (rejections.length > 0) return { ok: false, rejections }
  const [a, b] = ready as [(typeof ready)[number], (typeof ready)[number]]
  const simA = engine.createSimulation(a.spec)
  const simB = engine.createSimulation(b.spec)
  const run = lockstep(simA, simB)
  const framesA = frameRecorder(simA)
  const framesB = frameRecorder(simB)
  const frameMs = request.frameMs ?? frameIntervalMs(request.durationMs)
  return {
    ok: true,
    run: {
      nowMs: run.nowMs,
      done: () => run.nowMs() >= request.durationMs,
      advance() {
        run.advanceTo(Math.min(request.durationMs, run.nowMs() + frameMs))
        framesA.capture()
        framesB.capture()
      },
      result: () => ({
        ...run.result(),
        designs: { a: a.summary, b: b.summary },
        faultScript: { text: describeFaultScript(request.faults, request.current), faults },
        findings: compareFindings(a.spec, b.spec),
        frames: { a: framesA.track, b: framesB.track },
      }),
    },
  }
}

/** Advances `run` until the next progress report is due (every `sliceMs`) or the end. */
function advanceSlice(run: DesignRun, sliceMs: number): void {
  const until = run.nowMs() + sliceMs
  do run.advance()
  while (!run.done() && run.nowMs() < until)
}

/**
 * Compares two designs to the end on the calling thread (the worker), reporting progress after
 * each slice; problems reading a design are an outcome, a crash is an error message.
 *
 * @example
 * const message = compareDesigns(engine, { current: spec, a: { kind: 'current' },
 *   b: { kind: 'reassignment' }, faults: { kind: 'zone', zone: 'use1-az1', atMs: 10_000 },
 *   durationMs: 120_000 })
 */
export function compareDesigns(
  engine: EnginePort,
  request: CompareDesignsRequest,
  onProgress?: (atMs: number) => void,
): CompareDesignsMessage {
  try {
    const started = startDesignComparison(engine, request)
    if (!started.ok) return { kind: 'designsCompared', outcome: started }
    const { run } = started
    while (!run.done()) {
      advanceSlice(run, request.sliceMs ?? DEFAULT_SLICE_MS)
      onProgress?.(run.nowMs())
    }
    return { kind: 'designsCompared', outcome: { ok: true, comparison: run.result() } }
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) }
  }
}

/** The same comparison, yielding to the page between slices and stopping when `signal` aborts. */
export async function compareDesignsInSlices(
  engine: EnginePort,
  request: CompareDesignsRequest,
  options: CompareOptions = {},
): Promise<DesignOutcome> {
  const cancelled = () => options.signal?.aborted === true
  if (cancelled()) throw new Error(CANCELLED)
  const started = startDesignComparison(engine, request)
  if (!started.ok) return started
  const { run } = started
  while (!run.done()) {
    await yieldToPage()
    if (cancelled()) throw new Error(CANCELLED)
    advanceSlice(run, request.sliceMs ?? DEFAULT_SLICE_MS)
    options.onProgress?.(run.nowMs())
  }
  return { ok: true, comparison: run.result() }
}
