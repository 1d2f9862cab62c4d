/**
 * The event queue, ordered by (atMs, seq). `seq` is a counter assigned at scheduling time, so two
 * events at the same millisecond run in the order they were scheduled and the order is total:
 * the run is the same on every machine.
 *
 * Layout (a calendar queue): each scheduled event lives in a slot whose time and sequence number
 * sit in typed arrays. Events due within the next WINDOW_MS milliseconds hang in per-millisecond
 * buckets (linked lists kept in (atMs, seq) order, so scheduling usually appends); later ones
 * wait in a binary heap and move into their bucket as the window reaches them, before anything
 * else can be scheduled there. Almost every event of a simulation is due within a few hundred
 * milliseconds, so scheduling and popping are O(1) without one object per event. Everything is
 * plain data (typed arrays, arrays, numbers), so the queue survives `structuredClone` for
 * checkpoints.
 */

export interface Scheduled<E> {
  atMs: number
  seq: number
  event: E
}

const WINDOW_MS = 4096
const MASK = WINDOW_MS - 1
const INITIAL_CAPACITY = 64

export interface EventQueue<E> {
  /** Per slot: time, sequence number, event (null when free) and next slot in its bucket. */
  times: Float64Array
  seqs: Float64Array
  events: (E | null)[]
  next: Int32Array
  /** Free slots (a stack; entries past `freeCount` are unused). */
  free: Int32Array
  freeCount: number
  /** First millisecond of the window; bucket `t & MASK` holds events with floor(atMs) = t. */
  base: number
  bucketHead: Int32Array
  bucketTail: Int32Array
  bucketCount: number
  /** Events due at or after base + WINDOW_MS: slot numbers in heap order, `heapSize` used. */
  heap: Int32Array
  heapSize: number
  nextSeq: number
}

export function createQueue<E>(): EventQueue<E> {
  const free = new Int32Array(INITIAL_CAPACITY)
  for (let i = 0; i < INITIAL_CAPACITY; i++) free[i] = INITIAL_CAPACITY - 1 - i
  return {
    times: new Float64Array(INITIAL_CAPACITY),
    seqs: new Float64Array(INITIAL_CAPACITY),
    events: new Array<E | null>(INITIAL_CAPACITY).fill(null),
    next: new Int32Array(INITIAL_CAPACITY).fill(-1),
    free,
    freeCount: INITIAL_CAPACITY,
    base: 0,
    bucketHead: new Int32Array(WINDOW_MS).fill(-1),
    bucketTail: new Int32Array(WINDOW_MS).fill(-1),
    bucketCount: 0,
    heap: new Int32Array(INITIAL_CAPACITY),
    heapSize: 0,
    nextSeq: 0,
  }
}

/** Doubles every per-slot array; the new slots go on the free stack. */
function grow<E>(q: EventQueue<E>): void {
  const old = q.times.length
  const cap = old * 2
  const times = new Float64Array(cap)
  times.set(q.times)
  const seqs = new Float64Array(cap)
  seqs.set(q.seqs)
  const next = new Int32Array(cap).fill(-1)
  next.set(q.next)
  const heap = new Int32Array(cap)
  heap.set(q.heap)
  const free = new Int32Array(cap)
  free.set(q.free.subarray(0, q.freeCount))
  let n = q.freeCount
  for (let s = cap - 1; s >= old; s--) free[n++] = s
  for (let s = old; s < cap; s++) q.events.push(null)
  q.times = times
  q.seqs = seqs
  q.next = next
  q.heap = heap
  q.free = free
  q.freeCount = n
}

function before<E>(q: EventQueue<E>, a: number, b: number): boolean {
  const ta = q.times[a] as number
  const tb = q.times[b] as number
  return ta < tb || (ta === tb && (q.seqs[a] as number) < (q.seqs[b] as number))
}

/** Links a slot into its bucket, keeping the bucket in (atMs, seq) order. */
function bucketInsert<E>(q: EventQueue<E>, slot: number): void {
  const b = Math.max(q.base, Math.floor(q.times[slot] as number)) & MASK
  const tail = q.bucketTail[b] as number
  q.bucketCount++
  if (tail === -1) {
    q.bucketHead[b] = slot
    q.bucketTail[b] = slot
    q.next[slot] = -1
    return
  }
  if (before(q, tail, slot)) {
    q.next[tail] = slot
    q.next[slot] = -1
    q.bucketTail[b] = slot
    return
  }
  // Rare: an earlier time within the same millisecond (fractional times) or a rebuild.
  let prev = -1
  let cur = q.bucketHead[b] as number
  while (cur !== -1 && before(q, cur, slot)) {
    prev = cur
    cur = q.next[cur] as number
  }
  q.next[slot] = cur
  if (prev === -1) q.bucketHead[b] = slot
  else q.next[prev] = slot
}

function heapInsert<E>(q: EventQueue<E>, slot: number): void {
  const heap = q.heap
  let i = q.heapSize++
  while (i > 0) {
    const parent = (i - 1) >> 1
    const p = heap[parent] as number
    if (!before(q, slot, p)) break
    heap[i] = p
    i = parent
  }
  heap[i] = slot
}

function heapPop<E>(q: EventQueue<E>): number {
  const heap = q.heap
  const top = heap[0] as number
  const n = --q.heapSize
  if (n > 0) {
    const last = heap[n] as number
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      let child = l
      if (r < n && before(q, heap[r] as number, heap[l] as number)) child = r
      const c = heap[child] as number
      if (!before(q, c, last)) break
      heap[i] = c
      i = child
    }
    heap[i] = last
  }
  return top
}

function place<E>(q: EventQueue<E>, slot: number): void {
  if (Math.floor(q.times[slot] as number) < q.base + WINDOW_MS) bucketInsert(q, slot)
  else heapInsert(q, slot)
}

/** Moves the window to start at `base` and brings the heap's events that are now inside it. */
function advance<E>(q: EventQueue<E>, base: number): void {
  q.base = base
  while (q.heapSize > 0 && Math.floor(q.times[q.heap[0] as number] as number) < base + WINDOW_MS) {
    bucketInsert(q, heapPop(q))
  }
}

function insert<E>(q: EventQueue<E>, atMs: number, seq: number, event: E): void {
  if (q.freeCount === 0) grow(q)
  const slot = q.free[--q.freeCount] as number
  q.times[slot] = atMs
  q.seqs[slot] = seq
  q.events[slot] = event
  place(q, slot)
}

export function schedule<E>(queue: EventQueue<E>, atMs: number, event: E): void {
  insert(queue, atMs, queue.nextSeq++, event)
}

/** The first non-empty bucket's millisecond (call only with bucketCount > 0). */
function firstBucketMs<E>(q: EventQueue<E>): number {
  let t = q.base
  while ((q.bucketHead[t & MASK] as number) === -1) t++
  return t
}

/** The earliest slot, bringing the window forward when the buckets are empty; -1 if none. */
function headSlot<E>(q: EventQueue<E>): number {
  if (q.bucketCount === 0) {
    if (q.heapSize === 0) return -1
    advance(q, Math.floor(q.times[q.heap[0] as number] as number))
  }
  const t = firstBucketMs(q)
  if (t > q.base) advance(q, t)
  return q.bucketHead[t & MASK] as number
}

export function peekTime<E>(queue: EventQueue<E>): number | null {
  const slot = headSlot(queue)
  return slot === -1 ? null : (queue.times[slot] as number)
}

/** Removes the earliest event and returns it (its time is what `peekTime` said), or null. */
export function pop<E>(queue: EventQueue<E>): E | null {
  const slot = headSlot(queue)
  if (slot === -1) return null
  const b = queue.base & MASK
  const after = queue.next[slot] as number
  queue.bucketHead[b] = after
  if (after === -1) queue.bucketTail[b] = -1
  queue.bucketCount--
  const event = queue.events[slot] as E
  queue.events[slot] = null
  queue.free[queue.freeCount++] = slot
  return event
}

/** Slots holding an event, in no particular order. */
function liveSlots<E>(queue: EventQueue<E>): number[] {
  const out: number[] = []
  for (let slot = 0; slot < queue.events.length; slot++)
    if (queue.events[slot] !== null) out.push(slot)
  return out
}

/** Every scheduled event with its time and sequence number, in no particular order. */
export function scheduledItems<E>(queue: EventQueue<E>): Scheduled<E>[] {
  return liveSlots(queue).map((slot) => ({
    atMs: queue.times[slot] as number,
    seq: queue.seqs[slot] as number,
    event: queue.events[slot] as E,
  }))
}

/** Replaces each scheduled event by `fn(event)`, keeping times and order. */
export function mapEvents<E>(queue: EventQueue<E>, fn: (event: E) => E): void {
  for (const slot of liveSlots(queue)) queue.events[slot] = fn(queue.events[slot] as E)
}

/** Replaces the queue's contents, keeping each item's original sequence number. */
export function rebuild<E>(queue: EventQueue<E>, items: Scheduled<E>[]): void {
  const fresh = createQueue<E>()
  fresh.nextSeq = queue.nextSeq
  // Start the window at the earliest item, so nothing lands before it.
  let earliest = Infinity
  for (const item of items) earliest = Math.min(earliest, Math.floor(item.atMs))
  fresh.base = earliest === Infinity ? queue.base : Math.min(queue.base, earliest)
  for (const item of items) insert(fresh, item.atMs, item.seq, item.event)
  Object.assign(queue, fresh)
}
