/** Compare mode on the loaded scenario with the run's whole fault script. */
import { useAppStore } from '../store-context'
import { Suspense } from 'react'
import { LazyComparePanel } from './lazy-panel'
import { PanelLoading } from './PanelLoading'

export function CompareTab() {
  // The recording changes only when faults are injected, so this re-renders rarely.
  const spec = useAppStore((state) => state.spec)
  const recording = useAppStore((state) => state.recording)
  return (
    <Suspense fallback={<PanelLoading />}>
      <LazyComparePanel spec={{ ...spec, faults: recording.slice() }} />
    </Suspense>
  )
}
