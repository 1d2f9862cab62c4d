/**
 * Windowing for a long list of fixed-height rows (virtual-window.ts does the maths): the scroller,
 * its sticky header and an invisible probe row are measured with a ResizeObserver, so the row
 * height follows the CSS (taller rows on touch screens, larger type in projector mode) and the
 * viewport follows the layout. Without a ResizeObserver (jsdom) the fallback metrics stand.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { RefObject, UIEvent } from 'react'
import {
  type RowRange,
  rowsPerPage,
  scrollTopToReveal,
  visibleRange,
  type WindowMetrics,
} from './virtual-window'

/**
 * The desktop CSS sizes at 16 px a rem: rows 2.25rem and the scroller 18rem; the header grows
 * with its labels (three lines of "Unclean election needed", about 3.5rem), which with the
 * scroller's border leaves 230 px for rows.
 */
export const FALLBACK_METRICS: WindowMetrics = {
  rowHeight: 36,
  viewportHeight: 286,
  headerHeight: 56,
}

/** Rows rendered beyond each edge of the viewport. */
export const OVERSCAN = 8

export interface VirtualRows {
  scrollerRef: RefObject<HTMLDivElement | null>
  headerRef: RefObject<HTMLDivElement | null>
  /** An element as tall as one row (same CSS), measured for the row height. */
  probeRef: RefObject<HTMLDivElement | null>
  range: RowRange
  metrics: WindowMetrics
  pageRows: number
  onScroll: (event: UIEvent<HTMLElement>) => void
  /** Scrolls the least that shows row `index` whole. */
  reveal: (index: number) => void
}

function sameMetrics(a: WindowMetrics, b: WindowMetrics): boolean {
  return (
    a.rowHeight === b.rowHeight &&
    a.viewportHeight === b.viewportHeight &&
    a.headerHeight === b.headerHeight
  )
}

/**
 * Windowing state for `count` rows. A new `resetKey` (the filters or the sort changed) scrolls
 * back to the first row.
 */
export function useVirtualRows(count: number, resetKey: string, overscan = OVERSCAN): VirtualRows {
  const scrollerRef = useRef<HTMLDivElement | null>(null)
  const headerRef = useRef<HTMLDivElement | null>(null)
  const probeRef = useRef<HTMLDivElement | null>(null)
  const [metrics, setMetrics] = useState<WindowMetrics>(FALLBACK_METRICS)
  const [scrollTop, setScrollTop] = useState(0)
  const [shownKey, setShownKey] = useState(resetKey)
  if (shownKey !== resetKey) {
    // Adjusting state while rendering (React's pattern for state derived from props); the DOM's
    // scroll position follows in the effect below.
    setShownKey(resetKey)
    setScrollTop(0)
  }
  useEffect(() => {
    if (scrollerRef.current !== null) scrollerRef.current.scrollTop = 0
  }, [resetKey])

  useEffect(() => {
    const scroller = scrollerRef.current
    const header = headerRef.current
    const probe = probeRef.current
    if (scroller === null || header === null || probe === null) return
    if (typeof ResizeObserver === 'undefined') return
    const measure = () =>
      setMetrics((previous) => {
        const next: WindowMetrics = {
          rowHeight: probe.offsetHeight || previous.rowHeight,
          viewportHeight: scroller.clientHeight || previous.viewportHeight,
          headerHeight: header.offsetHeight,
        }
        return sameMetrics(previous, next) ? previous : next
      })
    // The observer reports each element once when observing starts, which is the first measure.
    const observer = new ResizeObserver(measure)
    for (const element of [scroller, header, probe]) observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const onScroll = useCallback((event: UIEvent<HTMLElement>) => {
    setScrollTop(event.currentTarget.scrollTop)
  }, [])

  const reveal = useCallback(
    (index: number) => {
      const scroller = scrollerRef.current
      if (scroller === null) return
      const next = scrollTopToReveal(index, scroller.scrollTop, metrics)
      if (next === scroller.scrollTop) return
      scroller.scrollTop = next
      // Render the new window now rather than on the scroll event, so a row moved to by key
      // exists (and can take focus) in the same commit.
      setScrollTop(next)
    },
    [metrics],
  )

  return {
    scrollerRef,
    headerRef,
    probeRef,
    range: visibleRange(scrollTop, count, metrics, overscan),
    metrics,
    pageRows: rowsPerPage(metrics),
    onScroll,
    reveal,
  }
}
