/**
 * The user's work: the scenario with its recorded faults and the time, as the store holds it, and
 * what counts as unsaved. Persistence (persist.ts), the address bar (autosave.ts) and the undo of
 * a replacing load (scenario-slice.ts) all decide from these functions, so they agree.
 *
 * @example
 * if (hasUnsavedWork(store.getState())) showUndoOffer()
 */
import type { SimulationSpec, TimedFault } from '../engine/spec'

/** Everything needed to bring a piece of work back exactly (the engine is deterministic). */
export interface Work {
  /** The scenario as loaded; its `faults` are the scenario's own script. */
  spec: SimulationSpec
  /** Every fault of the timeline: the script's, minus any a fork discarded, plus the user's. */
  recording: readonly TimedFault[]
  atMs: number
  /** Whether the scenario itself is the user's edit (see `hasUnsavedWork`). */
  edited: boolean
}

export interface WorkState {
  spec: SimulationSpec
  recording: readonly TimedFault[]
  simTimeMs: number
  edited: boolean
}

export function currentWork(state: WorkState): Work {
  return {
    spec: state.spec,
    recording: state.recording,
    atMs: state.simTimeMs,
    edited: state.edited,
  }
}

/** Plain data with every object's keys sorted, so that key order never makes two copies differ. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sortedKeys(record[key])]),
  )
}

/** A fault as text with its keys sorted, so two copies compare equal whatever their key order. */
export function faultKey(fault: TimedFault): string {
  return JSON.stringify(sortedKeys(fault))
}

/**
 * For each fault of `recording`, whether it is one of the scenario's scripted faults (matched as
 * a multiset: two equal faults at the same time match two scripted ones).
 */
export function scriptedMask(
  script: readonly TimedFault[],
  recording: readonly TimedFault[],
): boolean[] {
  const left = new Map<string, number>()
  for (const fault of script) left.set(faultKey(fault), (left.get(faultKey(fault)) ?? 0) + 1)
  return recording.map((fault) => {
    const key = faultKey(fault)
    const n = left.get(key) ?? 0
    if (n > 0) left.set(key, n - 1)
    return n > 0
  })
}

/** How many recorded faults the user added (faults the scenario's script does not have). */
export function userFaultCount(work: Pick<Work, 'spec' | 'recording'>): number {
  return scriptedMask(work.spec.faults, work.recording).filter((scripted) => !scripted).length
}

/** Whether the recording is exactly the scenario's script: nothing injected, nothing discarded. */
export function recordingIsScript(work: Pick<Work, 'spec' | 'recording'>): boolean {
  return (
    work.recording.length === work.spec.faults.length &&
    scriptedMask(work.spec.faults, work.recording).every(Boolean)
  )
}

/**
 * Whether the current work is unsaved: whether replacing the scenario would lose something that
 * nothing else holds. That is
 *
 * - faults the user injected, or scripted faults a fork discarded (the recording is not the
 *   scenario's script), or
 * - a scenario the user made in the dashboard (`edited`): one loaded by the Scenario tab, an
 *   advisor fix, an import or a file (any load that does not say it came from elsewhere), or
 *   brought back from saved work that was such a scenario.
 *
 * A scenario as it came, untouched, from the default, a share link or a guided scenario is not
 * unsaved work, and neither is the time alone: the link or the scenario replays to any time.
 */
export function hasUnsavedWork(state: Pick<WorkState, 'spec' | 'recording' | 'edited'>): boolean {
  return state.edited || !recordingIsScript(state)
}
