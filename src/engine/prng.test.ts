/** Checks the seeded PRNG: reproducible from a seed, in range, and roughly uniform. */
import { describe, expect, it } from 'vitest'
import { chance, intInclusive, nextUint32, prngFromSeed, shuffled } from './prng'

describe('prng', () => {
  it('reproduces the same sequence from the same seed', () => {
    const a = prngFromSeed(42)
    const b = prngFromSeed(42)
    const xs = Array.from({ length: 100 }, () => nextUint32(a))
    const ys = Array.from({ length: 100 }, () => nextUint32(b))
    expect(xs).toEqual(ys)
    expect(new Set(xs).size).toBeGreaterThan(95)
  })

  it('differs between seeds', () => {
    expect(nextUint32(prngFromSeed(1))).not.toBe(nextUint32(prngFromSeed(2)))
  })

  it('keeps intInclusive within bounds and hits every value', () => {
    const s = prngFromSeed(7)
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) {
      const v = intInclusive(s, 3, 9)
      expect(v).toBeGreaterThanOrEqual(3)
      expect(v).toBeLessThanOrEqual(9)
      seen.add(v)
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9])
  })

  it('rejects an empty range', () => {
    expect(() => intInclusive(prngFromSeed(1), 5, 4)).toThrow(/bad range/)
  })

  it('chance follows its ratio within a few percent', () => {
    const s = prngFromSeed(3)
    let hits = 0
    for (let i = 0; i < 10000; i++) if (chance(s, { numerator: 1, denominator: 4 })) hits++
    expect(hits).toBeGreaterThan(2300)
    expect(hits).toBeLessThan(2700)
  })

  it('shuffles into a permutation and survives structuredClone', () => {
    const s = prngFromSeed(9)
    const clone = structuredClone(s)
    const xs = shuffled(s, [1, 2, 3, 4, 5, 6])
    expect([...xs].sort()).toEqual([1, 2, 3, 4, 5, 6])
    expect(shuffled(clone, [1, 2, 3, 4, 5, 6])).toEqual(xs)
  })
})
