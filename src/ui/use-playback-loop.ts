/**
 * The rAF loop of docs/architecture.md, "Time and playback": every frame hands the wall time since
 * the previous one to the store's `tick`, which turns it into a sim-time target.
 */
import { useEffect } from 'react'
import type { AppStore } from '../store/app-store'

export function usePlaybackLoop(store: AppStore): void {
  useEffect(() => {
    let last = performance.now()
    let frame = requestAnimationFrame(function loop(now) {
      store.getState().tick(now - last)
      last = now
      frame = requestAnimationFrame(loop)
    })
    return () => cancelAnimationFrame(frame)
  }, [store])
}
