/**
 * A binary min-heap of scheduled events ordered by (atMs, seq). `seq` is a counter assigned at
 * scheduling time, so two events at the same millisecond run in the order they were scheduled
 * and the order is total: the run is the same on every machine.
 *
 * Layout: each scheduled event lives in a slot; the slot's time and sequence number sit in typed
 * arrays and the heap orders slot numbers. Sifting compares numbers in two contiguous arrays
 * instead of chasing one object per event, and scheduling allocates nothing but the event. The
 * queue is plain data (typed arrays, arrays, numbers), so it survives `structuredClone` for
 * checkpoints.
 */

export interface Scheduled<E> {
  atMs: number
  seq: number
  event: E
}

export interface EventQueue<E> {
  /** Slot numbers in heap order; entries past `size` are unused. */
  heap: Int32Array
  size: number
  /** Per slot: time, sequence number and event (null when the slot is free). */
  times: Float64Array
  seqs: Float64Array
  events: (E | null)[]
  /** Free slots (a stack; entries past `freeCount` are unused). */
  free: Int32Array
  freeCount: number
  nextSeq: number
}

const INITIAL_CAPACITY = 64

export function createQueue<E>(): EventQueue<E> {
  const free = new Int32Array(INITIAL_CAPACITY)
  for (let i = 0; i < INITIAL_CAPACITY; i++) free[i] = INITIAL_CAPACITY - 1 - i
  return {
    heap: new Int32Array(INITIAL_CAPACITY),
    size: 0,
    times: new Float64Array(INITIAL_CAPACITY),
    seqs: new Float64Array(INITIAL_CAPACITY),
    events: new Array<E | null>(INITIAL_CAPACITY).fill(null),
    free,
    freeCount: INITIAL_CAPACITY,
    nextSeq: 0,
  }
}

/** Doubles every per-slot array; the new slots go on the free stack. */
function grow<E>(q: EventQueue<E>): void {
  const old = q.times.length
  const cap = old * 2
  const heap = new Int32Array(cap)
  heap.set(q.heap)
  const times = new Float64Array(cap)
  times.set(q.times)
  const seqs = new Float64Array(cap)
  seqs.set(q.seqs)
  const free = new Int32Array(cap)
  free.set(q.free.subarray(0, q.freeCount))
  let n = q.freeCount
  for (let s = cap - 1; s >= old; s--) free[n++] = s
  for (let s = old; s < cap; s++) q.events.push(null)
  q.heap = heap
  q.times = times
  q.seqs = seqs
  q.free = free
  q.freeCount = n
}

function before<E>(q: EventQueue<E>, a: number, b: number): boolean {
  const ta = q.times[a] as number
  const tb = q.times[b] as number
  return ta < tb || (ta === tb && (q.seqs[a] as number) < (q.seqs[b] as number))
}

function siftUp<E>(q: EventQueue<E>, slot: number, from: number): void {
  const heap = q.heap
  let i = from
  while (i > 0) {
    const parent = (i - 1) >> 1
    const p = heap[parent] as number
    if (!before(q, slot, p)) break
    heap[i] = p
    i = parent
  }
  heap[i] = slot
}

function insert<E>(q: EventQueue<E>, atMs: number, seq: number, event: E): void {
  if (q.freeCount === 0) grow(q)
  const slot = q.free[--q.freeCount] as number
  q.times[slot] = atMs
  q.seqs[slot] = seq
  q.events[slot] = event
  siftUp(q, slot, q.size++)
}

export function schedule<E>(queue: EventQueue<E>, atMs: number, event: E): void {
  insert(queue, atMs, queue.nextSeq++, event)
}

export function peekTime<E>(queue: EventQueue<E>): number | null {
  return queue.size === 0 ? null : (queue.times[queue.heap[0] as number] as number)
}

/** Removes the earliest event and returns it (its time is what `peekTime` said), or null. */
export function pop<E>(queue: EventQueue<E>): E | null {
  if (queue.size === 0) return null
  const heap = queue.heap
  const top = heap[0] as number
  const event = queue.events[top] as E
  queue.events[top] = null
  queue.free[queue.freeCount++] = top
  const n = --queue.size
  if (n > 0) {
    const last = heap[n] as number
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      let child = l
      if (r < n && before(queue, heap[r] as number, heap[l] as number)) child = r
      const c = heap[child] as number
      if (!before(queue, c, last)) break
      heap[i] = c
      i = child
    }
    heap[i] = last
  }
  return event
}

/** Every scheduled event with its time and sequence number, in no particular order. */
export function scheduledItems<E>(queue: EventQueue<E>): Scheduled<E>[] {
  const out: Scheduled<E>[] = []
  for (let i = 0; i < queue.size; i++) {
    const slot = queue.heap[i] as number
    out.push({
      atMs: queue.times[slot] as number,
      seq: queue.seqs[slot] as number,
      event: queue.events[slot] as E,
    })
  }
  return out
}

/** Replaces each scheduled event by `fn(event)`, keeping times and order. */
export function mapEvents<E>(queue: EventQueue<E>, fn: (event: E) => E): void {
  for (let i = 0; i < queue.size; i++) {
    const slot = queue.heap[i] as number
    queue.events[slot] = fn(queue.events[slot] as E)
  }
}

/** Replaces the queue's contents, keeping each item's original sequence number. */
export function rebuild<E>(queue: EventQueue<E>, items: Scheduled<E>[]): void {
  const fresh = createQueue<E>()
  for (const item of items) insert(fresh, item.atMs, item.seq, item.event)
  queue.heap = fresh.heap
  queue.size = fresh.size
  queue.times = fresh.times
  queue.seqs = fresh.seqs
  queue.events = fresh.events
  queue.free = fresh.free
  queue.freeCount = fresh.freeCount
}
