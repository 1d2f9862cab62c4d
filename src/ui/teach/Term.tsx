/**
 * A word with its glossary definition: `<Term id="isr">Isr</Term>` draws its children with a
 * dotted underline and shows the term, definition and source (config key, MBean or KIP) on hover,
 * on keyboard focus and on a tap. Escape dismisses it (WCAG 1.4.13), and the trigger's accessible
 * description is the definition, so screen readers read it after the word.
 *
 * The popover lives in a portal on `document.body`, `position: fixed` and placed from the
 * trigger's rectangle when it opens: a scrolling table or a chart's overflow never clips it, and
 * the word's own text (a column head's, a caption's) stays just the word. It closes when the page
 * scrolls. No animation, so there is nothing to turn off for prefers-reduced-motion.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useT } from '../i18n/react'
import { glossaryEntry, type TermId } from './glossary'

export interface TermProps {
  id: TermId
  children: ReactNode
}

interface Placement {
  left: number
  top?: number
  bottom?: number
  width: number
}

const GAP_PX = 6
const MARGIN_PX = 8
const WIDTH_PX = 288
/** A generous guess of the popover's height, to choose between below and above the word. */
const HEIGHT_GUESS_PX = 150
/** Time to move the pointer from the word onto the popover before it closes. */
const HOVER_GRACE_MS = 150

function placeNear(trigger: Element): Placement {
  const rect = trigger.getBoundingClientRect()
  const vw = window.innerWidth
  const vh = window.innerHeight
  const width = Math.min(WIDTH_PX, vw - 2 * MARGIN_PX)
  const left = Math.max(MARGIN_PX, Math.min(rect.left, vw - width - MARGIN_PX))
  const roomBelow = vh - rect.bottom
  return roomBelow >= HEIGHT_GUESS_PX || roomBelow >= rect.top
    ? { left, top: rect.bottom + GAP_PX, width }
    : { left, bottom: vh - rect.top + GAP_PX, width }
}

export function Term({ id, children }: TermProps) {
  // Subscribes to the language, so an open definition follows a switch.
  useT()
  const entry = glossaryEntry(id)
  const baseId = useId()
  const definitionId = `${baseId}-definition`
  const trigger = useRef<HTMLButtonElement>(null)
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [placement, setPlacement] = useState<Placement | null>(null)

  const cancelHide = () => {
    if (hideTimer.current !== null) clearTimeout(hideTimer.current)
    hideTimer.current = null
  }
  const show = () => {
    cancelHide()
    if (trigger.current !== null) setPlacement(placeNear(trigger.current))
  }
  const hide = useCallback(() => {
    cancelHide()
    setPlacement(null)
  }, [])
  const hideSoon = () => {
    cancelHide()
    hideTimer.current = setTimeout(hide, HOVER_GRACE_MS)
  }

  const open = placement !== null
  useEffect(() => {
    if (!open) return
    // Capture phase: the definition takes Escape before the tour or a menu closes on it.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      event.stopPropagation()
      hide()
    }
    const onScroll = () => hide()
    document.addEventListener('keydown', onKeyDown, true)
    window.addEventListener('scroll', onScroll, true)
    return () => {
      document.removeEventListener('keydown', onKeyDown, true)
      window.removeEventListener('scroll', onScroll, true)
    }
  }, [open, hide])
  useEffect(() => cancelHide, [])

  return (
    <span className="inline" onMouseEnter={show} onMouseLeave={hideSoon}>
      <button
        ref={trigger}
        type="button"
        data-term={id}
        aria-describedby={definitionId}
        className="cursor-help underline decoration-dotted decoration-1 underline-offset-2"
        onFocus={show}
        onBlur={hide}
        onClick={() => (open ? hide() : show())}
      >
        {children}
      </button>
      {createPortal(
        <span
          role="tooltip"
          hidden={!open}
          onMouseEnter={cancelHide}
          onMouseLeave={hideSoon}
          style={
            placement === null
              ? undefined
              : {
                  left: placement.left,
                  top: placement.top,
                  bottom: placement.bottom,
                  width: placement.width,
                }
          }
          className="fixed z-50 rounded border border-border bg-panel p-2 text-left font-sans text-xs font-normal normal-case text-fg shadow-lg"
        >
          <strong className="block">{entry.term}</strong>
          <span id={definitionId} className="block">
            {entry.definition}
          </span>
          <span className="mt-1 block font-mono text-muted">{entry.source}</span>
        </span>,
        document.body,
      )}
    </span>
  )
}
