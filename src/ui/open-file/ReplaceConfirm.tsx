/**
 * The question before a file replaces a scenario with unsaved changes: a modal alert dialog that
 * names the file and lists what would be lost. The safe answer, keeping the current scenario, has
 * the focus and is what Escape chooses.
 */
import { useEffect, useId, useRef } from 'react'
import type { KeyboardEvent } from 'react'

export interface ReplaceConfirmProps {
  file: string
  /** The current scenario's name. */
  current: string
  changes: readonly string[]
  onReplace: () => void
  onKeep: () => void
}

export function ReplaceConfirm({ file, current, changes, onReplace, onKeep }: ReplaceConfirmProps) {
  const titleId = useId()
  const textId = useId()
  const keep = useRef<HTMLButtonElement>(null)
  const dialog = useRef<HTMLDivElement>(null)
  useEffect(() => keep.current?.focus(), [])

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onKeep()
      return
    }
    if (event.key !== 'Tab' || dialog.current === null) return
    const buttons = Array.from(dialog.current.querySelectorAll<HTMLElement>('button'))
    const first = buttons[0]
    const last = buttons[buttons.length - 1]
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last?.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first?.focus()
    }
  }

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-black/40 p-4 sm:p-10">
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        className="w-full max-w-lg rounded-lg border border-border bg-panel p-4 text-sm shadow-xl"
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="mb-2 text-lg font-semibold">
          Replace the current scenario?
        </h2>
        <div id={textId} className="flex flex-col gap-2">
          <p>
            “{current}” has changes that are not saved anywhere; opening {file} replaces it and
            restarts at 00:00.000:
          </p>
          <ul className="ml-5 list-disc">
            {changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          <p className="text-muted">
            To keep them, choose Keep, then copy a share link or export the scenario first.
          </p>
        </div>
        <div className="mt-3 flex flex-wrap justify-end gap-2">
          <button ref={keep} type="button" className="btn" onClick={onKeep}>
            Keep the current scenario
          </button>
          <button
            type="button"
            className="btn btn-primary"
            // .btn keeps labels on one line; a long file name must wrap on a phone.
            style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}
            onClick={onReplace}
          >
            Open {file}
          </button>
        </div>
      </div>
    </div>
  )
}
