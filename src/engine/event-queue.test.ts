/** Checks the event heap: pops in (atMs, seq) order, so same-time events keep scheduling order. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createQueue, pop, schedule } from './event-queue'

describe('event queue', () => {
  it('pops by time, then by scheduling order', () => {
    const q = createQueue<string>()
    schedule(q, 5, 'b')
    schedule(q, 1, 'a')
    schedule(q, 5, 'c')
    schedule(q, 3, 'x')
    const out: string[] = []
    for (let e = pop(q); e !== null; e = pop(q)) out.push(e)
    expect(out).toEqual(['a', 'x', 'b', 'c'])
  })

  it('matches a stable sort for any schedule', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const q = createQueue<number>()
        times.forEach((t, i) => schedule(q, t, i))
        const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i)
        const got: number[] = []
        for (let e = pop(q); e !== null; e = pop(q)) got.push(e)
        expect(got).toEqual(expected.map((x) => x.i))
      }),
    )
  })
})
