/** Compare mode on the loaded scenario with the run's whole fault script, run by the host. */
import { useAppStore } from '../store-context'
import { Suspense } from 'react'
import { LazyComparePanel } from './lazy-panel'
import { PanelLoading } from './PanelLoading'

export function CompareTab() {
  // The recording changes only when faults are injected, so this re-renders rarely.
  const spec = useAppStore((state) => state.spec)
  const recording = useAppStore((state) => state.recording)
  const run = useAppStore((state) => state.runComparison)
  return (
    <Suspense fallback={<PanelLoading />}>
      <LazyComparePanel spec={{ ...spec, faults: recording.slice() }} run={run} />
    </Suspense>
  )
}
