import { describe, expect, it } from 'vitest'
import { exponentialBackoff } from './client-network'
import { prngFromSeed } from './prng'

describe('exponentialBackoff (ExponentialBackoff with multiplier 2, jitter 0.2)', () => {
  it('doubles from the initial value and stays within 20 % jitter', () => {
    const prng = prngFromSeed(3)
    for (let attempts = 0; attempts < 5; attempts++) {
      const term = 50 * 2 ** attempts
      for (let i = 0; i < 50; i++) {
        const v = exponentialBackoff(prng, 50, 1_000, attempts)
        expect(v).toBeGreaterThanOrEqual(Math.floor(term * 0.8))
        expect(v).toBeLessThan(Math.ceil(term * 1.2))
      }
    }
  })

  it('never goes above the maximum, however many attempts failed', () => {
    const prng = prngFromSeed(4)
    const values = Array.from({ length: 200 }, () => exponentialBackoff(prng, 50, 1_000, 40))
    expect(Math.max(...values)).toBe(1_000)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(800)
  })

  it('is the constant initial value when the maximum is not above it (Kafka: expMax 0)', () => {
    const prng = prngFromSeed(5)
    expect(exponentialBackoff(prng, 100, 100, 7)).toBe(100)
    expect(exponentialBackoff(prng, 500, 100, 0)).toBe(100)
  })
})
