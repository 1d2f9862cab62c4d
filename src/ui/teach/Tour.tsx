/**
 * The tour: a dialog beside the element each step describes, with that element spotlighted (a
 * focus-coloured outline, the rest of the page dimmed) and scrolled into view. Step x of n, Back
 * and Next, "Close tour", and Escape anywhere to dismiss. Focus moves into the dialog when it
 * opens and returns where it was on close. Non-modal: the dimming lets clicks through, so the
 * page stays usable under it.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { CSSProperties } from 'react'
import { useT } from '../i18n/react'
import { useReducedMotion } from '../use-reduced-motion'
import { glossaryEntry } from './glossary'
import { Term } from './Term'
import { placeDialog, type Rect, type Size, spotlightRect, TOUR_STEPS, type TourStep } from './tour'
import { useSpotlight } from './use-spotlight'

export interface TourProps {
  open: boolean
  stepIndex: number
  setStep: (index: number) => void
  close: () => void
  steps?: readonly TourStep[]
}

/** Before the dialog is measured: about its size at 26rem wide. */
const DEFAULT_SIZE: Size = { width: 416, height: 240 }

const DIM = 'rgb(0 0 0 / 0.4)'

/** Four panels around the spotlight that dim the rest of the viewport. */
function dimmed(spot: Rect): CSSProperties[] {
  const bottom = spot.top + spot.height
  return [
    { left: 0, right: 0, top: 0, height: spot.top },
    { left: 0, right: 0, top: bottom, bottom: 0 },
    { left: 0, width: spot.left, top: spot.top, height: spot.height },
    { left: spot.left + spot.width, right: 0, top: spot.top, height: spot.height },
  ]
}

export function Tour({ open, stepIndex, setStep, close, steps = TOUR_STEPS }: TourProps) {
  const t = useT()
  const textId = useId()
  const panel = useRef<HTMLElement>(null)
  const step = open ? steps[stepIndex] : undefined
  const target = useSpotlight(step?.targets ?? null)
  const reduced = useReducedMotion()
  const [size, setSize] = useState<Size>(DEFAULT_SIZE)

  useEffect(() => {
    if (!open) return
    const onKeyDown = (event: KeyboardEvent) => {
      // A menu, dialog or definition that handled Escape first keeps it.
      if (event.key === 'Escape' && !event.defaultPrevented) close()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [open, close])

  useEffect(() => {
    if (!open) return
    const opener = document.activeElement
    panel.current?.focus({ preventScroll: true })
    return () => {
      if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected)
        opener.focus({ preventScroll: true })
    }
  }, [open])

  const visible = step !== undefined
  useEffect(() => {
    const element = panel.current
    if (!visible || element === null || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => {
      const next = { width: element.offsetWidth, height: element.offsetHeight }
      setSize((s) => (s.width === next.width && s.height === next.height ? s : next))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [visible])

  if (step === undefined) return null
  const last = stepIndex === steps.length - 1
  const viewport = { width: window.innerWidth, height: window.innerHeight }
  const place = placeDialog(target, size, viewport)
  const spot = target === null ? null : spotlightRect(target, viewport)

  return (
    <>
      {spot !== null && (
        <div aria-hidden="true" className="pointer-events-none fixed inset-0 z-40">
          {dimmed(spot).map((style, i) => (
            <div key={i} className="absolute" style={{ ...style, background: DIM }} />
          ))}
          <div
            data-tour-spotlight=""
            className="absolute rounded-md"
            style={{
              ...spot,
              outline: '3px solid var(--focus)',
              transition: reduced ? undefined : 'left 200ms, top 200ms, width 200ms, height 200ms',
            }}
          />
        </div>
      )}
      <section
        ref={panel}
        role="dialog"
        aria-modal="false"
        aria-label={t('tour.label')}
        aria-describedby={textId}
        tabIndex={-1}
        style={{ left: place.left, top: place.top }}
        className="fixed z-50 flex max-h-[calc(100vh-1rem)] w-[min(26rem,calc(100vw-1rem))] flex-col gap-2 overflow-auto rounded border border-l-4 border-border border-l-focus bg-panel px-4 py-3 text-sm shadow-lg"
      >
        <p className="text-xs text-muted">
          {t('tour.progress', { step: stepIndex + 1, total: steps.length })}
        </p>
        <h2 className="font-semibold">{step.title}</h2>
        <p id={textId}>{step.text}</p>
        {target !== null && (
          <p className="text-xs text-muted">{t('tour.highlighted', { target: step.targetName })}</p>
        )}
        {step.terms.length > 0 && (
          <p className="flex flex-wrap gap-x-3 text-xs">
            <span className="text-muted">{t('tour.defined')}</span>
            {step.terms.map((id) => (
              <Term key={id} id={id}>
                {glossaryEntry(id).term}
              </Term>
            ))}
          </p>
        )}
        <div className="flex flex-wrap items-center justify-end gap-2">
          <button
            type="button"
            className="btn"
            disabled={stepIndex === 0}
            onClick={() => setStep(stepIndex - 1)}
          >
            {t('common.back')}
          </button>
          {last ? (
            <button type="button" className="btn btn-primary" onClick={close}>
              {t('tour.done')}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setStep(stepIndex + 1)}
            >
              {t('common.next')}
            </button>
          )}
          <button type="button" className="btn" onClick={close}>
            {t('tour.close')}
          </button>
        </div>
      </section>
    </>
  )
}
