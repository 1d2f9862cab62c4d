import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  clearHistogram,
  newHistogram,
  quantile,
  recordLatency,
  summarize,
} from './latency-histogram'

/** The ⌈q·n⌉-th smallest value, as a sorted array gives it. */
function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number
}

describe('latency histogram', () => {
  it('is null before the first sample', () => {
    expect(summarize(newHistogram())).toEqual({ p50: null, p99: null, p999: null, max: null })
  })

  it('is exact below 32 ms and keeps the exact maximum', () => {
    const h = newHistogram()
    for (let v = 0; v < 32; v++) recordLatency(h, v, 1)
    expect(quantile(h, 0.5)).toBe(15)
    recordLatency(h, 9_117, 1)
    expect(summarize(h).max).toBe(9_117)
    expect(quantile(h, 1)).toBe(9_117)
  })

  it('weights a batch by its records', () => {
    const h = newHistogram()
    recordLatency(h, 5, 99)
    recordLatency(h, 30_000, 1)
    expect(quantile(h, 0.99)).toBe(5)
    expect(quantile(h, 0.999)).toBe(30_000)
  })

  it('puts every quantile within 6.25 % above the true value, never below', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.5, 0.9, 0.99, 0.999, 1),
        (values, q) => {
          const h = newHistogram()
          for (const v of values) recordLatency(h, v, 1)
          const exact = exactQuantile(
            [...values].sort((a, b) => a - b),
            q,
          )
          const got = quantile(h, q) as number
          expect(got).toBeGreaterThanOrEqual(exact)
          expect(got).toBeLessThanOrEqual(Math.max(exact, Math.floor(exact * 1.0625)))
        },
      ),
    )
  })

  it('clears to empty', () => {
    const h = newHistogram()
    for (let v = 0; v < 1_000; v += 7) recordLatency(h, v * 13, 1)
    clearHistogram(h)
    expect(h).toEqual(newHistogram())
  })
})
