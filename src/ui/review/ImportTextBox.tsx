/**
 * The import's text box (kafka-topics --describe output or a reassignment JSON), which keeps a
 * large paste out of itself: Chromium takes about 1.5 s to lay out each megabyte in a text box
 * (11 s for a 4 MB describe paste, measured here), and again on every change. A paste over
 * `limit` characters is held by the panel instead: the box shows its first lines, read-only, and
 * says how large it is; Import reads all of it. Pasting again replaces it; Clear empties the box.
 */
import { useId, useRef } from 'react'

/** How many of a held text's lines the box shows. */
export const HELD_PREVIEW_LINES = 20

export interface ImportTextBoxProps {
  label: string
  text: string
  /** Text longer than this is held, not shown in the box. */
  limit: number
  onText: (text: string) => void
}

const count = (n: number) => n.toLocaleString('en-US')

/** At most this much of a held text is shown, however long its first lines are. */
const PREVIEW_MAX_CHARS = 4000

/** The first HELD_PREVIEW_LINES lines of a held text (a single 4 MB line is cut short too). */
export function heldPreview(text: string): string {
  let end = -1
  for (let line = 0; line < HELD_PREVIEW_LINES; line += 1) {
    const next = text.indexOf('\n', end + 1)
    if (next === -1) {
      end = text.length
      break
    }
    end = next
  }
  return text.slice(0, Math.min(end, PREVIEW_MAX_CHARS))
}

/** How many lines a text has, without splitting it into an array of them. */
function lineCount(text: string): number {
  let lines = 1
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1
  return text.endsWith('\n') ? lines - 1 : lines
}

export function ImportTextBox({ label, text, limit, onText }: ImportTextBoxProps) {
  const noteId = useId()
  const box = useRef<HTMLTextAreaElement>(null)
  const held = text.length > limit

  function onPaste(event: React.ClipboardEvent<HTMLTextAreaElement>) {
    const pasted = event.clipboardData.getData('text/plain')
    const area = event.currentTarget
    // Held text is replaced whole; otherwise the paste goes where the selection is.
    const next = held
      ? pasted
      : text.slice(0, area.selectionStart) + pasted + text.slice(area.selectionEnd)
    if (!held && next.length <= limit) return
    // Large: never handed to the box (the browser would lay it all out before React could).
    event.preventDefault()
    onText(next)
  }

  return (
    <div className="flex flex-col gap-1">
      <label className="flex flex-col gap-1">
        <span>{label}</span>
        <textarea
          ref={box}
          rows={8}
          value={held ? heldPreview(text) : text}
          readOnly={held}
          aria-describedby={held ? noteId : undefined}
          spellCheck={false}
          onPaste={onPaste}
          onChange={(event) => {
            if (!held) onText(event.target.value)
          }}
          className="rounded border border-border bg-panel p-2 font-mono text-xs read-only:text-muted"
        />
      </label>
      {held && (
        <div id={noteId} className="flex flex-wrap items-center gap-2 text-xs">
          <span>
            Pasted text: {count(text.length)} characters, {count(lineCount(text))} lines. The box
            shows its first lines only (showing all of it would stall the page); Import reads all of
            it. Paste again to replace it.
          </span>
          <button
            type="button"
            className="btn"
            onClick={() => {
              onText('')
              box.current?.focus()
            }}
          >
            Clear
          </button>
        </div>
      )}
    </div>
  )
}
