/**
 * Where a guided scenario's narration stands at a simulated time: the current step (the last one
 * whose `atMs` has been reached) and the next checkpoint, the time at which playback pauses so
 * the learner can read. Pure, so the playback loop and the panel agree and tests need no DOM.
 */
import type { NarrationStep, ScenarioNarration } from '../../scenario/types'

export interface NarrationPosition {
  /** Index into `narration.steps` of the current step; -1 before the first step's time. */
  index: number
  /** The first checkpoint strictly after the time, or null when none is left. */
  nextCheckpointMs: number | null
}

/** Steps in time order; steps with the same `atMs` keep their file order. */
export function orderedSteps(narration: ScenarioNarration): readonly NarrationStep[] {
  const steps = narration.steps
  const sorted = steps.every((step, i) => i === 0 || steps[i - 1]!.atMs <= step.atMs)
  return sorted ? steps : [...steps].sort((a, b) => a.atMs - b.atMs)
}

/**
 * @example
 * narrationPosition(narration, 10_000) // { index: 1, nextCheckpointMs: 36_000 }
 */
export function narrationPosition(
  narration: ScenarioNarration,
  simTimeMs: number,
): NarrationPosition {
  const steps = orderedSteps(narration)
  let index = -1
  let nextCheckpointMs: number | null = null
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!
    if (step.atMs <= simTimeMs) index = i
    else if (step.checkpoint === true && nextCheckpointMs === null) nextCheckpointMs = step.atMs
  }
  return { index, nextCheckpointMs }
}

/** The current step's index, or -1 before the first step. */
export function currentStepIndex(narration: ScenarioNarration, simTimeMs: number): number {
  return narrationPosition(narration, simTimeMs).index
}

/** The first checkpoint after `simTimeMs`, or null. */
export function nextCheckpointMs(narration: ScenarioNarration, simTimeMs: number): number | null {
  return narrationPosition(narration, simTimeMs).nextCheckpointMs
}

/**
 * The checkpoint playback passed when it advanced from `fromMs` to `toMs`: the first checkpoint
 * with fromMs < atMs <= toMs, or null. A checkpoint exactly at `fromMs` was already honoured.
 *
 * @example
 * const cp = crossedCheckpoint(narration, previous.simTimeMs, state.simTimeMs)
 * if (cp !== null && state.playing) { state.pause(); state.seek(cp) }
 */
export function crossedCheckpoint(
  narration: ScenarioNarration,
  fromMs: number,
  toMs: number,
): number | null {
  if (!(toMs > fromMs)) return null
  const next = nextCheckpointMs(narration, fromMs)
  return next !== null && next <= toMs ? next : null
}
