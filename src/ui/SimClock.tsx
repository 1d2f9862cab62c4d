/**
 * The sim clock as mm:ss.mmm. It changes every frame, so it writes its text directly from a
 * transient store subscription instead of re-rendering React.
 */
import { useEffect, useRef } from 'react'
import { formatSimTime } from '../scenario/sim-time'
import { useT } from './i18n/react'
import { useStoreApi } from './store-context'

export function SimClock() {
  const store = useStoreApi()
  const t = useT()
  const ref = useRef<HTMLOutputElement>(null)
  useEffect(() => {
    const write = (ms: number) => {
      if (ref.current !== null) ref.current.textContent = formatSimTime(ms)
    }
    write(store.getState().simTimeMs)
    return store.subscribe((state, previous) => {
      if (state.simTimeMs !== previous.simTimeMs) write(state.simTimeMs)
    })
  }, [store])
  return (
    <output
      ref={ref}
      aria-label={t('toolbar.simTime')}
      className="min-w-[5.5rem] rounded bg-bg px-2 py-1 font-mono text-sm tabular-nums"
    >
      00:00.000
    </output>
  )
}
