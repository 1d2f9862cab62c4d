/**
 * The time machine (after raftscope's `state.js`): one recording of faults, a running simulation
 * and periodic checkpoints. Seeking back re-creates the simulation from the latest checkpoint at
 * or before the target and replays the recorded faults up to it. Acting at the live edge (the
 * furthest time reached) adds the fault to the recording and keeps the faults scripted for later,
 * which still fire at their times; acting in the past truncates the recording there and forks a
 * new future, and `undoFork` brings the old one back (one level: the latest fork).
 *
 * Why the timeline applies the scripted faults itself instead of handing them to the engine in
 * `spec.faults`: a checkpoint then holds only faults at or before its own time, so it stays valid
 * for every future that shares that past, and a fork can restore it. Each fault is injected the
 * moment the clock reaches its `atMs`, after the engine's own events at that instant.
 *
 * @example
 * const timeline = createTimeline(spec, { createSimulation, restoreSimulation })
 * timeline.advance(30_000)
 * timeline.inject({ type: 'crashBroker', broker: 1 })
 * timeline.seek(10_000) // back in time; the crash at 30 s is still recorded and replays
 */
import type { Simulation, SimulationCheckpoint, SimulationOptions } from '../engine/api'
import type { Fault, SimulationSpec, TimedFault } from '../engine/spec'
import type { SimEvent } from '../engine/types'
import type { EnginePort } from './engine-port'

export type MarkerKind = 'fault' | 'election' | 'offline' | 'broker' | 'controller' | 'violation'

/** A point on the scrubber; events of one kind close together are merged and counted. */
export interface TimelineMarker {
  atMs: number
  kind: MarkerKind
  label: string
  count: number
  /** Index in the event log of the first event merged into this marker. */
  eventIndex: number
}

export interface TimelineOptions {
  simulation?: SimulationOptions
  /** Sim time between checkpoints (default 5 s). */
  checkpointIntervalMs?: number
  /** Oldest-first thinning keeps at most this many checkpoints (default 120). */
  maxCheckpoints?: number
  /** Wall clock for measuring checkpoint cost (default `performance.now`). */
  wallClockMs?: () => number
}

export interface InjectResult {
  /** Set when acting in the past discarded the recorded future (`undoFork` restores it). */
  forkedAtMs: number | null
  discardedFaults: number
}

export interface Timeline {
  readonly spec: SimulationSpec
  sim(): Simulation
  nowMs(): number
  /** The furthest time reached in the current recording. */
  horizonMs(): number
  recording(): readonly TimedFault[]
  markers(): readonly TimelineMarker[]
  /** Goes up whenever the recording or the markers change, so the store knows to republish. */
  revision(): number
  advance(targetMs: number): void
  /** To the next logged event, stopping at the next recorded fault; returns the new time. */
  step(): number
  seek(targetMs: number): void
  inject(fault: Fault): InjectResult
  /** Whether a fork can be undone: the latest fork, until the next fork (a load starts afresh). */
  canUndoFork(): boolean
  /**
   * Puts back the recording, checkpoints, horizon and markers from before the latest fork and
   * returns to the fork's time, replaying the old future's past; returns that time, or null when
   * there is no fork to undo. Faults added after the fork go with it.
   */
  undoFork(): number | null
  /** `advance`, in pieces that can pause between them (see `SlicedRun`). */
  beginAdvance(targetMs: number): SlicedRun
  /** `seek`, in pieces: a seek back first rewinds to a checkpoint (one piece), then advances. */
  beginSeek(targetMs: number): SlicedRun
}

/**
 * An advance or seek done in pieces, so a host can stop between them (to answer a Cancel, or post
 * its progress). Between pieces the timeline is consistent: the simulation is at `nowMs()`, every
 * recorded fault due by then is applied and none later, so `stop()` can leave it there. The work
 * is exactly the unsliced call's (the same boundaries, checkpoints and fault injections, and
 * `runUntil` in steps, which the engine's determinism makes the same as one call), so a run
 * taken in pieces reaches the same state.
 */
export interface SlicedRun {
  /** Where the simulation started running from (after a seek back's rewind) and is going. */
  readonly fromMs: number
  readonly targetMs: number
  /**
   * Works until the target or until `shouldYield()` (asked between pieces of at most
   * `SLICE_SIM_MS` of simulated time) says to pause; true once at the target.
   */
  run(shouldYield: () => boolean): boolean
  /** Ends the run at the time reached, as if that had been the target (markers, horizon). */
  stop(): void
}

interface Checkpoint {
  atMs: number
  /** How many recorded faults the simulation had applied. */
  applied: number
  data: SimulationCheckpoint
}

/** What a fork replaced, kept so that `undoFork` can put it back. */
interface ForkUndo {
  atMs: number
  recording: TimedFault[]
  checkpoints: Checkpoint[]
  horizon: number
  markers: TimelineMarker[]
  markedEvents: number
}

const MARKER_MERGE_MS = 250
/** At most about this many checkpoints in one advance, however far it goes. */
const FORWARD_CHECKPOINTS = 16
const STEP_LIMIT_MS = 60_000
/**
 * The most simulated time one piece of a sliced run covers before it may pause: a second of the
 * reference cluster (10,000 partitions) takes a few milliseconds, so a host checking its wall
 * clock between pieces keeps to its budget.
 */
export const SLICE_SIM_MS = 500

/** Sorts scripted faults by time, keeping the script's order for equal times. */
function sortFaults(faults: readonly TimedFault[]): TimedFault[] {
  return faults
    .map((fault, index) => ({ fault, index }))
    .sort((a, b) => a.fault.atMs - b.fault.atMs || a.index - b.index)
    .map((entry) => entry.fault)
}

function withoutTime(fault: TimedFault): Fault {
  const { atMs: _atMs, ...rest } = fault
  return rest
}

function markerOf(event: SimEvent): { kind: MarkerKind; label: string } | null {
  switch (event.type) {
    case 'FaultInjected':
      return { kind: 'fault', label: `${event.fault}: ${event.detail}` }
    case 'LeaderElected':
      return { kind: 'election', label: 'Leader elected' }
    case 'PartitionOffline':
      return { kind: 'offline', label: 'Partition offline' }
    case 'BrokerStopped':
    case 'BrokerStarted':
    case 'BrokerFenced':
    case 'BrokerUnfenced':
      return { kind: 'broker', label: `${event.type} ${event.broker}` }
    case 'ControllerElected':
    case 'QuorumLost':
    case 'QuorumRestored':
      return { kind: 'controller', label: event.type }
    case 'InvariantViolated':
      return { kind: 'violation', label: event.message }
    default:
      return null
  }
}

export function createTimeline(
  inputSpec: SimulationSpec,
  engine: EnginePort,
  options: TimelineOptions = {},
): Timeline {
  const spec: SimulationSpec = { ...inputSpec, faults: [] }
  const simOptions = options.simulation ?? {}
  let interval = options.checkpointIntervalMs ?? 5000
  let maxCheckpoints = options.maxCheckpoints ?? 120
  const wallClockMs = options.wallClockMs ?? (() => performance.now())
  const canRestore = engine.restoreSimulation !== undefined

  let recording: TimedFault[] = sortFaults(inputSpec.faults)
  let sim = engine.createSimulation(spec, simOptions)
  let applied = 0
  let horizon = sim.nowMs()
  let checkpoints: Checkpoint[] = []
  let nextCheckpointAt = horizon + interval
  let markers: TimelineMarker[] = []
  let markedEvents = 0
  let revision = 0
  let forkUndo: ForkUndo | null = null

  function applyDueFaults(): void {
    const now = sim.nowMs()
    for (let next = recording[applied]; next !== undefined && next.atMs <= now;) {
      sim.inject(withoutTime(next))
      applied += 1
      next = recording[applied]
    }
  }

  function maybeCheckpoint(): void {
    const now = sim.nowMs()
    if (now < nextCheckpointAt) return
    nextCheckpointAt = now + interval
    const newest = checkpoints[checkpoints.length - 1]
    if (!canRestore || (newest !== undefined && newest.atMs >= now)) return
    const started = wallClockMs()
    checkpoints.push({ atMs: now, applied, data: sim.checkpoint() })
    // A large cluster's checkpoint costs most of a second and megabytes: space them so that
    // checkpointing takes at most ~2.5% of the simulation's time at 1×, and keep fewer.
    const costMs = wallClockMs() - started
    interval = Math.max(interval, Math.ceil(costMs * 40))
    if (costMs > 200) maxCheckpoints = Math.min(maxCheckpoints, 12)
    nextCheckpointAt = now + interval
    if (checkpoints.length > maxCheckpoints) {
      // Keep every other checkpoint and space future ones twice as far apart.
      checkpoints = checkpoints.filter((_, index) => index % 2 === 0)
      interval *= 2
    }
  }

  function collectMarkers(): void {
    const fresh = sim.events(markedEvents)
    if (fresh.length === 0) return
    // Markers are replaced, never mutated, so published copies stay valid.
    const next = markers.slice()
    const lastByKind = new Map<MarkerKind, number>()
    for (let i = Math.max(0, next.length - 12); i < next.length; i += 1) {
      const marker = next[i]
      if (marker !== undefined) lastByKind.set(marker.kind, i)
    }
    let changed = false
    fresh.forEach((event, offset) => {
      const described = markerOf(event)
      if (described === null) return
      changed = true
      const lastIndex = lastByKind.get(described.kind)
      const last = lastIndex === undefined ? undefined : next[lastIndex]
      if (
        lastIndex !== undefined &&
        last !== undefined &&
        described.kind !== 'fault' &&
        event.atMs - last.atMs <= MARKER_MERGE_MS
      ) {
        next[lastIndex] = { ...last, count: last.count + 1 }
        return
      }
      lastByKind.set(described.kind, next.length)
      next.push({ atMs: event.atMs, ...described, count: 1, eventIndex: markedEvents + offset })
    })
    if (changed) {
      markers = next
      revision += 1
    }
    markedEvents += fresh.length
  }

  function advance(targetMs: number): void {
    beginAdvance(targetMs).run(() => false)
  }

  /** Runs the simulation up to `limit` in pieces of `SLICE_SIM_MS`; false if it paused first. */
  function runTo(limit: number, shouldYield: () => boolean): boolean {
    for (;;) {
      const next = Math.min(limit, sim.nowMs() + SLICE_SIM_MS)
      sim.runUntil(next)
      if (next >= limit) return true
      if (shouldYield()) return false
    }
  }

  function beginAdvance(targetMs: number): SlicedRun {
    const fromMs = sim.nowMs()
    const target = Math.max(Math.round(targetMs), fromMs)
    // A long jump ahead (Next to a step an hour away) would otherwise clone the whole state every
    // `interval` of it; FORWARD_CHECKPOINTS spread over the jump keep time travel back cheap.
    const stride = (target - fromMs) / FORWARD_CHECKPOINTS
    // The boundary being run to when the run paused (null between boundaries).
    let leg: { untilMs: number; last: boolean } | null = null
    let done = false
    function finish(): void {
      horizon = Math.max(horizon, sim.nowMs())
      collectMarkers()
      done = true
    }
    return {
      fromMs,
      targetMs: target,
      run(shouldYield) {
        while (!done) {
          if (leg === null) {
            const nextFault = recording[applied]
            const boundary = Math.min(nextFault?.atMs ?? Infinity, nextCheckpointAt)
            leg =
              boundary > target
                ? { untilMs: target, last: true }
                : { untilMs: boundary, last: false }
          }
          if (!runTo(leg.untilMs, shouldYield)) return false
          const last = leg.last
          leg = null
          applyDueFaults()
          if (last) {
            finish()
            return true
          }
          maybeCheckpoint()
          nextCheckpointAt = Math.max(nextCheckpointAt, sim.nowMs() + stride)
          if (shouldYield()) return false
        }
        return true
      },
      stop() {
        if (!done) finish()
      },
    }
  }

  function step(): number {
    const now = sim.nowMs()
    const nextFault = recording[applied]
    const limit =
      nextFault === undefined ? STEP_LIMIT_MS : Math.min(STEP_LIMIT_MS, nextFault.atMs - now)
    sim.step(Math.max(1, limit))
    applyDueFaults()
    maybeCheckpoint()
    horizon = Math.max(horizon, sim.nowMs())
    collectMarkers()
    return sim.nowMs()
  }

  /**
   * Re-creates the simulation from the latest checkpoint at or before `target` (or from time 0)
   * and replays the recording up to it.
   */
  function replayTo(target: number): void {
    rewindTo(target)
    advance(target)
  }

  /** The first half of `replayTo`: back to the latest checkpoint at or before `target`. */
  function rewindTo(target: number): void {
    const from = checkpoints.filter((checkpoint) => checkpoint.atMs <= target).pop()
    const restore = engine.restoreSimulation
    if (from !== undefined && restore !== undefined) {
      sim = restore(spec, from.data, simOptions)
      applied = from.applied
    } else {
      sim = engine.createSimulation(spec, simOptions)
      applied = 0
    }
    nextCheckpointAt = sim.nowMs() + interval
    // `markedEvents` stays: the replay logs the same events at the same indexes (determinism), and
    // those before the horizon already have markers.
  }

  function beginSeek(targetMs: number): SlicedRun {
    const target = Math.max(0, Math.round(targetMs))
    if (target < sim.nowMs()) rewindTo(target)
    return beginAdvance(target)
  }

  function seek(targetMs: number): void {
    const target = Math.max(0, Math.round(targetMs))
    if (target >= sim.nowMs()) advance(target)
    else replayTo(target)
  }

  /** Acting in the past: the recorded future after `now` is replaced, and kept for `undoFork`. */
  function fork(now: number): InjectResult {
    const result = { forkedAtMs: now, discardedFaults: recording.length - applied }
    forkUndo = { atMs: now, recording, checkpoints, horizon, markers, markedEvents }
    recording = recording.slice(0, applied)
    checkpoints = checkpoints.filter((checkpoint) => checkpoint.atMs <= now)
    markedEvents = sim.events().length
    markers = markers.filter((marker) => marker.eventIndex < markedEvents)
    horizon = now
    return result
  }

  function inject(fault: Fault): InjectResult {
    const now = sim.nowMs()
    // At the live edge every checkpoint is at or before now and every fault not yet applied is
    // scripted for later (`applyDueFaults` has applied those due), so the new fault goes in
    // between: replays meet it at the same place, and the later ones still fire at their times.
    const result = horizon > now ? fork(now) : { forkedAtMs: null, discardedFaults: 0 }
    revision += 1
    sim.inject(fault)
    recording = [
      ...recording.slice(0, applied),
      { ...fault, atMs: now },
      ...recording.slice(applied),
    ]
    applied += 1
    collectMarkers()
    return result
  }

  function undoFork(): number | null {
    const saved = forkUndo
    if (saved === null) return null
    forkUndo = null
    recording = saved.recording
    checkpoints = saved.checkpoints
    horizon = saved.horizon
    markers = saved.markers
    markedEvents = saved.markedEvents
    revision += 1
    replayTo(saved.atMs)
    return saved.atMs
  }

  return {
    spec,
    sim: () => sim,
    nowMs: () => sim.nowMs(),
    horizonMs: () => horizon,
    recording: () => recording,
    markers: () => markers,
    revision: () => revision,
    advance,
    step,
    seek,
    inject,
    canUndoFork: () => forkUndo !== null,
    undoFork,
    beginAdvance,
    beginSeek,
  }
}
