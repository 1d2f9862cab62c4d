/**
 * The playback slice: play, pause, speed, step and seek. The rAF loop in the UI calls `tick` with
 * the wall time since the last frame; `tick` turns it into a sim-time target (docs/architecture.md,
 * "Time and playback") and asks the host to run there, one request at a time, so a slow simulation
 * falls behind the wall clock instead of queueing work.
 */
import type { SliceCreator } from './types'

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
  /** Jumps to a sim time, back (replaying from a checkpoint) or forward (running). */
  seek: (atMs: number) => void
  /**
   * Advances the sim by `wallDeltaMs × speed` if playing.
   * @example store.getState().tick(16.7) // one frame at 60 Hz
   */
  tick: (wallDeltaMs: number) => void
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

export const createPlaybackSlice: SliceCreator<PlaybackSlice> = (set, get, runtime) => ({
  playing: false,
  speed: 1,
  play() {
    if (get().violation !== null || get().snapshot === null) return
    runtime.owedWallMs = 0
    set({ playing: true })
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
    set({ playing: false })
    runtime.carryMs = 0
    runtime.host.send({ type: 'step' })
  },
  seek(atMs) {
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
    runtime.host.send({ type: 'advance', targetMs: state.simTimeMs + whole })
  },
})
