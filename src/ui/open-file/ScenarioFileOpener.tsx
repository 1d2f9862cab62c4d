/**
 * The page-wide ways into `useScenarioOpener`: the file input behind "Open scenario file…" (the
 * caller holds `inputRef` and clicks it from its button), and a drop of a file anywhere on the
 * page, with an overlay that says what the drop will do while a file is dragged over the page.
 * Drags of anything but files (text, links) are left to the browser.
 */
import { useEffect, useState } from 'react'
import type { RefObject } from 'react'
import { useStoreApi } from '../store-context'
import { OpenResult } from './OpenResult'
import { unsavedChanges } from './scenario-file'
import { openedGeneration, type ScenarioOpener } from './use-scenario-opener'

export interface ScenarioFileOpenerProps {
  opener: ScenarioOpener
  inputRef: RefObject<HTMLInputElement | null>
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') === true
}

/** Whether a file dragged over the page is being shown the drop overlay, and what it says. */
function useFileDrop(opener: ScenarioOpener): { dragging: boolean; willAsk: boolean } {
  const store = useStoreApi()
  const [dragging, setDragging] = useState(false)
  const [willAsk, setWillAsk] = useState(false)
  const { openFile, fail } = opener
  useEffect(() => {
    // dragenter and dragleave come in pairs for every element crossed; the overlay shows while
    // the pointer is anywhere over the page, that is while enters outnumber leaves.
    let depth = 0
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth++
      if (depth === 1) {
        setWillAsk(unsavedChanges(store.getState(), openedGeneration(store)).length > 0)
        setDragging(true)
      }
    }
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      // Without this the browser would navigate to the dropped file, leaving the app.
      event.preventDefault()
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy'
    }
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth = 0
      setDragging(false)
      const files = Array.from(event.dataTransfer?.files ?? [])
      const [file] = files
      if (files.length > 1) {
        fail(null, [`Drop one scenario file at a time (${files.length} files were dropped).`])
      } else if (file !== undefined) {
        void openFile(file)
      }
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [store, openFile, fail])
  return { dragging, willAsk }
}

export function ScenarioFileOpener({ opener, inputRef }: ScenarioFileOpenerProps) {
  const { dragging, willAsk } = useFileDrop(opener)
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        accept=".json,.jsonc,application/json"
        hidden
        tabIndex={-1}
        aria-label="Scenario file"
        onChange={(event) => {
          const file = event.target.files?.[0]
          if (file !== undefined) void opener.openFile(file)
          // Choosing the same file again (after fixing it) should read it again.
          event.target.value = ''
        }}
      />
      {dragging && (
        <div
          role="region"
          aria-label="Drop a scenario file"
          className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-black/50 p-6"
        >
          <div className="max-w-lg rounded-lg border-4 border-dashed border-focus bg-panel p-6 text-center shadow-xl">
            <p className="text-lg font-semibold">Drop a scenario file to open it</p>
            <p className="mt-2 text-sm">
              {willAsk
                ? 'The current scenario has unsaved changes: you will be asked before it is replaced.'
                : 'It replaces the current scenario and restarts at 00:00.000.'}{' '}
              A file with problems changes nothing; its problems are listed.
            </p>
          </div>
        </div>
      )}
      <OpenResult opener={opener} floating />
    </>
  )
}
