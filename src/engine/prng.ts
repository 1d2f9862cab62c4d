/**
 * A small seeded PRNG with an integer API, after TigerBeetle's `stdx/prng.zig`: every random
 * choice in the engine comes from one explicit `Prng`, so a seed reproduces a run exactly.
 * The generator is sfc32 seeded through splitmix32; it uses only 32-bit integer operations, which
 * behave identically in every JavaScript engine. Its state is a plain array, so it survives
 * `structuredClone` (checkpoints) unchanged.
 */

/** A probability as an exact fraction, never a float. */
export interface Ratio {
  numerator: number
  denominator: number
}

export interface PrngState {
  s: [number, number, number, number]
}

function splitmix32(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (x + 0x9e3779b9) >>> 0
    let z = x
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** Creates the state for a seed; any integer seed is accepted (taken modulo 2^32). */
export function prngFromSeed(seed: number): PrngState {
  const next = splitmix32(seed)
  return { s: [next(), next(), next(), next()] }
}

/** Next unsigned 32-bit integer; advances the state in place. */
export function nextUint32(state: PrngState): number {
  const s = state.s
  const a = s[0]
  const b = s[1]
  const c = s[2]
  const d = s[3]
  const t = (((a + b) >>> 0) + d) >>> 0
  s[3] = (d + 1) >>> 0
  s[0] = (b ^ (b >>> 9)) >>> 0
  s[1] = (c + (c << 3)) >>> 0
  const rotated = ((c << 21) | (c >>> 11)) >>> 0
  s[2] = (rotated + t) >>> 0
  return t
}

/** A uniform integer in [min, max], both inclusive. Uses rejection sampling (no modulo bias). */
export function intInclusive(state: PrngState, min: number, max: number): number {
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
    throw new Error(`intInclusive: bad range [${min}, ${max}]`)
  }
  const span = max - min + 1
  if (span > 0x100000000) throw new Error('intInclusive: range wider than 2^32')
  if (span === 0x100000000) return min + nextUint32(state)
  const limit = 0x100000000 - (0x100000000 % span)
  for (;;) {
    const x = nextUint32(state)
    if (x < limit) return min + (x % span)
  }
}

/** Like Java's `Random.nextInt(n)`: a uniform integer in [0, n). */
export function nextInt(state: PrngState, bound: number): number {
  return intInclusive(state, 0, bound - 1)
}

/** True with probability `ratio`. */
export function chance(state: PrngState, ratio: Ratio): boolean {
  return intInclusive(state, 0, ratio.denominator - 1) < ratio.numerator
}

/** A uniformly chosen element. */
export function pick<T>(state: PrngState, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick: empty list')
  return items[nextInt(state, items.length)] as T
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(state: PrngState, items: readonly T[]): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = nextInt(state, i + 1)
    const tmp = out[i] as T
    out[i] = out[j] as T
    out[j] = tmp
  }
  return out
}
