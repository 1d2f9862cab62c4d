/**
 * What the slices share outside reactive state: the engine entry points and the current timeline
 * (which holds the mutable simulation). STYLE.md §3: never put the mutable engine in state.
 */
import type { SimulationSpec } from '../engine/spec'
import type { EnginePort } from './engine-port'
import type { Timeline, TimelineOptions } from './timeline'
import { createTimeline } from './timeline'

export interface StoreRuntime {
  engine: EnginePort
  /** The scenario the store was created with (the timeline's copy has its faults removed). */
  initialSpec: SimulationSpec
  timeline: Timeline
  timelineOptions: TimelineOptions
  /** Deep-freeze published snapshots (dev and test builds), after tldraw's devFreeze. */
  freeze: boolean
  /** Sub-millisecond sim time the playback loop still owes (speed × wall time is fractional). */
  carryMs: number
}

export function createRuntime(
  engine: EnginePort,
  spec: SimulationSpec,
  timelineOptions: TimelineOptions,
  freeze: boolean,
): StoreRuntime {
  return {
    engine,
    initialSpec: spec,
    timeline: createTimeline(spec, engine, timelineOptions),
    timelineOptions,
    freeze,
    carryMs: 0,
  }
}

/** Freezes plain data in place, all the way down. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  Object.freeze(value)
  for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child)
  return value
}
