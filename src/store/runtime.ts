/**
 * What the slices share outside reactive state: the simulation host (which owns the mutable
 * simulation, possibly in a worker) and the playback loop's bookkeeping. The mutable engine never
 * goes into reactive state (docs/architecture.md, "Store").
 */
import type { SimulationSpec } from '../engine/spec'
import type { SimulationHost } from '../host/index'
import type { StorageLike } from './persist'
import type { GuidedScenario } from './slices/guided-slice'
import type { Work } from './work'

/** The work a load replaced, with the narration it had, kept for `undoLoad`. */
export interface ReplacedWork extends Work {
  guided: GuidedScenario | null
}

export interface StoreRuntime {
  host: SimulationHost
  /** The scenario the store was created with. */
  initialSpec: SimulationSpec
  /** Deep-freeze published snapshots (dev and test builds), after tldraw's devFreeze. */
  freeze: boolean
  /** Wall time the playback loop has not yet turned into sim time (the host was busy). */
  owedWallMs: number
  /** Sub-millisecond sim time still owed (speed × wall time is fractional). */
  carryMs: number
  /** The latest seek asked for while the host was busy; sent when it answers (drags coalesce). */
  pendingSeekMs: number | null
  /** Where saved work lives (persist.ts); null when it is not kept (tests, embedded views). */
  storage: StorageLike | null
  /** The unsaved work the latest load replaced, until Undo brings it back or another load. */
  replacedWork: ReplacedWork | null
}

/** Freezes plain data in place, all the way down. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  Object.freeze(value)
  for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child)
  return value
}
