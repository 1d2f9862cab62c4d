/**
 * Pauses playback at the guided scenario's checkpoints. The playback loop advances by whole
 * frames, so when an advance crosses a checkpoint the run is paused and sought back to the
 * checkpoint's exact time (replaying from the nearest time-travel checkpoint, which is cheap).
 */
import { useEffect } from 'react'
import type { AppStore } from '../../store/app-store'
import { activeGuided } from '../../store/slices/guided-slice'
import { crossedCheckpoint } from './narration'

export function useCheckpointPause(store: AppStore): void {
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (!state.playing || state.simTimeMs <= previous.simTimeMs) return
        const guided = activeGuided(state)
        if (guided === null || activeGuided(previous) !== guided) return
        const checkpoint = crossedCheckpoint(guided.narration, previous.simTimeMs, state.simTimeMs)
        if (checkpoint === null) return
        state.pause()
        if (state.simTimeMs !== checkpoint) state.seek(checkpoint)
      }),
    [store],
  )
}
