/**
 * Compare two designs, starting from the loaded scenario with the run's whole fault script; the
 * panel runs both designs in a worker of its own (host/design-host.ts).
 */
import { useAppStore } from '../store-context'
import { Suspense } from 'react'
import { LazyComparePanel } from './lazy-panel'
import { PanelLoading } from './PanelLoading'

export function CompareTab() {
  // The recording changes only when faults are injected, so this re-renders rarely.
  const spec = useAppStore((state) => state.spec)
  const recording = useAppStore((state) => state.recording)
  // A newly loaded scenario starts a fresh comparison: its zones, brokers and faults differ.
  const generation = useAppStore((state) => state.generation)
  return (
    <Suspense fallback={<PanelLoading />}>
      <LazyComparePanel key={generation} spec={{ ...spec, faults: recording.slice() }} />
    </Suspense>
  )
}
