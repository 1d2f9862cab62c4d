/**
 * The "Scenarios" button and its picker: a modal dialog listing each scenario by title and
 * summary under its group's heading (index.json's `group`: high availability, capacity, large
 * clusters), with "Open scenario file…" for a file of one's own. Choosing one calls `onLoad(id)`
 * and closes the dialog; Escape, the Close button or a click outside close it too, and focus
 * returns to the button.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { GuidedScenarioEntry } from '../../scenarios/index'
import { useT } from '../i18n/react'
import { ScenarioList } from './ScenarioList'

export interface ScenarioPickerProps {
  /** The guided scenarios, or null while the index is loading. */
  entries: readonly GuidedScenarioEntry[] | null
  /** Why the index could not be loaded, if it could not. */
  error?: string | null
  /** The id of the guided scenario now loaded, if any. */
  currentId?: string | null
  /** Called when the dialog opens (`GuidedScenarioButton` fetches the index then, once). */
  onOpen?: () => void
  onLoad: (id: string) => void
  /**
   * A counter: each increase opens the picker (the narration's "Choose another scenario"); the
   * caller fetches what `onOpen` would.
   */
  openRequests?: number
  /** Shows "Open scenario file…", which closes the dialog and calls this (to open a chooser). */
  onOpenFile?: () => void
}

const FOCUSABLE = 'button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])'

export function ScenarioPicker({
  entries,
  error,
  currentId,
  onOpen,
  onLoad,
  openRequests = 0,
  onOpenFile,
}: ScenarioPickerProps) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [seenRequests, setSeenRequests] = useState(openRequests)
  if (openRequests !== seenRequests) {
    // Adjusting state while rendering (React's pattern for a prop change): open once per request.
    setSeenRequests(openRequests)
    if (openRequests > seenRequests) setOpen(true)
  }
  const opener = useRef<HTMLButtonElement>(null)
  const dialog = useRef<HTMLDivElement>(null)
  const titleId = useId()

  useEffect(() => {
    if (!open) return
    const first = dialog.current?.querySelector<HTMLElement>('li button') ?? dialog.current
    first?.focus()
  }, [open, entries])

  function show() {
    setOpen(true)
    onOpen?.()
  }

  function close() {
    setOpen(false)
    opener.current?.focus()
  }

  function openFile() {
    setOpen(false)
    // Called within the click, so the browser lets it open the file chooser.
    onOpenFile?.()
    opener.current?.focus()
  }

  function choose(id: string) {
    setOpen(false)
    onLoad(id)
    opener.current?.focus()
  }

  // A small focus trap: Tab cycles inside the dialog, Escape closes it.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close()
      return
    }
    if (event.key !== 'Tab' || dialog.current === null) return
    const items = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE))
    const first = items[0]
    const last = items[items.length - 1]
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last?.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first?.focus()
    }
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="btn"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={show}
      >
        {t('scenarios.button')}
      </button>
      {open && (
        <div
          className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-black/40 p-4 sm:p-10"
          onClick={(event) => {
            if (event.target === event.currentTarget) close()
          }}
        >
          <div
            ref={dialog}
            role="dialog"
            aria-modal="true"
            aria-labelledby={titleId}
            tabIndex={-1}
            className="w-full max-w-2xl rounded-lg border border-border bg-panel p-4 shadow-xl"
            onKeyDown={onKeyDown}
          >
            <div className="mb-3 flex items-center gap-3">
              <h2 id={titleId} className="text-lg font-semibold">
                {t('scenarios.title')}
              </h2>
              <button type="button" className="btn ml-auto" onClick={close}>
                {t('common.close')}
              </button>
            </div>
            <div className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
              <p className="min-w-60 flex-1 text-muted">{t('scenarios.intro')}</p>
              {onOpenFile !== undefined && (
                <button type="button" className="btn" onClick={openFile}>
                  {t('scenarios.openFile')}
                </button>
              )}
            </div>
            {error != null && error !== '' && (
              <p role="alert" className="mb-3 text-sm text-danger">
                {error}
              </p>
            )}
            {entries === null && error == null && (
              <p className="text-sm">{t('scenarios.loading')}</p>
            )}
            {entries !== null && (
              <ScenarioList
                entries={entries}
                idPrefix={titleId}
                currentId={currentId ?? null}
                onChoose={choose}
              />
            )}
          </div>
        </div>
      )}
    </>
  )
}
