/**
 * Next in the narration plays the transition to the next step instead of jumping there: it picks
 * a speed at which the gap takes about TRANSITION_WALL_MS of wall time (between 2× and 20×, so
 * the failure stays readable), plays, and pauses exactly at the step's time (seeking back over a
 * frame's overshoot, as the checkpoint pause does), then restores the user's speed. A gap longer
 * than 20× that time jumps to its last two minutes and plays those. Pausing by
 * hand, seeking or loading another scenario cancels the trip.
 */
import { useCallback, useEffect, useRef } from 'react'
import type { AppStore } from '../../store/app-store'

export const TRANSITION_WALL_MS = 6000
const MIN_SPEED = 2
const MAX_SPEED = 20

/** The speed that plays `gapMs` of sim time in about TRANSITION_WALL_MS of wall time. */
export function transitionSpeed(gapMs: number): number {
  const speed = gapMs / TRANSITION_WALL_MS
  const stops = [2, 5, 10, 20]
  return stops.find((s) => s >= speed) ?? MAX_SPEED
}

interface Trip {
  targetMs: number
  restoreSpeed: number
  generation: number
}

export function usePlayToStep(store: AppStore): (targetMs: number) => void {
  const trip = useRef<Trip | null>(null)
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const t = trip.current
        if (t === null) return
        const cancelled =
          state.generation !== t.generation ||
          (!state.playing && previous.playing && state.simTimeMs < t.targetMs) ||
          state.simTimeMs < previous.simTimeMs
        if (cancelled) {
          trip.current = null
          if (state.speed !== t.restoreSpeed) state.setSpeed(t.restoreSpeed)
          return
        }
        if (state.simTimeMs < t.targetMs) return
        trip.current = null
        state.pause()
        state.setSpeed(t.restoreSpeed)
        if (state.simTimeMs !== t.targetMs) state.seek(t.targetMs)
      }),
    [store],
  )
  return useCallback(
    (targetMs: number) => {
      const state = store.getState()
      if (targetMs <= state.simTimeMs) {
        state.pause()
        state.seek(targetMs)
        return
      }
      const restoreSpeed = trip.current?.restoreSpeed ?? state.speed
      trip.current = null
      state.pause()
      // A long gap (an hour away) jumps to the last stretch before the step and plays that:
      // at most TRANSITION_WALL_MS of wall time at MAX_SPEED.
      const longest = MAX_SPEED * TRANSITION_WALL_MS
      if (targetMs - state.simTimeMs > longest) state.seek(targetMs - longest)
      const from = Math.max(state.simTimeMs, targetMs - longest)
      state.setSpeed(Math.max(MIN_SPEED, transitionSpeed(targetMs - from)))
      trip.current = { targetMs, restoreSpeed, generation: state.generation }
      state.play()
    },
    [store],
  )
}
