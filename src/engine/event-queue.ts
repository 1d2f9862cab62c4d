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
 * milliseconds, so scheduling and popping are O(1).
 *
 * An event is a kind (a small integer) and up to three integer arguments, kept in typed arrays
 * too: scheduling allocates nothing, and the garbage collector never sees the 1.5 million events
 * of a large run. Everything is typed arrays and numbers, so the queue survives `structuredClone`
 * for checkpoints.
 *
 * Each slot also keeps the time its event was scheduled (`sent`): for a message between nodes
 * (a fetch, a produce request, a response) that is its send time, so the dashboard can draw it
 * on its way (traffic.ts), interpolated between send and delivery as RaftScope draws its messages.
 * The queue learns the time from the engine's clock (`clockMs`, set by `setClock` as the
 * simulation advances): one number stored per event scheduled, read by nothing on the hot path.
 * Deriving the send time from the link latency instead would not be exact: a request's delivery
 * also carries the broker's queue delay, a slow follower's fetch delay and backoffs.
 */

/** One scheduled event, decoded (for listing and rebuilding the queue, not the hot path). */
export interface QueuedEvent {
  kind: number
  a: number
  b: number
  c: number
}

export interface Scheduled extends QueuedEvent {
  atMs: number
  seq: number
  /** When it was scheduled (for a message, its send time); absent: the queue's clock. */
  sentMs?: number
}

const WINDOW_MS = 4096
const MASK = WINDOW_MS - 1
const INITIAL_CAPACITY = 64

export interface EventQueue {
  /**
   * Per slot: time, sequence number, time scheduled, kind, three arguments and the next slot in
   * its bucket.
   */
  times: Float64Array
  seqs: Float64Array
  sent: Float64Array
  kinds: Uint8Array
  args: Int32Array
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
  /** The engine's clock as last set (`setClock`): the scheduling time of what is scheduled now. */
  clockMs: number
}

export function createQueue(): EventQueue {
  const free = new Int32Array(INITIAL_CAPACITY)
  for (let i = 0; i < INITIAL_CAPACITY; i++) free[i] = INITIAL_CAPACITY - 1 - i
  return {
    times: new Float64Array(INITIAL_CAPACITY),
    seqs: new Float64Array(INITIAL_CAPACITY),
    sent: new Float64Array(INITIAL_CAPACITY),
    kinds: new Uint8Array(INITIAL_CAPACITY),
    args: new Int32Array(3 * INITIAL_CAPACITY),
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
    clockMs: 0,
  }
}

/** Doubles every per-slot array; the new slots go on the free stack. */
function grow(q: EventQueue): void {
  const old = q.times.length
  const cap = old * 2
  const times = new Float64Array(cap)
  times.set(q.times)
  const seqs = new Float64Array(cap)
  seqs.set(q.seqs)
  const sent = new Float64Array(cap)
  sent.set(q.sent)
  const kinds = new Uint8Array(cap)
  kinds.set(q.kinds)
  const args = new Int32Array(3 * cap)
  args.set(q.args)
  const next = new Int32Array(cap).fill(-1)
  next.set(q.next)
  const heap = new Int32Array(cap)
  heap.set(q.heap)
  const free = new Int32Array(cap)
  free.set(q.free.subarray(0, q.freeCount))
  let n = q.freeCount
  for (let s = cap - 1; s >= old; s--) free[n++] = s
  q.times = times
  q.seqs = seqs
  q.sent = sent
  q.kinds = kinds
  q.args = args
  q.next = next
  q.heap = heap
  q.free = free
  q.freeCount = n
}

function before(q: EventQueue, a: number, b: number): boolean {
  const ta = q.times[a] as number
  const tb = q.times[b] as number
  return ta < tb || (ta === tb && (q.seqs[a] as number) < (q.seqs[b] as number))
}

/** Links a slot into its bucket, keeping the bucket in (atMs, seq) order. */
function bucketInsert(q: EventQueue, slot: number): void {
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

function heapInsert(q: EventQueue, slot: number): void {
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

function heapPop(q: EventQueue): number {
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

function place(q: EventQueue, slot: number): void {
  if (Math.floor(q.times[slot] as number) < q.base + WINDOW_MS) bucketInsert(q, slot)
  else heapInsert(q, slot)
}

/** Moves the window to start at `base` and brings the heap's events that are now inside it. */
function advance(q: EventQueue, base: number): void {
  q.base = base
  while (q.heapSize > 0 && Math.floor(q.times[q.heap[0] as number] as number) < base + WINDOW_MS) {
    bucketInsert(q, heapPop(q))
  }
}

function insert(
  q: EventQueue,
  atMs: number,
  seq: number,
  kind: number,
  a: number,
  b: number,
  c: number,
  sentMs: number,
): void {
  if (q.freeCount === 0) grow(q)
  const slot = q.free[--q.freeCount] as number
  q.times[slot] = atMs
  q.seqs[slot] = seq
  q.sent[slot] = sentMs
  q.kinds[slot] = kind
  q.args[3 * slot] = a
  q.args[3 * slot + 1] = b
  q.args[3 * slot + 2] = c
  place(q, slot)
}

/** Schedules event `kind` (0–254) with integer arguments `a`, `b`, `c` at `atMs`. */
export function schedule(queue: EventQueue, atMs: number, kind: number, a = 0, b = 0, c = 0): void {
  insert(queue, atMs, queue.nextSeq++, kind, a, b, c, queue.clockMs)
}

/**
 * The engine's clock moved to `nowMs`: what is scheduled from now on was scheduled at `nowMs`
 * (its `sentTimeOf`). The simulation calls it wherever its own clock advances.
 */
export function setClock(queue: EventQueue, nowMs: number): void {
  queue.clockMs = nowMs
}

/** The first non-empty bucket's millisecond (call only with bucketCount > 0). */
function firstBucketMs(q: EventQueue): number {
  let t = q.base
  while ((q.bucketHead[t & MASK] as number) === -1) t++
  return t
}

/** The earliest slot, bringing the window forward when the buckets are empty; -1 if none. */
function headSlot(q: EventQueue): number {
  if (q.bucketCount === 0) {
    if (q.heapSize === 0) return -1
    advance(q, Math.floor(q.times[q.heap[0] as number] as number))
  }
  const t = firstBucketMs(q)
  if (t > q.base) advance(q, t)
  return q.bucketHead[t & MASK] as number
}

export function peekTime(queue: EventQueue): number | null {
  const slot = headSlot(queue)
  return slot === -1 ? null : (queue.times[slot] as number)
}

/**
 * Removes the earliest event and returns its slot (its time is what `peekTime` said), or -1.
 * Read the event with `kindOf` and `argOf` before scheduling anything: the slot is free again.
 */
export function pop(queue: EventQueue): number {
  return popDue(queue, Infinity)
}

/**
 * Removes the earliest event if it is due at or before `limitMs` and returns its slot, or -1
 * (one look at the head instead of `peekTime` then `pop`). Its time is `timeOf(slot)`.
 */
export function popDue(queue: EventQueue, limitMs: number): number {
  const slot = headSlot(queue)
  if (slot === -1 || (queue.times[slot] as number) > limitMs) return -1
  const b = queue.base & MASK
  const after = queue.next[slot] as number
  queue.bucketHead[b] = after
  if (after === -1) queue.bucketTail[b] = -1
  queue.bucketCount--
  queue.free[queue.freeCount++] = slot
  return slot
}

/** The time of the event in `slot` (just popped). */
export function timeOf(queue: EventQueue, slot: number): number {
  return queue.times[slot] as number
}

/** When the event in `slot` was scheduled (for a message: its send time). */
export function sentTimeOf(queue: EventQueue, slot: number): number {
  return queue.sent[slot] as number
}

/**
 * Calls `visit` with every scheduled slot (not free), in slot order: a read-only walk for views
 * such as traffic.ts, which read each slot with `kindOf`, `argOf`, `timeOf` and `sentTimeOf`.
 */
export function forEachScheduled(queue: EventQueue, visit: (slot: number) => void): void {
  const free = new Uint8Array(queue.kinds.length)
  for (let i = 0; i < queue.freeCount; i++) free[queue.free[i] as number] = 1
  for (let slot = 0; slot < queue.kinds.length; slot++) if (free[slot] === 0) visit(slot)
}

/** The kind of the event in `slot` (just popped). */
export function kindOf(queue: EventQueue, slot: number): number {
  return queue.kinds[slot] as number
}

/** Argument `i` (0, 1 or 2) of the event in `slot` (just popped). */
export function argOf(queue: EventQueue, slot: number, i: number): number {
  return queue.args[3 * slot + i] as number
}

/** Pops the earliest event, decoded (tests and tools; the engine's loop reads the slot). */
export function popEvent(queue: EventQueue): QueuedEvent | null {
  const slot = pop(queue)
  if (slot === -1) return null
  return {
    kind: kindOf(queue, slot),
    a: argOf(queue, slot, 0),
    b: argOf(queue, slot, 1),
    c: argOf(queue, slot, 2),
  }
}

/** Every scheduled event with its time and sequence number, in no particular order. */
export function scheduledItems(queue: EventQueue): Scheduled[] {
  const out: Scheduled[] = []
  forEachScheduled(queue, (slot) => {
    out.push({
      atMs: queue.times[slot] as number,
      seq: queue.seqs[slot] as number,
      sentMs: sentTimeOf(queue, slot),
      kind: queue.kinds[slot] as number,
      a: argOf(queue, slot, 0),
      b: argOf(queue, slot, 1),
      c: argOf(queue, slot, 2),
    })
  })
  return out
}

/** Replaces the queue's contents, keeping each item's original sequence number and send time. */
export function rebuild(queue: EventQueue, items: Scheduled[]): void {
  const fresh = createQueue()
  fresh.nextSeq = queue.nextSeq
  fresh.clockMs = queue.clockMs
  // Start the window at the earliest item, so nothing lands before it.
  let earliest = Infinity
  for (const item of items) earliest = Math.min(earliest, Math.floor(item.atMs))
  fresh.base = earliest === Infinity ? queue.base : Math.min(queue.base, earliest)
  // In (atMs, seq) order, so every insert appends to its bucket (out-of-order inserts walk it).
  const ordered = items.slice().sort((x, y) => x.atMs - y.atMs || x.seq - y.seq)
  for (const item of ordered)
    insert(
      fresh,
      item.atMs,
      item.seq,
      item.kind,
      item.a,
      item.b,
      item.c,
      item.sentMs ?? fresh.clockMs,
    )
  Object.assign(queue, fresh)
}
