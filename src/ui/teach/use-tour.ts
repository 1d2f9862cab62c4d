/**
 * The tour's state: open on a first visit (nothing remembered in storage), closed for good by
 * "Close tour" or Escape, reopened from the Tour button at its first step.
 */
import { useCallback, useState } from 'react'
import { type KeyValueStorage, rememberTourDismissed, TOUR_STEPS, tourDismissed } from './tour'

export interface TourState {
  open: boolean
  stepIndex: number
  start: () => void
  setStep: (index: number) => void
  close: () => void
}

/**
 * @example
 * const tour = useTour(browserStorage(), { enabled: !embedded })
 * <TourButton onClick={tour.start} /> ... <Tour {...tour} />
 */
export function useTour(
  storage: KeyValueStorage | null,
  options: { enabled?: boolean } = {},
): TourState {
  const enabled = options.enabled ?? true
  const [open, setOpen] = useState(() => enabled && !tourDismissed(storage))
  const [stepIndex, setStepIndex] = useState(0)
  const start = useCallback(() => {
    setStepIndex(0)
    setOpen(true)
  }, [])
  const setStep = useCallback((index: number) => {
    setStepIndex(Math.max(0, Math.min(TOUR_STEPS.length - 1, index)))
  }, [])
  const close = useCallback(() => {
    setOpen(false)
    rememberTourDismissed(storage)
  }, [storage])
  return { open: open && enabled, stepIndex, start, setStep, close }
}
