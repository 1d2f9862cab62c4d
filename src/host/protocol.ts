/**
 * The host protocol: what the store sends to the simulation host (`HostRequest`) and what it gets
 * back (`HostMessage`). The inline host answers on the calling thread (tests, and the fallback
 * when workers are unavailable); the worker host runs the same core inside a Web Worker, so
 * checkpoints of a large cluster never stall the page. Everything here is structured-cloneable
 * data, because it crosses `postMessage`.
 *
 * Logs travel as deltas: `{ from, items }` means "keep the first `from` entries, then append
 * `items`". After a seek back the simulation's logs are shorter, and `from` truncates the copy.
 */
import type { SimulationOptions } from '../engine/api'
import type { Fault, SimulationSpec, TimedFault } from '../engine/spec'
import type { ClientLogLine, MetricsSample, SimEvent, Snapshot } from '../engine/types'
import type { SnapshotPatch } from './snapshot-patch'
import type { TimelineMarker, TimelineOptions } from './timeline'

export type { SnapshotPatch } from './snapshot-patch'

export interface LogDelta<T> {
  from: number
  items: T[]
}

export interface HostUpdate {
  /** A whole snapshot (after a load), or `patch` against the previous one. */
  snapshot?: Snapshot
  patch?: SnapshotPatch
  simTimeMs: number
  horizonMs: number
  /** Present when the recording or the markers changed. */
  timeline?: { recording: TimedFault[]; markers: TimelineMarker[] }
  events: LogDelta<SimEvent>
  clientLog: LogDelta<ClientLogLine>
  metrics: LogDelta<MetricsSample>
  /** Set when an injection in the past forked a new future. */
  fork?: { atMs: number; discardedFaults: number }
  /** A new scenario replaced the timeline. */
  loaded?: boolean
}

export type HostRequest =
  | { type: 'load'; spec: SimulationSpec; atMs: number }
  | { type: 'advance'; targetMs: number }
  | { type: 'step' }
  | { type: 'seek'; atMs: number }
  | { type: 'inject'; fault: Fault }

/** What a host reports: an update, or why a request failed (the state is then unchanged). */
export type HostMessage =
  { kind: 'update'; update: HostUpdate } | { kind: 'error'; message: string }

export interface SimulationHost {
  send(request: HostRequest): void
  /** True while a request is being processed (always false for the inline host). */
  busy(): boolean
  subscribe(listener: (message: HostMessage) => void): () => void
  dispose(): void
}

export interface HostOptions {
  /** Engine options, fixed or chosen per scenario (e.g. invariant checks only for small ones). */
  simulation?: SimulationOptions | ((spec: SimulationSpec) => SimulationOptions)
  timeline?: TimelineOptions
}
