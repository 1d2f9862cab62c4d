/** Checks the event queue: pops in (atMs, seq) order, so same-time events keep scheduling order. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  type EventQueue,
  createQueue,
  mapEvents,
  peekTime,
  pop,
  rebuild,
  schedule,
  scheduledItems,
} from './event-queue'

/** Pops every remaining event, in order. */
function popAll<E>(q: EventQueue<E>): E[] {
  const out: E[] = []
  for (let e = pop(q); e !== null; e = pop(q)) out.push(e)
  return out
}

describe('event queue', () => {
  it('pops by time, then by scheduling order', () => {
    const q = createQueue<string>()
    schedule(q, 5, 'b')
    schedule(q, 1, 'a')
    schedule(q, 5, 'c')
    schedule(q, 3, 'x')
    expect(popAll(q)).toEqual(['a', 'x', 'b', 'c'])
  })

  it('matches a stable sort for any schedule', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const q = createQueue<number>()
        times.forEach((t, i) => schedule(q, t, i))
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
        const q = createQueue<number>()
        const model: { t: number; id: number }[] = []
        let now = 0
        let id = 0
        for (const o of ops) {
          if (o.kind === 'schedule') {
            for (let k = 0; k < o.count; k++) {
              schedule(q, now + o.delay, id)
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
              expect(pop(q)).toBe(want === undefined ? null : want.id)
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

  it('lists, maps and rebuilds its events without changing their order', () => {
    const q = createQueue<string>()
    schedule(q, 10, 'a')
    schedule(q, 9000, 'far')
    schedule(q, 10, 'b')
    schedule(q, 2.5, 'frac')
    expect(
      scheduledItems(q)
        .map((i) => i.event)
        .sort(),
    ).toEqual(['a', 'b', 'far', 'frac'])
    mapEvents(q, (e) => e.toUpperCase())
    rebuild(
      q,
      scheduledItems(q).filter((i) => i.event !== 'B'),
    )
    expect(popAll(q)).toEqual(['FRAC', 'A', 'FAR'])
    schedule(q, 20_000, 'later')
    expect(pop(q)).toBe('later')
  })
})
