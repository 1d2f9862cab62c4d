/**
 * The tour's content and its guarded storage helpers: 3 to 5 steps with text, and reads and
 * writes that swallow storage errors.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  browserStorage,
  rememberTourDismissed,
  TOUR_DISMISSED_KEY,
  TOUR_STEPS,
  tourDismissed,
} from './tour'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('tour', () => {
  it('has 3 to 5 steps, each with a title and text', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(3)
    expect(TOUR_STEPS.length).toBeLessThanOrEqual(5)
    for (const step of TOUR_STEPS) {
      expect(step.title.length).toBeGreaterThan(0)
      expect(step.text.length).toBeGreaterThan(40)
    }
  })

  it('reads and writes the dismissal', () => {
    const data = new Map<string, string>()
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    }
    expect(tourDismissed(storage)).toBe(false)
    expect(rememberTourDismissed(storage)).toBe(true)
    expect(data.get(TOUR_DISMISSED_KEY)).toBe('1')
    expect(tourDismissed(storage)).toBe(true)
  })

  it('never throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    expect(tourDismissed(broken)).toBe(false)
    expect(rememberTourDismissed(broken)).toBe(false)
    expect(tourDismissed(null)).toBe(false)
    expect(rememberTourDismissed(null)).toBe(false)
  })

  it('finds no browser storage when window.localStorage throws or there is no window', () => {
    expect(browserStorage()).toBeNull()
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new Error('SecurityError')
      },
    })
    expect(browserStorage()).toBeNull()
  })
})
