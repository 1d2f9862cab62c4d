/**
 * What java.util's hashing makes of keys Kafka prints or iterates: String.hashCode,
 * TopicPartition.hashCode and the iteration order of a HashMap (HashMap.hash spreads the high
 * bits; within a bucket, insertion order; trees of large buckets are not modelled).
 */

/** Java's String.hashCode (UTF-16 code units, 32-bit overflow). */
export function javaStringHash(text: string): number {
  let h = 0
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0
  return h
}

/**
 * The order a java.util.HashMap copied from a map of these keys iterates them in (HashMap.hash,
 * a table of tableSizeFor(size / 0.75 + 1) buckets; within a bucket, insertion order): how
 * Kafka prints a map of member ids. Returns indexes into `keys`.
 */
export function javaHashMapOrder(keys: readonly string[]): number[] {
  let table = 1
  while (table < Math.floor(keys.length / 0.75 + 1)) table *= 2
  const bucket = keys.map((k) => {
    const h = javaStringHash(k)
    return (h ^ (h >>> 16)) & (table - 1)
  })
  return keys
    .map((_, i) => i)
    .sort((a, b) => (bucket[a] as number) - (bucket[b] as number) || a - b)
}

/**
 * The iteration order of a java.util.HashMap filled by put() calls, from keys with these
 * hashCodes in put order: `new HashMap<>(initialCapacity)` has tableSizeFor(initialCapacity)
 * buckets (16 by default), doubled while the size passes 0.75 of them; keys go by bucket
 * (HashMap.hash), then in put order within one. Returns indexes into `hashes`.
 */
export function javaHashMapPutOrder(hashes: readonly number[], initialCapacity = 16): number[] {
  let table = 1
  while (table < initialCapacity) table *= 2
  while (hashes.length > table * 0.75) table *= 2
  const bucket = hashes.map((h) => (h ^ (h >>> 16)) & (table - 1))
  return hashes
    .map((_, i) => i)
    .sort((a, b) => (bucket[a] as number) - (bucket[b] as number) || a - b)
}

/** TopicPartition.hashCode: 31 * (31 + partition) + topic.hashCode(), in int arithmetic. */
export function topicPartitionHash(topic: string, partition: number): number {
  return (Math.imul(31, 31 + partition) + javaStringHash(topic)) | 0
}
