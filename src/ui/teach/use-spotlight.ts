/**
 * Finds the element a tour step talks about, scrolls it into view once, and follows its place on
 * screen (scrolling, resizing, and a slow poll for targets drawn late, such as the topology after
 * the first snapshot, or moved by layout). Returns its viewport rectangle, or null while it is
 * absent.
 */
import { useEffect, useState } from 'react'
import type { Rect } from './tour'

const POLL_MS = 300

function findTarget(selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = document.querySelector(selector)
    if (found !== null) return found
  }
  return null
}

function sameRect(a: Rect | null, b: Rect | null): boolean {
  if (a === null || b === null) return a === b
  return a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height
}

/** Instant, so there is no motion to reduce; a target taller than most of the screen shows its top. */
function scrollToTarget(element: Element): void {
  if (typeof element.scrollIntoView !== 'function') return
  const tall = element.getBoundingClientRect().height > window.innerHeight * 0.6
  element.scrollIntoView({ block: tall ? 'start' : 'center', inline: 'nearest' })
}

export function useSpotlight(selectors: readonly string[] | null): Rect | null {
  const [state, setState] = useState<{ for: readonly string[]; rect: Rect | null } | null>(null)

  useEffect(() => {
    if (selectors === null) return
    let scrolled = false
    let frame = 0
    const measure = () => {
      frame = 0
      const element = findTarget(selectors)
      if (element !== null && !scrolled) {
        scrolled = true
        scrollToTarget(element)
      }
      const box = element?.getBoundingClientRect()
      const rect =
        box === undefined
          ? null
          : { left: box.left, top: box.top, width: box.width, height: box.height }
      setState((previous) =>
        previous !== null && previous.for === selectors && sameRect(previous.rect, rect)
          ? previous
          : { for: selectors, rect },
      )
    }
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure)
    }
    const first = setTimeout(measure, 0)
    const poll = setInterval(measure, POLL_MS)
    window.addEventListener('scroll', schedule, true)
    window.addEventListener('resize', schedule)
    return () => {
      clearTimeout(first)
      clearInterval(poll)
      if (frame !== 0) cancelAnimationFrame(frame)
      window.removeEventListener('scroll', schedule, true)
      window.removeEventListener('resize', schedule)
    }
  }, [selectors])

  return selectors !== null && state?.for === selectors ? state.rect : null
}
