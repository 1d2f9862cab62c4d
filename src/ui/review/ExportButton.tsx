/** The app's Export menu: reads the store and the topology's `<svg>` when a button is pressed. */
import { downloadFile } from '../../export/download'
import { shareUrl } from '../share'
import { useStoreApi } from '../store-context'
import { ExportMenu } from './ExportMenu'

export function ExportButton() {
  const store = useStoreApi()
  return (
    <ExportMenu
      download={downloadFile}
      getSources={() => {
        const state = store.getState()
        return {
          spec: state.spec,
          recordedSpec: state.recordedScenario(),
          snapshot: state.snapshot,
          metricsSeries: state.metricsSeries,
          events: state.events,
          faults: state.recording,
          shareUrl: () => shareUrl(state),
          topology: () => document.querySelector<SVGSVGElement>('svg.topology'),
        }
      }}
    />
  )
}
