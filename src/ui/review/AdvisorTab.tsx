/** The advisor on the loaded scenario; a fix loads the fixed scenario (restarting at 00:00). */
import { useAppStore } from '../store-context'
import { Suspense } from 'react'
import { LazyAdvisorPanel } from './lazy-panel'
import { PanelLoading } from './PanelLoading'

export function AdvisorTab() {
  const spec = useAppStore((state) => state.spec)
  const loadScenario = useAppStore((state) => state.loadScenario)
  return (
    <Suspense fallback={<PanelLoading />}>
      <LazyAdvisorPanel
        spec={spec}
        onApplyFix={(next, fix) =>
          loadScenario(next, {
            notice: { tone: 'info', message: `Applied “${fix.label}”: restarted at 00:00.000.` },
          })
        }
      />
    </Suspense>
  )
}
