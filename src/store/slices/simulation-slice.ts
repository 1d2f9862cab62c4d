/**
 * The simulation slice: the latest published snapshot and sim time, the recording and scrubber
 * markers, and `inject`, which applies a fault at the current sim time (forking when in the past).
 */
import type { Fault, TimedFault } from '../../engine/spec'
import type { ClientLogLine, MetricsSample, SimEvent, Snapshot } from '../../engine/types'
import { deepFreeze } from '../runtime'
import type { TimelineMarker } from '../timeline'
import { formatSimTime } from '../selectors'
import type { AppState, SliceCreator } from './types'

export interface Notice {
  tone: 'info' | 'warning' | 'error'
  message: string
}

export interface Violation {
  atMs: number
  message: string
}

export interface SimulationSlice {
  snapshot: Snapshot
  simTimeMs: number
  /** The furthest time reached in the current recording; the scrubber's known past. */
  horizonMs: number
  /** Every fault of the current timeline, past and (after a seek back) future. */
  recording: readonly TimedFault[]
  markers: readonly TimelineMarker[]
  notice: Notice | null
  /** The first invariant violation not yet acknowledged; playback halts while it is set. */
  violation: Violation | null
  /**
   * Applies a fault or admin action at the current sim time.
   * @example store.getState().inject({ type: 'crashBroker', broker: 2 })
   */
  inject(fault: Fault): void
  showNotice(notice: Notice | null): void
  acknowledgeViolation(): void
  /** Publishes the simulation's state; the playback loop calls it at most once per frame. */
  publish(): void
  readEvents(from?: number): readonly SimEvent[]
  readClientLog(from?: number): readonly ClientLogLine[]
  readMetrics(): readonly MetricsSample[]
}

export const createSimulationSlice: SliceCreator<SimulationSlice> = (set, get, runtime) => {
  let publishedRevision = -1
  let publishedTimeline = runtime.timeline
  let acknowledgedViolations = 0

  function publishPatch(): Partial<AppState> {
    const timeline = runtime.timeline
    const snapshot = timeline.sim().snapshot()
    const patch: Partial<AppState> = {
      snapshot: runtime.freeze ? deepFreeze(snapshot) : snapshot,
      simTimeMs: timeline.nowMs(),
      horizonMs: timeline.horizonMs(),
    }
    if (publishedTimeline !== timeline || publishedRevision !== timeline.revision()) {
      publishedTimeline = timeline
      publishedRevision = timeline.revision()
      const markers = timeline.markers().slice()
      patch.recording = timeline.recording().slice()
      patch.markers = markers
      const violations = markers.filter((marker) => marker.kind === 'violation')
      const unseen = violations[acknowledgedViolations]
      if (unseen !== undefined && get().violation === null) {
        patch.violation = { atMs: unseen.atMs, message: unseen.label }
        patch.playing = false
      }
    }
    return patch
  }

  const initial = publishPatch()
  return {
    snapshot: initial.snapshot as Snapshot,
    simTimeMs: initial.simTimeMs ?? 0,
    horizonMs: initial.horizonMs ?? 0,
    recording: initial.recording ?? [],
    markers: initial.markers ?? [],
    notice: null,
    violation: null,
    inject(fault) {
      const result = runtime.timeline.inject(fault)
      if (result.forkedAtMs !== null) {
        const discarded =
          result.discardedFaults === 1 ? '1 later fault' : `${result.discardedFaults} later faults`
        set({
          notice: {
            tone: 'info',
            message: `Forked a new future at ${formatSimTime(result.forkedAtMs)}: discarded ${discarded}.`,
          },
        })
      }
      set(publishPatch())
    },
    showNotice(notice) {
      set({ notice })
    },
    acknowledgeViolation() {
      const count = runtime.timeline.markers().filter((m) => m.kind === 'violation').length
      acknowledgedViolations = count
      set({ violation: null })
    },
    publish() {
      set(publishPatch())
    },
    readEvents: (from) => runtime.timeline.sim().events(from),
    readClientLog: (from) => runtime.timeline.sim().clientLog(from),
    readMetrics: () => runtime.timeline.sim().metricsSeries(),
  }
}
