/**
 * The tour in jsdom, through `useTour` as the app wires it: it opens on a first visit, steps with
 * Next and Back, closes with "Close tour" or Escape and remembers that in storage, reopens from
 * the Tour button, and never throws when storage is missing or throws on every call. Each step
 * spotlights its target and says what it highlights; focus moves into the dialog and back; a
 * word's definition takes Escape before the tour does.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { GLOSSARY } from './glossary'
import { type KeyValueStorage, TOUR_DISMISSED_KEY, TOUR_STEPS, type TourStep } from './tour'
import { Tour } from './Tour'
import { TourButton } from './TourButton'
import { useTour } from './use-tour'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial }
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value
    },
  }
}

const throwing: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError')
  },
  setItem: () => {
    throw new Error('QuotaExceededError')
  },
}

function Harness({
  storage,
  steps,
}: {
  storage: KeyValueStorage | null
  steps?: readonly TourStep[]
}) {
  const tour = useTour(storage)
  return (
    <>
      <TourButton onClick={tour.start} />
      <div data-testid="target" className="target" />
      <Tour {...tour} steps={steps} />
    </>
  )
}

const STEPS: readonly TourStep[] = [
  {
    title: 'First',
    text: 'The first step points at the target.',
    targets: ['.missing', '.target'],
    targetName: 'the target',
    terms: ['isr'],
  },
  {
    title: 'Second',
    text: 'The second step points at nothing that exists.',
    targets: ['.missing'],
    targetName: 'nothing',
    terms: [],
  },
]

function placeTarget(rect: { left: number; top: number; width: number; height: number }) {
  const target = screen.getByTestId('target')
  target.getBoundingClientRect = () => ({
    ...rect,
    x: rect.left,
    y: rect.top,
    right: rect.left + rect.width,
    bottom: rect.top + rect.height,
    toJSON: () => rect,
  })
  const scrolled = vi.fn()
  target.scrollIntoView = scrolled
  return scrolled
}

describe('Tour', () => {
  it('opens on a first visit and steps through', () => {
    render(<Harness storage={memoryStorage()} />)
    const tour = screen.getByRole('dialog', { name: 'Tour' })
    expect(within(tour).getByText(`Tour · step 1 of ${TOUR_STEPS.length}`)).toBeTruthy()
    expect(within(tour).getByRole<HTMLButtonElement>('button', { name: 'Back' }).disabled).toBe(
      true,
    )
    fireEvent.click(within(tour).getByRole('button', { name: 'Next' }))
    expect(within(tour).getByRole('heading', { name: TOUR_STEPS[1]!.title })).toBeTruthy()
    fireEvent.click(within(tour).getByRole('button', { name: 'Back' }))
    expect(within(tour).getByRole('heading', { name: TOUR_STEPS[0]!.title })).toBeTruthy()
    for (let i = 1; i < TOUR_STEPS.length; i++) {
      fireEvent.click(within(tour).getByRole('button', { name: 'Next' }))
    }
    expect(within(tour).queryByRole('button', { name: 'Next' })).toBeNull()
    fireEvent.click(within(tour).getByRole('button', { name: 'Done' }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('closes with Close tour, remembers it, and reopens from the Tour button', () => {
    const storage = memoryStorage()
    const { unmount } = render(<Harness storage={storage} />)
    fireEvent.click(screen.getByRole('button', { name: 'Close tour' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(storage.data[TOUR_DISMISSED_KEY]).toBe('1')
    unmount()
    render(<Harness storage={storage} />)
    expect(screen.queryByRole('dialog')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Tour' }))
    const tour = screen.getByRole('dialog', { name: 'Tour' })
    expect(document.activeElement).toBe(tour)
    expect(within(tour).getByText(/step 1 of/)).toBeTruthy()
  })

  it('spotlights the first target present, scrolled into view, and says what it is', () => {
    vi.useFakeTimers()
    render(<Harness storage={memoryStorage()} steps={STEPS} />)
    const scrolled = placeTarget({ left: 100, top: 200, width: 300, height: 50 })
    act(() => {
      vi.advanceTimersByTime(10)
    })
    const spot = document.querySelector<HTMLElement>('[data-tour-spotlight]')
    expect(spot).not.toBeNull()
    expect(spot!.closest('[aria-hidden="true"]')).not.toBeNull()
    // The four dimming panels frame the hole: the one above ends where the spotlight starts.
    expect(spot!.parentElement!.children).toHaveLength(5)
    expect((spot!.parentElement!.children[0] as HTMLElement).style.height).toBe('194px')
    expect(spot!.style.left).toBe('94px')
    expect(spot!.style.top).toBe('194px')
    expect(spot!.style.width).toBe('312px')
    expect(spot!.style.height).toBe('62px')
    expect(scrolled).toHaveBeenCalledTimes(1)
    const tour = screen.getByRole('dialog', { name: 'Tour', description: STEPS[0]!.text })
    expect(within(tour).getByText('Highlighted: the target.')).toBeTruthy()
    // Placed just below the target: 200 + 50 + 12.
    expect(tour.style.top).toBe('262px')
    act(() => {
      vi.advanceTimersByTime(1000)
    })
    expect(scrolled).toHaveBeenCalledTimes(1)

    fireEvent.click(within(tour).getByRole('button', { name: 'Next' }))
    act(() => {
      vi.advanceTimersByTime(10)
    })
    expect(document.querySelector('[data-tour-spotlight]')).toBeNull()
    expect(within(tour).queryByText(/Highlighted/)).toBeNull()
  })

  it('moves focus into the dialog and back to where it was on close', () => {
    const storage = memoryStorage({ [TOUR_DISMISSED_KEY]: '1' })
    render(<Harness storage={storage} />)
    const button = screen.getByRole('button', { name: 'Tour' })
    button.focus()
    fireEvent.click(button)
    expect(document.activeElement).toBe(screen.getByRole('dialog', { name: 'Tour' }))
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it("defines the step's words; Escape on one closes the definition, not the tour", () => {
    render(<Harness storage={memoryStorage()} steps={STEPS} />)
    const tour = screen.getByRole('dialog', { name: 'Tour' })
    const word = within(tour).getByRole('button', {
      name: GLOSSARY.isr.term,
      description: GLOSSARY.isr.definition,
    })
    act(() => word.focus())
    expect(screen.getByRole('tooltip')).toBeTruthy()
    fireEvent.keyDown(word, { key: 'Escape' })
    expect(screen.queryByRole('tooltip')).toBeNull()
    expect(screen.getByRole('dialog', { name: 'Tour' })).toBeTruthy()
    fireEvent.keyDown(word, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('closes with Escape anywhere, unless something else handled it', () => {
    render(<Harness storage={memoryStorage()} />)
    const handled = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true })
    handled.preventDefault()
    act(() => {
      document.dispatchEvent(handled)
    })
    expect(screen.getByRole('dialog', { name: 'Tour' })).toBeTruthy()
    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it.each([
    ['storage that throws', throwing],
    ['no storage', null],
  ])('works with %s: shows, closes, shows again next time', (_name, storage) => {
    const { unmount } = render(<Harness storage={storage} />)
    fireEvent.click(screen.getByRole('button', { name: 'Close tour' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    unmount()
    render(<Harness storage={storage} />)
    expect(screen.getByRole('dialog', { name: 'Tour' })).toBeTruthy()
  })
})
