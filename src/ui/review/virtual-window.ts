/**
 * The maths of a virtualised list of fixed-height rows under a sticky header, all in pixels: which
 * rows a scroll position shows (plus a few either side, so a fast scroll does not flash empty
 * space), where to scroll so a row is fully visible, and which row a navigation key moves to.
 *
 * The scroller holds the header (sticky, `headerHeight` tall) and then the rows, row i at
 * `headerHeight + i * rowHeight`. The header covers the top of the viewport, so at scroll position
 * s the rows in view are those between s and s + viewportHeight - headerHeight, counted from the
 * first row's top.
 */

export interface WindowMetrics {
  rowHeight: number
  /** The scroller's inner height (its clientHeight), the header included. */
  viewportHeight: number
  headerHeight: number
}

/** Rows start (inclusive) to end (exclusive). */
export interface RowRange {
  start: number
  end: number
}

/** The height left for rows under the header. */
export function bodyHeight(metrics: WindowMetrics): number {
  return Math.max(0, metrics.viewportHeight - metrics.headerHeight)
}

/** How many whole rows fit under the header (at least 1): the step of Page Up and Page Down. */
export function rowsPerPage(metrics: WindowMetrics): number {
  return Math.max(1, Math.floor(bodyHeight(metrics) / Math.max(1, metrics.rowHeight)))
}

/** The furthest the scroller can scroll. */
export function maxScrollTop(count: number, metrics: WindowMetrics): number {
  return Math.max(0, count * metrics.rowHeight - bodyHeight(metrics))
}

/**
 * The rows to render at `scrollTop`: those in view and `overscan` more on each side. A scroll
 * position past the end (the list just got shorter) counts as the end.
 */
export function visibleRange(
  scrollTop: number,
  count: number,
  metrics: WindowMetrics,
  overscan: number,
): RowRange {
  if (count <= 0 || metrics.rowHeight <= 0) return { start: 0, end: 0 }
  const top = Math.min(Math.max(0, scrollTop), maxScrollTop(count, metrics))
  const first = Math.floor(top / metrics.rowHeight)
  const last = Math.ceil((top + bodyHeight(metrics)) / metrics.rowHeight)
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(count, Math.max(last, first + 1) + overscan),
  }
}

/** The scroll position that shows row `index` whole, moving as little as possible. */
export function scrollTopToReveal(
  index: number,
  scrollTop: number,
  metrics: WindowMetrics,
): number {
  const top = index * metrics.rowHeight
  const bottom = top + metrics.rowHeight
  if (top < scrollTop) return top
  const height = bodyHeight(metrics)
  if (bottom > scrollTop + height) return Math.max(0, bottom - height)
  return scrollTop
}

/**
 * The row a key moves to from row `index` of `count`: ↑ and ↓ by one, Page Up and Page Down by
 * `pageRows`, Home and End to either end. Null for other keys and for an empty list.
 */
export function navigationTarget(
  key: string,
  index: number,
  count: number,
  pageRows: number,
): number | null {
  if (count <= 0) return null
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i))
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1)
    case 'ArrowUp':
      return clamp(index - 1)
    case 'PageDown':
      return clamp(index + pageRows)
    case 'PageUp':
      return clamp(index - pageRows)
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}
