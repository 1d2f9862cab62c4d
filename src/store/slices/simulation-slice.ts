/**
 * The simulation slice: the latest published snapshot and sim time, the recording and scrubber
 * markers, copies of the logs, and `inject`, which applies a fault at the current sim time
 * (forking when in the past, which `undoFork` takes back). `receive` applies what the simulation
 * host reports.
 */
import type { FailoverRecord } from '../../engine/failovers'
import type { PartitionLogView } from '../../engine/log-view'
import type { Fault, TimedFault } from '../../engine/spec'
import type { ClientLogLine, MetricsSample, SimEvent, Snapshot } from '../../engine/types'
import type { Comparison } from '../../analysis/index'
import type {
  CompareOptions,
  CompareRequest,
  HostMessage,
  HostUpdate,
  LogDelta,
  TimelineMarker,
} from '../../host/index'
import { applyFailoverPatch, applyPatch } from '../../host/index'
import { deepFreeze } from '../runtime'
import { formatSimTime } from '../../scenario/sim-time'
import { settleStep } from './playback-slice'
import type { AppState, SliceCreator } from './types'

export interface Notice {
  tone: 'info' | 'warning' | 'error'
  message: string
  /**
   * What the notice's Undo button takes back: the latest fork (`undoFork`) or the load that
   * replaced unsaved work (`undoLoad`). Absent: no Undo.
   */
  undo?: 'fork' | 'load'
}

export interface Violation {
  atMs: number
  message: string
}

export interface SimulationSlice {
  /** Null until the host has loaded the scenario (a worker answers asynchronously). */
  snapshot: Snapshot | null
  simTimeMs: number
  /** The furthest time reached in the current recording; the scrubber's known past. */
  horizonMs: number
  /** Every fault of the current timeline, past and (after a seek back) future. */
  recording: readonly TimedFault[]
  markers: readonly TimelineMarker[]
  events: readonly SimEvent[]
  clientLog: readonly ClientLogLine[]
  metricsSeries: readonly MetricsSample[]
  /** One record per fault so far, as the clients felt it (the run report's `failovers`). */
  failovers: readonly FailoverRecord[]
  /**
   * The log picture of the selected partition, as the host last computed it (null while nothing
   * is selected). It may lag the selection by one answer: check its topic and partition.
   */
  partitionLog: PartitionLogView | null
  notice: Notice | null
  /** The first invariant violation not yet acknowledged; playback halts while it is set. */
  violation: Violation | null
  /**
   * Applies a fault or admin action at the current sim time.
   * @example store.getState().inject({ type: 'crashBroker', broker: 2 })
   */
  inject: (fault: Fault) => void
  /**
   * Takes back the latest fork: the recorded future it replaced returns, at the fork's time.
   * @example store.getState().undoFork() // after the fork notice
   */
  undoFork: () => void
  showNotice: (notice: Notice | null) => void
  acknowledgeViolation: () => void
  /** Applies one message from the simulation host: at most one publish per message. */
  receive: (message: HostMessage) => void
  /** Whether the host is still working on a request (tests wait for it to settle). */
  isHostBusy: () => boolean
  /**
   * Runs two configurations under the same fault script in the host (in the worker, beside the
   * timeline) and resolves with what differs. Nothing in the store's state changes.
   * @example
   * const c = await store.getState().runComparison({ specA: spec, specB, durationMs: 60_000 })
   */
  runComparison: (request: CompareRequest, options?: CompareOptions) => Promise<Comparison>
}

function applyDelta<T>(current: readonly T[], delta: LogDelta<T>): readonly T[] {
  if (delta.items.length === 0 && delta.from === current.length) return current
  return current.slice(0, delta.from).concat(delta.items)
}

function snapshotOf(previous: Snapshot | null, update: HostUpdate): Snapshot | null {
  if (update.snapshot !== undefined) return update.snapshot
  if (update.patch === undefined || previous === null) return null
  return applyPatch(previous, update.patch)
}

const laterFaults = (n: number) => (n === 1 ? '1 later fault' : `${n} later faults`)

/** Only acting in the past forks (at the live edge scripted faults stay); Undo takes it back. */
function forkNotice(atMs: number, discardedFaults: number): Notice {
  const dropped =
    discardedFaults === 0
      ? 'the run recorded after it was dropped'
      : `discarded ${laterFaults(discardedFaults)}`
  return {
    tone: 'info',
    message: `Forked a new future at ${formatSimTime(atMs)}: ${dropped}. Undo brings the old future back.`,
    undo: 'fork',
  }
}

function forkUndoneNotice(atMs: number, restoredFaults: number): Notice {
  const restored = restoredFaults === 0 ? '' : `, with its ${laterFaults(restoredFaults)}`
  return {
    tone: 'info',
    message: `Undid the fork: back at ${formatSimTime(atMs)} on the old future${restored}.`,
  }
}

export const createSimulationSlice: SliceCreator<SimulationSlice> = (set, get, runtime) => {
  let acknowledgedViolations = 0

  return {
    snapshot: null,
    simTimeMs: 0,
    horizonMs: 0,
    recording: [],
    markers: [],
    events: [],
    clientLog: [],
    metricsSeries: [],
    failovers: [],
    partitionLog: null,
    notice: null,
    violation: null,
    inject(fault) {
      runtime.host.send({ type: 'inject', fault })
    },
    undoFork() {
      set({ playing: false })
      runtime.carryMs = 0
      runtime.host.send({ type: 'undoFork' })
    },
    showNotice(notice) {
      set({ notice })
    },
    acknowledgeViolation() {
      acknowledgedViolations = get().markers.filter((m) => m.kind === 'violation').length
      set({ violation: null })
    },
    isHostBusy: () => runtime.host.busy(),
    runComparison: (request, options) => runtime.host.compare(request, options),
    receive(message) {
      if (message.kind === 'error') {
        set({ playing: false, notice: { tone: 'error', message: message.message } })
        return
      }
      const update = message.update
      const state = get()
      if (update.loaded === true) acknowledgedViolations = 0
      const snapshot = snapshotOf(state.snapshot, update)
      if (snapshot === null) return
      const patch: Partial<AppState> = {
        snapshot: runtime.freeze ? deepFreeze(snapshot) : snapshot,
        simTimeMs: update.simTimeMs,
        horizonMs: update.horizonMs,
        events: applyDelta(state.events, update.events),
        clientLog: applyDelta(state.clientLog, update.clientLog),
        metricsSeries: applyDelta(state.metricsSeries, update.metrics),
      }
      const failoverBase = update.loaded === true ? [] : state.failovers
      if (update.failovers !== undefined)
        patch.failovers = applyFailoverPatch(failoverBase, update.failovers)
      else if (update.loaded === true) patch.failovers = []
      if (update.partitionLog !== undefined) {
        const log = update.partitionLog
        patch.partitionLog = runtime.freeze && log !== null ? deepFreeze(log) : log
      }
      if (update.timeline !== undefined) {
        patch.recording = update.timeline.recording
        patch.markers = update.timeline.markers
        const violations = update.timeline.markers.filter((m) => m.kind === 'violation')
        const unseen = violations[acknowledgedViolations]
        if (unseen !== undefined && state.violation === null) {
          patch.violation = { atMs: unseen.atMs, message: unseen.label }
          patch.playing = false
        }
      }
      if (update.fork !== undefined) {
        patch.notice = forkNotice(update.fork.atMs, update.fork.discardedFaults)
      }
      if (update.forkUndone !== undefined) {
        patch.notice = forkUndoneNotice(update.forkUndone.atMs, update.forkUndone.restoredFaults)
      }
      Object.assign(patch, settleStep(state, update, runtime.host.busy()))
      set(patch)
      if (runtime.pendingSeekMs !== null && !runtime.host.busy()) get().seek(runtime.pendingSeekMs)
    },
  }
}
