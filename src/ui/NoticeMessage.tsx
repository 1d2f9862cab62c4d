/**
 * One message under the toolbar, with Dismiss and, when the message offers it, Undo: a fork in
 * the past, or a load that replaced unsaved work, can be taken back (store `undoFork`,
 * `undoLoad`). After Undo the next message (what was brought back) takes the focus from the
 * button that disappears, so a keyboard user stays in place and a screen reader reads it out.
 */
import { useEffect, useRef, useState } from 'react'
import type { Notice } from '../store/slices/simulation-slice'
import { useAppStore } from './store-context'

const TONE_CLASS = {
  info: 'border-in-sync text-fg',
  warning: 'border-out-of-sync text-fg',
  error: 'border-danger text-fg',
} as const

export function NoticeMessage({ notice }: { notice: Notice }) {
  const showNotice = useAppStore((state) => state.showNotice)
  const undoFork = useAppStore((state) => state.undoFork)
  const undoLoad = useAppStore((state) => state.undoLoad)
  // The notice whose Undo was pressed: its button is disabled until the answer replaces it.
  const [undone, setUndone] = useState<Notice | null>(null)
  const focusNext = useRef(false)
  const dismiss = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!focusNext.current || notice === undone) return
    focusNext.current = false
    dismiss.current?.focus()
  }, [notice, undone])

  function undo() {
    setUndone(notice)
    focusNext.current = true
    if (notice.undo === 'fork') undoFork()
    else undoLoad()
  }

  return (
    <div
      role={notice.tone === 'error' ? 'alert' : 'status'}
      className={`notice ${TONE_CLASS[notice.tone]}`}
    >
      <span>{notice.message}</span>
      {notice.undo !== undefined && (
        <button
          type="button"
          className="btn ml-3 text-xs"
          disabled={undone === notice}
          onClick={undo}
        >
          Undo
        </button>
      )}
      <button
        ref={dismiss}
        type="button"
        className={notice.undo === undefined ? 'btn ml-3 text-xs' : 'btn ml-2 text-xs'}
        aria-label="Dismiss message"
        data-notice-dismiss=""
        onClick={() => showNotice(null)}
      >
        Dismiss
      </button>
    </div>
  )
}
