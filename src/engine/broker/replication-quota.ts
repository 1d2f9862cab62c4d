/**
 * Replication throttles (KIP-73): `leader.replication.throttled.rate` and
 * `follower.replication.throttled.rate` (bytes/s per broker) apply only to the replicas that the
 * topic configs `leader.replication.throttled.replicas` / `follower.replication.throttled.replicas`
 * list ("partition:broker,…" or "*"); a rate without a list throttles nothing, as in Kafka
 * (ReplicationQuotaManager.isThrottled; TopicConfigHandler.parseThrottledPartitions keeps the
 * entries naming this broker).
 *
 * Kafka's rules (core/src/main/scala/kafka/server, 3.9):
 * - Both sides count the bytes of every throttled partition, in sync or not: the leader records
 *   `sizeOfThrottledPartitions` of each follower fetch response (KafkaApis.handleFetch), the
 *   follower the bytes it appends (ReplicaFetcherThread.processPartitionData).
 * - Only out-of-sync replicas are held back while the measured rate is above the quota: the
 *   leader leaves a throttled partition out of the response when the follower is not in the ISR
 *   (ReplicaManager.shouldLeaderThrottle); the follower leaves it out of its request when it is
 *   not caught up to the leader's high watermark (RemoteLeaderEndPoint.shouldFollowerThrottle).
 *   So live replication of a throttled partition eats the quota, and a rate below it starves
 *   catch-up entirely.
 *
 * _Engine: simplified._ Kafka measures the rate over `replication.quota.window.num` (11) samples
 * of `replication.quota.window.size.seconds` (1 s). Here each broker keeps a virtual clock per
 * side: bytes recorded push it ahead by bytes / rate, it never runs more than the 11 s window
 * ahead of now (older bytes leave the window), and the quota is exceeded while it is more than one
 * sample (1 s) ahead. Over a few seconds that moves the throttled replicas at the rate, in bursts
 * of at most one response (`replica.fetch.response.max.bytes`), as Kafka's does. The rates are
 * cluster-wide (Kafka's `--entity-default`); per-broker overrides are not modelled.
 */
import type { Ctx } from '../context'
import type { BrokerIndex, PartitionIndex, ReplicaSlot } from '../ids'
import type { Batch } from '../log'
import type { SimulationSpec } from '../spec'
import { batchBytesOf, producerRecordBytes } from '../capacity/workload'

/** One quota sample (replication.quota.window.size.seconds, default 1). */
export const QUOTA_SAMPLE_MS = 1000
/** The measured window: replication.quota.window.num (11) samples. */
export const QUOTA_WINDOW_MS = 11 * QUOTA_SAMPLE_MS

const LEADER = 1
const FOLLOWER = 2

export interface QuotaCtx {
  /** Bytes per second; Infinity when the broker config is not set. */
  leaderRate: number
  followerRate: number
  /** Per partition, per replica slot: LEADER and/or FOLLOWER bits; null when none is listed. */
  listed: (Uint8Array | null)[]
  /** Each producer's record size, to count a batch's bytes. */
  recordBytes: Float64Array
}

/** Per broker, the virtual clock of each side (engine state: checkpoints carry it). */
export interface QuotaRunState {
  leaderUntilMs: Float64Array
  followerUntilMs: Float64Array
}

/**
 * A throttled-replica list as Kafka reads it (ThrottledReplicaListValidator): "*" alone, or
 * comma-separated elements, each trimmed and either empty or "partition:broker" with no inner
 * spaces. Returns the pairs, 'all', or null when malformed.
 */
export function parseThrottledReplicas(value: string): 'all' | [number, number][] | null {
  if (value.trim() === '*') return 'all'
  const out: [number, number][] = []
  for (const element of value.split(',')) {
    const text = element.trim()
    if (text === '') continue
    const m = /^(\d+):(\d+)$/.exec(text)
    if (m === null) return null
    out.push([Number(m[1]), Number(m[2])])
  }
  return out
}

/** Whether a parsed list names the replica of `partition` on `broker`. */
export function listsReplica(
  pairs: 'all' | [number, number][],
  partition: number,
  broker: number,
): boolean {
  return pairs === 'all' || pairs.some(([p, b]) => p === partition && b === broker)
}

function rate(value: number | undefined): number {
  return value === undefined ? Infinity : value
}

export function buildQuotaCtx(spec: SimulationSpec): QuotaCtx | null {
  const config = spec.cluster.config
  const leaderRate = rate(config['leader.replication.throttled.rate'])
  const followerRate = rate(config['follower.replication.throttled.rate'])
  if (leaderRate === Infinity && followerRate === Infinity) return null
  const listed: (Uint8Array | null)[] = []
  let any = false
  for (const topic of spec.topics) {
    const sides: [number, string | undefined, number][] = [
      [LEADER, topic.config['leader.replication.throttled.replicas'], leaderRate],
      [FOLLOWER, topic.config['follower.replication.throttled.replicas'], followerRate],
    ]
    const flags: (Uint8Array | null)[] = topic.assignment.map(() => null)
    for (const [bit, value, sideRate] of sides) {
      if (value === undefined || sideRate === Infinity) continue
      const pairs = parseThrottledReplicas(value)
      if (pairs === null) continue
      topic.assignment.forEach((replicas, p) => {
        replicas.forEach((broker, slot) => {
          if (!listsReplica(pairs, p, broker)) return
          const f = (flags[p] ??= new Uint8Array(replicas.length))
          f[slot] = (f[slot] as number) | bit
          any = true
        })
      })
    }
    listed.push(...flags)
  }
  if (!any) return null
  return { leaderRate, followerRate, listed, recordBytes: producerRecordBytes(spec) }
}

export function createQuotaRunState(brokers: number): QuotaRunState {
  return { leaderUntilMs: new Float64Array(brokers), followerUntilMs: new Float64Array(brokers) }
}

/** Whether the replica in `slot` is listed on the leader side (bit 1) or follower side (bit 2). */
export function throttleFlags(q: QuotaCtx, p: PartitionIndex, slot: ReplicaSlot): number {
  return q.listed[p]?.[slot] ?? 0
}

export const LEADER_THROTTLED = LEADER
export const FOLLOWER_THROTTLED = FOLLOWER

/** The side's measured rate is above its quota (isQuotaExceeded). */
export function quotaExceeded(ctx: Ctx, clocks: Float64Array, b: BrokerIndex): boolean {
  return (clocks[b] as number) > ctx.s.nowMs + QUOTA_SAMPLE_MS
}

/** Records `bytes` against broker `b`'s side (ReplicationQuotaManager.record). */
export function chargeQuotaClock(
  ctx: Ctx,
  clocks: Float64Array,
  b: BrokerIndex,
  bytes: number,
  bytesPerSecond: number,
): void {
  const now = ctx.s.nowMs
  const ahead = Math.max(clocks[b] as number, now) + (bytes / bytesPerSecond) * 1000
  clocks[b] = Math.min(ahead, now + QUOTA_WINDOW_MS)
}

/** The bytes of a fetch entry's batches. */
export function entryBytes(q: QuotaCtx, batches: Batch[], count: number): number {
  let bytes = 0
  for (let k = 0; k < count; k++) {
    const batch = batches[k] as Batch
    bytes += batchBytesOf(q.recordBytes, batch.producer, batch.count)
  }
  return bytes
}
