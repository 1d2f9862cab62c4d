/**
 * Running a comparison: two simulations (same seed, same fault script) advanced in lockstep, in
 * slices of simulated time so progress can be reported between slices. What the two runs are
 * turned into — outcomes, rows, winners — is `src/analysis/compare.ts`; this module only drives
 * the engine. The worker runs the slices back to back (it has its own thread); the inline host
 * yields to the page between slices.
 */
import { runOutcome, summarise } from '../analysis/index'
import type { Comparison } from '../analysis/index'
import type { EnginePort } from './engine-port'
import type { CompareOptions, CompareRequest } from './protocol'

const DEFAULT_SLICE_MS = 5_000

/** Two simulations advanced in lockstep. */
export interface ComparisonRun {
  nowMs: () => number
  advanceTo: (atMs: number) => void
  result: () => Comparison
}

/**
 * Both simulations start with the engine's default options, as a fresh run of the scenario would.
 * Their specs keep their fault scripts: unlike the timeline, a comparison never seeks or forks,
 * so the engine can apply the script itself.
 */
export function createComparisonRun(engine: EnginePort, request: CompareRequest): ComparisonRun {
  const a = engine.createSimulation(request.specA)
  const b = engine.createSimulation(request.specB)
  let now = 0
  return {
    nowMs: () => now,
    advanceTo(atMs) {
      a.runUntil(atMs)
      b.runUntil(atMs)
      now = atMs
    },
    result: () => summarise(runOutcome(a), runOutcome(b), now),
  }
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

/** The same run, yielding to the page between slices and stopping when `signal` aborts. */
export async function runComparisonInSlices(
  engine: EnginePort,
  request: CompareRequest,
  options: CompareOptions = {},
): Promise<Comparison> {
  const run = createComparisonRun(engine, request)
  while (run.nowMs() < request.durationMs) {
    if (options.signal?.aborted === true) throw new Error('The comparison was cancelled')
    run.advanceTo(nextSliceEndMs(run, request))
    options.onProgress?.(run.nowMs())
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return run.result()
}
