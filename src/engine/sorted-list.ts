/**
 * Small array helpers for the engine's sorted id and index lists. They edit in place and never
 * allocate on the hot paths: `splice` returns a new array on every call, `length = 0` drops the
 * backing store, and `Array.prototype.sort` allocates sort state, so none of them is used there.
 */

/** The first index in ascending `xs` whose value is not below `x` (`xs.length` when none). */
export function sortedIndex(xs: readonly number[], x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((xs[mid] as number) < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The index of `x` in ascending `xs`, or -1. */
export function sortedIndexOf(xs: readonly number[], x: number): number {
  const i = sortedIndex(xs, x)
  return xs[i] === x ? i : -1
}

/** Inserts `x` at index `i` without allocating. */
export function insertAt<T>(xs: T[], i: number, x: T): void {
  xs.push(x)
  for (let j = xs.length - 1; j > i; j--) xs[j] = xs[j - 1] as T
  xs[i] = x
}

/** Removes the element at index `k` without allocating. */
export function removeAt<T>(xs: T[], k: number): void {
  for (let j = k + 1; j < xs.length; j++) xs[j - 1] = xs[j] as T
  xs.pop()
}

/** Empties an array without dropping its backing store (`length = 0` would drop it). */
export function clearArray<T>(xs: T[]): void {
  while (xs.length > 0) xs.pop()
}

/** Inserts `x` into ascending `xs` unless present. */
export function insertSorted<T extends number>(xs: T[], x: T): void {
  const i = sortedIndex(xs, x)
  if (xs[i] === x) return
  insertAt(xs, i, x)
}

/**
 * An ascending copy of a short list of ids, with `extra` added when it is not -1 (an insertion
 * sort: replica lists are a handful of ids).
 */
export function sortedIds<T extends number>(ids: readonly T[], extra: T | -1 = -1): T[] {
  // slice/concat give a packed, exactly sized array of the same kind as the other id lists.
  const out = extra === -1 ? ids.slice() : ids.concat(extra)
  for (let i = 1; i < out.length; i++) {
    const id = out[i] as T
    let j = i
    while (j > 0 && (out[j - 1] as T) > id) {
      out[j] = out[j - 1] as T
      j--
    }
    out[j] = id
  }
  return out
}

/** The two lists hold the same members (each list free of duplicates). */
export function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (const x of a) if (!b.includes(x)) return false
  return true
}
