/**
 * The playback slice: play, pause, speed, step and seek. The rAF loop in the UI calls `tick` with
 * the wall time since the last frame; `tick` turns it into a sim-time target (docs/architecture.md,
 * "Time and playback") and asks the host to run there, one request at a time, so a slow simulation
 * falls behind the wall clock instead of queueing work.
 */
import type { HostUpdate } from '../../host/index'
import { activeGuided } from './guided-slice'
import type { AppState, SliceCreator } from './types'

/**
 * What the last Step did: the sim time it started from and stopped at, and how many events were
 * logged at the stop (0 when it ran out its look-ahead on a quiet cluster without finding one).
 * The toolbar explains a long jump with it. Null once anything else moves time.
 */
export interface StepOutcome {
  fromMs: number
  toMs: number
  events: number
}

export interface PlaybackSlice {
  playing: boolean
  /** Sim milliseconds per wall millisecond, 0.25 to 100. */
  speed: number
  play: () => void
  pause: () => void
  togglePlay: () => void
  setSpeed: (speed: number) => void
  /** Pauses and advances to the next logged event. */
  step: () => void
  /** The last step's jump, until play, seek or a load moves time otherwise. */
  lastStep: StepOutcome | null
  /** A step was asked for and its answer has not arrived yet. */
  stepPending: boolean
  /** Jumps to a sim time, back (replaying from a checkpoint) or forward (running). */
  seek: (atMs: number) => void
  /**
   * Advances the sim by `wallDeltaMs × speed` if playing.
   * @example store.getState().tick(16.7) // one frame at 60 Hz
   */
  tick: (wallDeltaMs: number) => void
}

/**
 * Where playback stops: a guided scenario's `durationMs`, so the story ends on its recap instead
 * of running on; null in free play, which runs as long as the user lets it. Step and seek still
 * go past it.
 */
export function playbackEndMs(state: AppState): number | null {
  return activeGuided(state) === null ? null : state.spec.durationMs
}

/**
 * The next narration checkpoint after the current time, where the playback loop must stop exactly
 * (the checkpoint pause in the UI then pauses there): landing past it and seeking back would put
 * the user in the past, where acting forks and drops the scenario's later scripted faults.
 */
export function nextCheckpointStopMs(state: AppState): number | null {
  const guided = activeGuided(state)
  if (guided === null) return null
  let next: number | null = null
  for (const step of guided.narration.steps) {
    if (
      step.checkpoint === true &&
      step.atMs > state.simTimeMs &&
      (next === null || step.atMs < next)
    )
      next = step.atMs
  }
  return next
}

/** A background tab or a busy host resumes with a long gap; never owe more wall time than this. */
const MAX_OWED_WALL_MS = 250

/**
 * Wall time between simulation updates. Receiving and drawing a large cluster's snapshot costs
 * the page tens of milliseconds, so large clusters update a few times a second (10,000
 * partitions: every 250 ms) and the page stays responsive to clicks.
 */
export function updateIntervalMs(partitions: number): number {
  return partitions <= 2000 ? 0 : Math.min(400, Math.round(partitions / 40))
}

/**
 * The part of a host answer that settles a pending step (`receive` merges it into its patch): the
 * answer to the last request outstanding is the step's, so it measures the jump from the time
 * before it. A load cancels the step.
 */
export function settleStep(state: AppState, update: HostUpdate, hostBusy: boolean) {
  if (!state.stepPending) return {}
  if (update.loaded === true) return { stepPending: false, lastStep: null }
  if (hostBusy) return {}
  const logged = update.events.from + update.events.items.length
  const lastStep: StepOutcome = {
    fromMs: state.simTimeMs,
    toMs: update.simTimeMs,
    events: Math.max(0, logged - state.events.length),
  }
  return { stepPending: false, lastStep }
}

export const createPlaybackSlice: SliceCreator<PlaybackSlice> = (set, get, runtime) => ({
  playing: false,
  speed: 1,
  lastStep: null,
  stepPending: false,
  play() {
    if (get().violation !== null || get().snapshot === null) return
    runtime.owedWallMs = 0
    // Play at a guided scenario's end replays it from the start rather than run past the end.
    const end = playbackEndMs(get())
    if (end !== null && get().simTimeMs >= end) get().seek(0)
    set({ playing: true, lastStep: null })
  },
  pause() {
    set({ playing: false })
  },
  togglePlay() {
    if (get().playing) get().pause()
    else get().play()
  },
  setSpeed(speed) {
    set({ speed: Math.min(100, Math.max(0.25, speed)) })
  },
  step() {
    set({ playing: false, stepPending: true })
    runtime.carryMs = 0
    runtime.host.send({ type: 'step' })
  },
  seek(atMs) {
    if (get().lastStep !== null) set({ lastStep: null })
    runtime.carryMs = 0
    const target = Math.max(0, Math.round(atMs))
    if (runtime.host.busy()) {
      runtime.pendingSeekMs = target
      return
    }
    runtime.pendingSeekMs = null
    runtime.host.send({ type: 'seek', atMs: target })
  },
  tick(wallDeltaMs) {
    const state = get()
    if (!state.playing) return
    const interval = updateIntervalMs(state.snapshot?.partitions.length ?? 0)
    const cap = Math.max(MAX_OWED_WALL_MS, interval)
    runtime.owedWallMs = Math.min(cap, runtime.owedWallMs + Math.max(0, wallDeltaMs))
    if (runtime.host.busy() || runtime.owedWallMs < interval) return
    const simDelta = runtime.owedWallMs * state.speed + runtime.carryMs
    runtime.owedWallMs = 0
    const whole = Math.floor(simDelta)
    runtime.carryMs = simDelta - whole
    if (whole === 0) return
    // The last frame lands exactly on the end, or on the next narration checkpoint (where the
    // checkpoint pause stops it, at the live edge); the next one stops at the end. (Not at once:
    // a narration checkpoint reached by that frame still pauses playing playback and wins.)
    const end = playbackEndMs(state)
    const stop = nextCheckpointStopMs(state)
    const target = Math.min(state.simTimeMs + whole, end ?? Infinity, stop ?? Infinity)
    if (end !== null && state.simTimeMs >= end) {
      runtime.carryMs = 0
      set({ playing: false })
      return
    }
    runtime.host.send({ type: 'advance', targetMs: target })
  },
})
