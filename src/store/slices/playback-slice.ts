/**
 * The playback slice: play, pause, speed, step and seek. The rAF loop in the UI calls `tick` with
 * the wall time since the last frame; `tick` turns it into a sim-time target (STYLE.md §2).
 */
import type { SliceCreator } from './types'

export interface PlaybackSlice {
  playing: boolean
  /** Sim milliseconds per wall millisecond, 0.25 to 100. */
  speed: number
  play(): void
  pause(): void
  togglePlay(): void
  setSpeed(speed: number): void
  /** Pauses and advances to the next logged event. */
  step(): void
  /** Jumps to a sim time, back (replaying from a checkpoint) or forward (running). */
  seek(atMs: number): void
  /**
   * Advances the sim by `wallDeltaMs × speed` if playing and publishes once.
   * @example store.getState().tick(16.7) // one frame at 60 Hz
   */
  tick(wallDeltaMs: number): void
}

/** A background tab resumes with one long frame; never jump more than this much wall time. */
const MAX_FRAME_MS = 250

export const createPlaybackSlice: SliceCreator<PlaybackSlice> = (set, get, runtime) => ({
  playing: false,
  speed: 1,
  play() {
    if (get().violation !== null) return
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
    runtime.timeline.step()
    get().publish()
  },
  seek(atMs) {
    runtime.carryMs = 0
    runtime.timeline.seek(Math.max(0, atMs))
    get().publish()
  },
  tick(wallDeltaMs) {
    const state = get()
    if (!state.playing) return
    const simDelta =
      Math.min(MAX_FRAME_MS, Math.max(0, wallDeltaMs)) * state.speed + runtime.carryMs
    const whole = Math.floor(simDelta)
    runtime.carryMs = simDelta - whole
    if (whole === 0) return
    runtime.timeline.advance(runtime.timeline.nowMs() + whole)
    state.publish()
  },
})
