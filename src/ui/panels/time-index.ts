/** Binary search over time-ordered engine output (events, metric samples). */

/**
 * How many of `items` are at or before `nowMs`, i.e. the index of the first later one. The engine
 * emits events and samples in time order; a view seeked back past some of them hides the rest.
 */
export function countAtOrBefore(items: readonly { atMs: number }[], nowMs: number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((items[mid]?.atMs ?? 0) <= nowMs) lo = mid + 1
    else hi = mid
  }
  return lo
}
