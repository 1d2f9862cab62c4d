/**
 * Selects from the store at most every `intervalMs`: panels that list thousands of rows follow
 * the simulation at a few updates a second instead of every frame. `selector` must be stable
 * (defined at module level or memoised).
 */
import { useEffect, useState } from 'react'
import type { AppState } from '../store/app-store'
import { useStoreApi } from './store-context'

export function useThrottledStore<T>(selector: (state: AppState) => T, intervalMs = 200): T {
  const store = useStoreApi()
  const [value, setValue] = useState(() => selector(store.getState()))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let last = 0
    const update = () => {
      timer = null
      last = performance.now()
      setValue(() => selector(store.getState()))
    }
    update()
    const unsubscribe = store.subscribe(() => {
      if (timer !== null) return
      timer = setTimeout(update, Math.max(0, last + intervalMs - performance.now()))
    })
    return () => {
      unsubscribe()
      if (timer !== null) clearTimeout(timer)
    }
  }, [store, selector, intervalMs])
  return value
}
