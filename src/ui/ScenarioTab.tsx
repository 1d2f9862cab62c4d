/** The scenario editor; applying a change restarts the simulation from time 0. */
import { ConfigEditor } from './panels/ConfigEditor'
import { t } from './i18n/runtime'
import { useAppStore } from './store-context'

export function ScenarioTab() {
  const spec = useAppStore((state) => state.spec)
  const loadScenario = useAppStore((state) => state.loadScenario)
  return (
    <ConfigEditor
      spec={spec}
      onApply={(next) =>
        loadScenario(next, {
          notice: { tone: 'info', message: t('scenario.applied') },
        })
      }
    />
  )
}
