/** The survivability matrix of the loaded scenario; a row injects its failure at the current time. */
import { formatSimTime } from '../../scenario/sim-time'
import { useAppStore, useStoreApi } from '../store-context'
import { failureFaults } from './matrix'
import { Suspense } from 'react'
import { LazySurvivabilityMatrix } from './lazy-panel'
import { PanelLoading } from './PanelLoading'

export function SurvivabilityTab() {
  const store = useStoreApi()
  const spec = useAppStore((state) => state.spec)
  return (
    <Suspense fallback={<PanelLoading />}>
      <LazySurvivabilityMatrix
        spec={spec}
        onRunFailure={(failure) => {
          const state = store.getState()
          for (const fault of failureFaults(failure, spec)) state.inject(fault)
          state.showNotice({
            tone: 'info',
            message: `Injected the failure “${failure.name}” at ${formatSimTime(state.simTimeMs)}. Press Play to watch it.`,
          })
        }}
      />
    </Suspense>
  )
}
