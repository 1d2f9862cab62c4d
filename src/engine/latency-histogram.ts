/**
 * A bounded-memory latency histogram (log-linear buckets, as HdrHistogram lays them out): exact
 * below 32 ms, then 16 buckets per power of two, so any quantile is within 1/16 (6.25 %) of the
 * true value and the maximum is exact. 464 counters cover up to 2^31 ms; plain arrays, so the
 * state stays structured-cloneable.
 */

const EXACT = 32
const SUB_BUCKETS = 16
/** log2(EXACT): values from 2^5 on go to the log-linear buckets. */
const FIRST_EXPONENT = 5
const BUCKETS = EXACT + (31 - FIRST_EXPONENT) * SUB_BUCKETS

export interface LatencyHistogram {
  counts: number[]
  total: number
  max: number
}

export function newHistogram(): LatencyHistogram {
  return { counts: new Array<number>(BUCKETS).fill(0), total: 0, max: 0 }
}

export function clearHistogram(h: LatencyHistogram): void {
  h.counts.fill(0)
  h.total = 0
  h.max = 0
}

function bucketOf(valueMs: number): number {
  const v = Math.max(0, Math.min(valueMs | 0, 0x7fffffff))
  if (v < EXACT) return v
  const exponent = 31 - Math.clz32(v)
  const sub = (v >>> (exponent - 4)) & (SUB_BUCKETS - 1)
  return EXACT + (exponent - FIRST_EXPONENT) * SUB_BUCKETS + sub
}

/** The largest value that falls in `bucket`. */
function bucketTop(bucket: number): number {
  if (bucket < EXACT) return bucket
  const exponent = FIRST_EXPONENT + Math.floor((bucket - EXACT) / SUB_BUCKETS)
  const sub = (bucket - EXACT) % SUB_BUCKETS
  const width = 1 << (exponent - 4)
  return (1 << exponent) + (sub + 1) * width - 1
}

/** Records `count` samples of `valueMs` (a batch's records share its latency). */
export function recordLatency(h: LatencyHistogram, valueMs: number, count: number): void {
  if (count <= 0) return
  const b = bucketOf(valueMs)
  h.counts[b] = (h.counts[b] as number) + count
  h.total += count
  if (valueMs > h.max) h.max = valueMs
}

/** p50, p99, p99.9 and the maximum. */
export function summarize(h: LatencyHistogram): {
  p50: number | null
  p99: number | null
  p999: number | null
  max: number | null
} {
  return {
    p50: quantile(h, 0.5),
    p99: quantile(h, 0.99),
    p999: quantile(h, 0.999),
    max: h.total === 0 ? null : h.max,
  }
}

/**
 * The value at quantile `q` (0…1): the top of the bucket holding the ⌈q·n⌉-th smallest sample,
 * never above the exact maximum. Null for an empty histogram.
 */
export function quantile(h: LatencyHistogram, q: number): number | null {
  if (h.total === 0) return null
  const rank = Math.max(1, Math.ceil(q * h.total))
  let seen = 0
  for (let i = 0; i < BUCKETS; i++) {
    seen += h.counts[i] as number
    if (seen >= rank) return Math.min(bucketTop(i), h.max)
  }
  return h.max
}
