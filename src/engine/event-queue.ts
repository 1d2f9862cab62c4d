/**
 * A binary min-heap of scheduled events ordered by (atMs, seq). `seq` is a counter assigned at
 * scheduling time, so two events at the same millisecond run in the order they were scheduled
 * and the order is total: the run is the same on every machine. The heap is a plain array of
 * plain objects, so it survives `structuredClone` for checkpoints.
 */

export interface Scheduled<E> {
  atMs: number
  seq: number
  event: E
}

export interface EventQueue<E> {
  heap: Scheduled<E>[]
  nextSeq: number
}

export function createQueue<E>(): EventQueue<E> {
  return { heap: [], nextSeq: 0 }
}

function before<E>(a: Scheduled<E>, b: Scheduled<E>): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq)
}

class Item<E> implements Scheduled<E> {
  constructor(
    public atMs: number,
    public seq: number,
    public event: E,
  ) {}
}

export function schedule<E>(queue: EventQueue<E>, atMs: number, event: E): void {
  const heap = queue.heap
  const item: Scheduled<E> = new Item(atMs, queue.nextSeq++, event)
  let i = heap.length
  heap.push(item)
  while (i > 0) {
    const parent = (i - 1) >> 1
    const p = heap[parent] as Scheduled<E>
    if (!before(item, p)) break
    heap[i] = p
    i = parent
  }
  heap[i] = item
}

export function peekTime<E>(queue: EventQueue<E>): number | null {
  const top = queue.heap[0]
  return top === undefined ? null : top.atMs
}

export function pop<E>(queue: EventQueue<E>): Scheduled<E> | null {
  const heap = queue.heap
  const top = heap[0]
  if (top === undefined) return null
  const last = heap.pop() as Scheduled<E>
  if (heap.length > 0) {
    let i = 0
    const n = heap.length
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let smallest = last
      let at = -1
      const left = heap[l]
      if (l < n && left !== undefined && before(left, smallest)) {
        smallest = left
        at = l
      }
      const right = heap[r]
      if (r < n && right !== undefined && before(right, smallest)) {
        smallest = right
        at = r
      }
      if (at === -1) break
      heap[i] = smallest
      i = at
    }
    heap[i] = last
  }
  return top
}

/** Replaces the queue's contents, keeping each item's original sequence number. */
export function rebuild<E>(queue: EventQueue<E>, items: Scheduled<E>[]): void {
  const sorted = items.slice().sort((a, b) => a.atMs - b.atMs || a.seq - b.seq)
  // A sorted array is a valid binary min-heap.
  queue.heap = sorted
}
