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
import type { Comparison } from '../analysis/compare'
import type { SimulationOptions } from '../engine/api'
import type { Fault, SimulationSpec, TimedFault } from '../engine/spec'
import type { ClientLogLine, MetricsSample, SimEvent, Snapshot } from '../engine/types'
import type { PartitionLogView } from '../engine/log-view'
import type { ScenarioParseResult } from '../scenario/types'
import type { CompareDesignsMessage, CompareDesignsRequest } from './compare'
import type { FailoverPatch } from './failover-patch'
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
  /**
   * The failover records (Simulation.failovers) as a patch against the page's copy (an empty
   * list after a load), present when they changed.
   */
  failovers?: FailoverPatch
  /** Set when an injection in the past forked a new future (`undoFork` can bring the old back). */
  fork?: { atMs: number; discardedFaults: number }
  /**
   * Set when `undoFork` put the future from before the latest fork back: the time it returned to
   * and how many faults the restored recording has after it.
   */
  forkUndone?: { atMs: number; restoredFaults: number }
  /** A new scenario replaced the timeline. */
  loaded?: boolean
  /**
   * The log picture of the watched partition (Simulation.partitionLog), on every update while a
   * partition is watched; null when none is (or it does not exist), absent before the first watch.
   */
  partitionLog?: PartitionLogView | null
}

/** A partition by topic name and number. */
export interface PartitionRef {
  topic: string
  partition: number
}

export type HostRequest =
  | { type: 'load'; spec: SimulationSpec; atMs: number }
  | { type: 'advance'; targetMs: number }
  | { type: 'step' }
  | { type: 'seek'; atMs: number }
  | { type: 'inject'; fault: Fault }
  /** Which partition's log picture each update carries (null: none). A load clears it. */
  | { type: 'watch'; partition: PartitionRef | null }
  /** Puts back the recorded future the latest fork replaced and returns to the fork's time. */
  | { type: 'undoFork' }

/** What a host reports: an update, or why a request failed (the state is then unchanged). */
export type HostMessage =
  { kind: 'update'; update: HostUpdate } | { kind: 'error'; message: string }

/**
 * How far a long request has got: the simulated time it started running from (a seek back starts
 * from a checkpoint), the time reached and the time it is going to. A load that runs to a share
 * link's `t` is a 'load'; a seek is a 'seek'. Playback's advances (a frame's worth of time each)
 * report none.
 */
export interface HostProgress {
  job: 'load' | 'seek'
  fromMs: number
  reachedMs: number
  targetMs: number
}

/**
 * What a host says about a long request beside its answers (they do not count as answers):
 * its progress between pieces of work; that it was cancelled (sent just before the answer, which
 * carries the state it left); and that the request which reported progress has been answered.
 * After a cancelled load, `keptPrevious` says the scenario loaded before it is still the one
 * running, and `loadQueued` that another load was already waiting behind it.
 */
export type HostJobReport =
  | { kind: 'progress'; progress: HostProgress }
  | { kind: 'cancelled'; progress: HostProgress; keptPrevious: boolean; loadQueued: boolean }
  | { kind: 'finished' }

/**
 * Two configurations under the same fault script (the specs carry it), both run from time 0 to
 * `durationMs`. Progress is reported every `sliceMs` of simulated time (default 5 s).
 */
export interface CompareRequest {
  specA: SimulationSpec
  specB: SimulationSpec
  durationMs: number
  sliceMs?: number
}

/** What a comparison reports: progress, then either the result or why it failed. */
export type CompareMessage =
  | { kind: 'compareProgress'; atMs: number }
  | { kind: 'compared'; comparison: Comparison }
  | { kind: 'error'; message: string }

export interface CompareOptions {
  onProgress?: (atMs: number) => void
  /** Aborting rejects the promise with "The comparison was cancelled" and stops the runs. */
  signal?: AbortSignal
}

/**
 * The text of a scenario file, to be read and validated by `parseScenario` (the CLI's reader)
 * off the page's thread: a large cluster's file takes tens of milliseconds to read and expand.
 */
export interface ReadScenarioRequest {
  text: string
}

/** What reading a scenario file reports: the reader's result (problems are data), or a crash. */
export type ReadScenarioMessage =
  { kind: 'scenarioRead'; result: ScenarioParseResult } | { kind: 'error'; message: string }

/** What crosses `postMessage` to the worker: a timeline request, a comparison or a file to read. */
export type WorkerRequest =
  | { id: number; request: HostRequest }
  | { id: number; compare: CompareRequest }
  | { id: number; readScenario: ReadScenarioRequest }
  /** Two designs under one fault script (compare.ts, `compareDesigns`), in a worker of its own. */
  | { id: number; compareDesigns: CompareDesignsRequest }
  /** Stop the timeline request `id` between two of its pieces (it is then answered at once). */
  | { id: number; cancel: true }

export interface WorkerAnswer {
  id: number
  message: HostMessage | CompareMessage | ReadScenarioMessage | CompareDesignsMessage
}

/** A report on the timeline request `id` (HostJobReport), posted beside the answers. */
export interface WorkerReport {
  id: number
  report: HostJobReport
}

export interface SimulationHost {
  send(request: HostRequest): void
  /**
   * Runs a comparison beside the timeline (the timeline's state is untouched) and resolves with
   * the result. A property, not a method, so callers can pass it on unbound.
   */
  compare: (request: CompareRequest, options?: CompareOptions) => Promise<Comparison>
  /** True while a request is being processed (always false for the inline host). */
  busy(): boolean
  subscribe(listener: (message: HostMessage) => void): () => void
  /**
   * Reports on long requests (progress, cancelled, finished). Optional: the inline host answers
   * every request at once and has none.
   */
  subscribeReports?: (listener: (report: HostJobReport) => void) => () => void
  /** Stops the request that last reported progress, if it is still running. */
  cancel?: () => void
  dispose(): void
}

export interface HostOptions {
  /** Engine options, fixed or chosen per scenario (e.g. invariant checks only for small ones). */
  simulation?: SimulationOptions | ((spec: SimulationSpec) => SimulationOptions)
  timeline?: TimelineOptions
}
