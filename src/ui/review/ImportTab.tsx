/** Import a real cluster; loading it replaces the scenario (restarting at 00:00). */
import { downloadFile } from '../../export/download'
import { useAppStore } from '../store-context'
import { Suspense } from 'react'
import { LazyImportPanel } from './lazy-panel'
import { PanelLoading } from './PanelLoading'

export function ImportTab() {
  const loadScenario = useAppStore((state) => state.loadScenario)
  return (
    <Suspense fallback={<PanelLoading />}>
      <LazyImportPanel
        download={downloadFile}
        onLoad={(spec) =>
          loadScenario(spec, {
            notice: { tone: 'info', message: `Imported “${spec.name}”: restarted at 00:00.000.` },
          })
        }
      />
    </Suspense>
  )
}
