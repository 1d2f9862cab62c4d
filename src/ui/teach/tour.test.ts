/**
 * The tour's content, its placement maths and its guarded storage helpers: the first three steps
 * teach leader and followers, the ISR and min.insync.replicas, acks and the HW; every step has a
 * target and defined words; the dialog stays inside 1280×720 and 390×844 wherever its target is;
 * reads and writes swallow storage errors.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { GLOSSARY } from './glossary'
import {
  browserStorage,
  placeDialog,
  type Rect,
  spotlightRect,
  rememberTourDismissed,
  TOUR_DISMISSED_KEY,
  TOUR_STEPS,
  tourDismissed,
} from './tour'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('tour', () => {
  it('has 4 to 7 steps, each with a title, text, a target and defined words', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(4)
    expect(TOUR_STEPS.length).toBeLessThanOrEqual(7)
    for (const step of TOUR_STEPS) {
      expect(step.title.length).toBeGreaterThan(0)
      expect(step.text.length).toBeGreaterThan(40)
      expect(step.targets.length).toBeGreaterThan(0)
      expect(step.targetName.length).toBeGreaterThan(0)
      for (const id of step.terms) expect(GLOSSARY[id], id).toBeDefined()
    }
  })

  it('teaches the three first ideas, in order, before the controls', () => {
    const [leader, isr, hw] = TOUR_STEPS
    expect(leader!.text).toMatch(/leader/)
    expect(leader!.text).toMatch(/followers/)
    expect(leader!.text).toMatch(/zone/)
    expect(leader!.terms).toContain('leader')
    expect(isr!.text).toMatch(/ISR/)
    expect(isr!.text).toMatch(/min\.insync\.replicas/)
    expect(isr!.terms).toEqual(expect.arrayContaining(['isr', 'min-insync-replicas']))
    expect(hw!.text).toMatch(/acks=all/)
    expect(hw!.text).toMatch(/high watermark/)
    expect(hw!.text).toMatch(/consumers read only up to it/)
    expect(hw!.terms).toEqual(expect.arrayContaining(['acks', 'high-watermark']))
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

describe('placeDialog', () => {
  const dialog = { width: 416, height: 240 }
  const viewports = [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]

  function inside(p: { left: number; top: number }, size: typeof dialog, vw: number, vh: number) {
    const w = Math.min(size.width, vw - 16)
    expect(p.left).toBeGreaterThanOrEqual(8)
    expect(p.top).toBeGreaterThanOrEqual(8)
    expect(p.left + w).toBeLessThanOrEqual(vw - 8)
    expect(p.top + size.height).toBeLessThanOrEqual(vh - 8)
  }

  it('stays inside 1280×720 and 390×844 wherever the target is', () => {
    for (const vp of viewports) {
      const size = { width: Math.min(dialog.width, vp.width - 16), height: dialog.height }
      for (let left = -100; left <= vp.width; left += 97)
        for (let top = -100; top <= vp.height; top += 83)
          for (const [width, height] of [
            [40, 30],
            [300, 120],
            [vp.width, 500],
            [vp.width + 200, vp.height + 200],
          ] as const) {
            inside(placeDialog({ left, top, width, height }, size, vp), size, vp.width, vp.height)
          }
      inside(placeDialog(null, size, vp), size, vp.width, vp.height)
    }
  })

  it('goes below a target with room, above one near the bottom, over a huge one at the bottom', () => {
    const vp = { width: 1280, height: 720 }
    const toolbar: Rect = { left: 16, top: 60, width: 600, height: 40 }
    expect(placeDialog(toolbar, dialog, vp).top).toBe(112)
    const tabs: Rect = { left: 16, top: 650, width: 900, height: 40 }
    expect(placeDialog(tabs, dialog, vp).top).toBe(650 - 12 - 240)
    const topology: Rect = { left: 0, top: 0, width: 1280, height: 700 }
    expect(placeDialog(topology, dialog, vp)).toEqual({ left: 432, top: 720 - 240 - 8 })
  })

  it('goes beside a tall narrow target', () => {
    const vp = { width: 1280, height: 720 }
    const column: Rect = { left: 100, top: 50, width: 200, height: 620 }
    expect(placeDialog(column, dialog, vp)).toEqual({ left: 312, top: 240 })
  })
})

describe('spotlightRect', () => {
  it('pads the target and cuts it to the viewport', () => {
    const vp = { width: 390, height: 844 }
    expect(spotlightRect({ left: 10, top: 20, width: 100, height: 50 }, vp)).toEqual({
      left: 4,
      top: 14,
      width: 112,
      height: 62,
    })
    expect(spotlightRect({ left: -50, top: 800, width: 600, height: 400 }, vp)).toEqual({
      left: 0,
      top: 794,
      width: 390,
      height: 50,
    })
  })
})
