/**
 * Import a real cluster; confirming the import replaces the scenario (restarting at 00:00). The
 * preview says what the current scenario loses: its contents, the changes made to it since it was
 * opened (as opening a file counts them) and how far its run has got.
 */
import { Suspense, useMemo } from 'react'
import { downloadFile } from '../../export/download'
import { openedGeneration } from '../open-file/use-scenario-opener'
import { unsavedChanges } from '../open-file/scenario-file'
import { useAppStore, useStoreApi } from '../store-context'
import { LazyImportPanel } from './lazy-panel'
import { PanelLoading } from './PanelLoading'

export function ImportTab() {
  const store = useStoreApi()
  const loadScenario = useAppStore((state) => state.loadScenario)
  const spec = useAppStore((state) => state.spec)
  const recording = useAppStore((state) => state.recording)
  const generation = useAppStore((state) => state.generation)
  const guided = useAppStore((state) => state.guided)
  // Whole seconds: the preview needs no more, and the panel then re-renders once a second at most.
  const reachedMs = useAppStore((state) => Math.floor(state.horizonMs / 1000) * 1000)
  const current = useMemo(
    () => ({
      spec,
      changes: unsavedChanges({ spec, recording, generation, guided }, openedGeneration(store)),
      reachedMs,
    }),
    [spec, recording, generation, guided, reachedMs, store],
  )
  return (
    <Suspense fallback={<PanelLoading />}>
      <LazyImportPanel
        download={downloadFile}
        current={current}
        onLoad={(next) =>
          loadScenario(next, {
            notice: { tone: 'info', message: `Imported “${next.name}”: restarted at 00:00.000.` },
          })
        }
      />
    </Suspense>
  )
}
