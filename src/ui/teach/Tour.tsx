/**
 * The interface tour: a non-modal panel in the page flow (it pushes content down rather than
 * covering it, so nothing underneath becomes unclickable), step x of n with Back and Next,
 * "Close tour", and Escape anywhere to dismiss. It takes focus only when the user asked for it.
 */
import { useEffect, useId, useRef } from 'react'
import { TOUR_STEPS, type TourStep } from './tour'

export interface TourProps {
  open: boolean
  stepIndex: number
  /** Focus the panel when it opens (the user pressed Tour). */
  requested?: boolean
  setStep: (index: number) => void
  close: () => void
  steps?: readonly TourStep[]
}

export function Tour({
  open,
  stepIndex,
  requested = false,
  setStep,
  close,
  steps = TOUR_STEPS,
}: TourProps) {
  const headingId = useId()
  const panel = useRef<HTMLElement>(null)

  useEffect(() => {
    if (!open) return
    const onKeyDown = (event: KeyboardEvent) => {
      // A menu or dialog that handled Escape first keeps it.
      if (event.key === 'Escape' && !event.defaultPrevented) close()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [open, close])

  useEffect(() => {
    if (open && requested) panel.current?.focus()
  }, [open, requested])

  const step = steps[stepIndex]
  if (!open || step === undefined) return null
  const last = stepIndex === steps.length - 1

  return (
    <section
      ref={panel}
      role="dialog"
      aria-modal="false"
      aria-label="Tour"
      aria-describedby={headingId}
      tabIndex={-1}
      className="mx-4 my-2 flex flex-wrap items-start gap-x-6 gap-y-2 rounded border border-l-4 border-border border-l-focus bg-panel px-4 py-3 text-sm shadow-sm"
    >
      <div className="min-w-0 flex-1 basis-96">
        <p className="text-xs text-muted">
          Tour · step {stepIndex + 1} of {steps.length}
        </p>
        <h2 id={headingId} className="font-semibold">
          {step.title}
        </h2>
        <p className="mt-1 max-w-prose">{step.text}</p>
      </div>
      <div className="flex items-center gap-2 self-end">
        <button
          type="button"
          className="btn"
          disabled={stepIndex === 0}
          onClick={() => setStep(stepIndex - 1)}
        >
          Back
        </button>
        {last ? (
          <button type="button" className="btn btn-primary" onClick={close}>
            Done
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => setStep(stepIndex + 1)}>
            Next
          </button>
        )}
        <button type="button" className="btn" onClick={close}>
          Close tour
        </button>
      </div>
    </section>
  )
}
