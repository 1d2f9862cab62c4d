/**
 * The tour in jsdom, through `useTour` as the app wires it: it opens on a first visit, steps with
 * Next and Back, closes with "Close tour" or Escape and remembers that in storage, reopens from
 * the Tour button, and never throws when storage is missing or throws on every call.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { type KeyValueStorage, TOUR_DISMISSED_KEY, TOUR_STEPS } from './tour'
import { Tour } from './Tour'
import { TourButton } from './TourButton'
import { useTour } from './use-tour'

afterEach(cleanup)

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

function Harness({ storage }: { storage: KeyValueStorage | null }) {
  const tour = useTour(storage)
  return (
    <>
      <TourButton onClick={tour.start} />
      <Tour {...tour} />
    </>
  )
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
