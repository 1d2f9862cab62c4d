/**
 * The windowing maths of the matrix's virtualised list, on the desktop sizes (36 px rows under a
 * 48 px header in a 288 px scroller, so 240 px or 6⅔ rows of body): the range a scroll position
 * renders with its overscan, clamping at both ends and past a list that just got shorter, the
 * least scroll that reveals a row, and the row each navigation key moves to.
 */
import { describe, expect, it } from 'vitest'
import {
  maxScrollTop,
  navigationTarget,
  rowsPerPage,
  scrollTopToReveal,
  visibleRange,
  type WindowMetrics,
} from './virtual-window'

const m: WindowMetrics = { rowHeight: 36, viewportHeight: 288, headerHeight: 48 }

describe('visibleRange', () => {
  it.each([
    // At the top: rows 0..6 are (partly) in view, plus 8 below.
    [0, 4278, 8, { start: 0, end: 15 }],
    [0, 4278, 2, { start: 0, end: 9 }],
    // 3600 px down: rows 100..106 in view (3600 / 36 = 100, (3600 + 240) / 36 = 106.7).
    [3600, 4278, 8, { start: 92, end: 115 }],
    // Half a row down: row 0 is still partly in view.
    [18, 4278, 0, { start: 0, end: 8 }],
    // At the end: rows 4271 (partly) to 4277, plus 8 above.
    [maxScrollTop(4278, m), 4278, 8, { start: 4271 - 8, end: 4278 }],
    // A stale position far past a list that shrank to 10 rows counts as its end.
    [150_000, 10, 2, { start: 1, end: 10 }],
    [0, 3, 8, { start: 0, end: 3 }],
    [0, 0, 8, { start: 0, end: 0 }],
  ])('scrollTop %i of %i rows, overscan %i → %o', (scrollTop, count, overscan, range) => {
    expect(visibleRange(scrollTop, count, m, overscan)).toEqual(range)
  })

  it('always renders the rows that fill the viewport, wherever it is scrolled', () => {
    const count = 4278
    for (let top = 0; top <= maxScrollTop(count, m); top += 97) {
      const { start, end } = visibleRange(top, count, m, 0)
      expect(start * m.rowHeight).toBeLessThanOrEqual(top)
      expect(end * m.rowHeight).toBeGreaterThanOrEqual(Math.min(top + 240, count * m.rowHeight))
      expect(end - start).toBeLessThanOrEqual(8)
    }
  })
})

describe('scrollTopToReveal and rowsPerPage', () => {
  it('scrolls the least that shows the row whole, and not at all when it is', () => {
    expect(scrollTopToReveal(3, 0, m)).toBe(0)
    // Row 6 ends at 252 px, below the 240 px of body: scroll by 12.
    expect(scrollTopToReveal(6, 0, m)).toBe(12)
    expect(scrollTopToReveal(4277, 0, m)).toBe(4278 * 36 - 240)
    // Above the view: its top goes to the top (just under the header).
    expect(scrollTopToReveal(10, 1000, m)).toBe(360)
    expect(scrollTopToReveal(30, 1000, m)).toBe(1000)
  })

  it('pages by the whole rows that fit, at least one', () => {
    expect(rowsPerPage(m)).toBe(6)
    expect(rowsPerPage({ ...m, viewportHeight: 60 })).toBe(1)
  })
})

describe('navigationTarget', () => {
  it.each([
    ['ArrowDown', 5, 6],
    ['ArrowUp', 5, 4],
    ['ArrowUp', 0, 0],
    ['ArrowDown', 9, 9],
    ['PageDown', 5, 9],
    ['PageUp', 5, 0],
    ['PageDown', 0, 6],
    ['Home', 7, 0],
    ['End', 2, 9],
    ['Enter', 2, null],
    ['a', 2, null],
  ] as const)('%s from row %i of 10 → %s', (key, index, target) => {
    expect(navigationTarget(key, index, 10, 6)).toBe(target)
  })

  it('goes nowhere in an empty list', () => {
    expect(navigationTarget('ArrowDown', 0, 0, 6)).toBeNull()
  })
})
