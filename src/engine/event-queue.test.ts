/** Checks the event queue: pops in (atMs, seq) order, so same-time events keep scheduling order. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  type EventQueue,
  argOf,
  createQueue,
  forEachScheduled,
  peekTime,
  popDue,
  popEvent,
  rebuild,
  schedule,
  scheduledItems,
  sentTimeOf,
  setClock,
} from './event-queue'

/** Pops every remaining event, in order, as its first argument (the tests' event id). */
function popAll(q: EventQueue): number[] {
  const out: number[] = []
  for (let e = popEvent(q); e !== null; e = popEvent(q)) out.push(e.a)
  return out
}

/** Test events: kind 1 with the id as first argument. */
function add(q: EventQueue, atMs: number, id: number): void {
  schedule(q, atMs, 1, id)
}

describe('event queue', () => {
  it('pops by time, then by scheduling order', () => {
    const q = createQueue()
    add(q, 5, 2)
    add(q, 1, 1)
    add(q, 5, 3)
    add(q, 3, 24)
    expect(popAll(q)).toEqual([1, 24, 2, 3])
  })

  it('matches a stable sort for any schedule', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const q = createQueue()
        times.forEach((t, i) => add(q, t, i))
        const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i)
        expect(popAll(q)).toEqual(expected.map((x) => x.i))
      }),
    )
  })

  // Interleaves scheduling (at a delay from "now", as the engine does) with pops, over near and
  // far times (inside and beyond the bucket window) and fractional ones, against a sorted list.
  it('matches a reference model under interleaved scheduling and popping', () => {
    const delay = fc.oneof(
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 600 }),
      fc.integer({ min: 3000, max: 20_000 }),
      fc.double({ min: 0, max: 50, noNaN: true }),
    )
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('schedule' as const),
        delay,
        count: fc.integer({ min: 1, max: 4 }),
      }),
      fc.record({ kind: fc.constant('pop' as const), count: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('idle' as const), ms: fc.integer({ min: 0, max: 10_000 }) }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 150 }), (ops) => {
        const q = createQueue()
        const model: { t: number; id: number }[] = []
        let now = 0
        let id = 0
        for (const o of ops) {
          if (o.kind === 'schedule') {
            for (let k = 0; k < o.count; k++) {
              add(q, now + o.delay, id)
              model.push({ t: now + o.delay, id })
              id++
            }
          } else if (o.kind === 'idle') {
            // The clock moves on without events (runUntil past the last one).
            if (model.every((m) => m.t >= now + o.ms)) now += o.ms
          } else {
            for (let k = 0; k < o.count; k++) {
              model.sort((a, b) => a.t - b.t || a.id - b.id)
              const want = model.shift()
              expect(peekTime(q)).toBe(want === undefined ? null : want.t)
              // Nothing is due before the earliest event's time.
              if (want !== undefined) expect(popDue(q, want.t - 0.25)).toBe(-1)
              expect(popEvent(q)?.a ?? null).toBe(want === undefined ? null : want.id)
              if (want !== undefined) now = want.t
            }
          }
        }
        model.sort((a, b) => a.t - b.t || a.id - b.id)
        expect(popAll(q)).toEqual(model.map((m) => m.id))
      }),
      { numRuns: 300 },
    )
  })

  it('keeps each event kind and its three arguments, negative ones too', () => {
    const q = createQueue()
    schedule(q, 7, 11, 3, -1, 2_000_000)
    schedule(q, 2, 20, 5)
    expect(popEvent(q)).toEqual({ kind: 20, a: 5, b: 0, c: 0 })
    expect(popEvent(q)).toEqual({ kind: 11, a: 3, b: -1, c: 2_000_000 })
    expect(popEvent(q)).toBeNull()
  })

  it('lists and rebuilds its events without changing their order', () => {
    const q = createQueue()
    add(q, 10, 1)
    add(q, 9000, 9)
    add(q, 10, 2)
    add(q, 2.5, 0)
    // A popped event is no longer listed.
    add(q, 1, 99)
    expect(popEvent(q)?.a).toBe(99)
    expect(
      scheduledItems(q)
        .map((i) => i.a)
        .sort((x, y) => x - y),
    ).toEqual([0, 1, 2, 9])
    rebuild(
      q,
      scheduledItems(q)
        .filter((i) => i.a !== 2)
        .map((i) => ({ ...i, a: i.a + 100 })),
    )
    expect(popAll(q)).toEqual([100, 101, 109])
    add(q, 20_000, 7)
    expect(popAll(q)).toEqual([7])
  })
  it('keeps the time each event was scheduled, through growth and a rebuild', () => {
    const q = createQueue()
    for (let i = 0; i < 200; i++) {
      setClock(q, i)
      schedule(q, i + 10_000 * (i % 3), 1, i)
    }
    const sent = new Map(scheduledItems(q).map((item) => [item.a, item.sentMs]))
    expect(sent.get(7)).toBe(7)
    expect(sent.get(199)).toBe(199)
    rebuild(q, scheduledItems(q))
    const slots: [number, number][] = []
    forEachScheduled(q, (slot) => slots.push([argOf(q, slot, 0), sentTimeOf(q, slot)]))
    expect(slots).toHaveLength(200)
    for (const [a, sentMs] of slots) expect(sentMs).toBe(a)
    // A rebuilt queue keeps its clock: what is scheduled next was sent at the same time.
    schedule(q, 50_000, 2, 999)
    expect(scheduledItems(q).find((item) => item.a === 999)?.sentMs).toBe(199)
  })
})
