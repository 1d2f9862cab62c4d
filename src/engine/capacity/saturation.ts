/**
 * Capacity during a run (docs/capacity.md, "During a run"): with `cluster.brokerType` set, each
 * broker counts the bytes it moves (produce appends as leader, fetch responses at both ends,
 * consumer reads), smoothed over about 5 s, against the limits of `model.ts`: that is its
 * utilisation. Above 100% the excess queues:
 *
 * - each broker keeps a backlog, in ms of work, that grows by (utilisation − 1) × elapsed time
 *   and drains the same way below 100% (a fluid queue, sampled every second);
 * - a produce request waits the leader's backlog before the broker handles it (the request
 *   queue), so produce latency climbs and, past `request.timeout.ms`, requests time out;
 * - a follower's fetch response waits both brokers' backlogs, so under overload followers fall
 *   behind and leave the ISR after `replica.lag.time.max.ms`, as in real clusters;
 * - a response's bytes take time on the wire: a response carrying catch-up data (for a follower
 *   out of the ISR) moves at the spare throughput of the leader's network out and the follower's
 *   network in and volume, shared among the pairs catching up through them; others at the raw
 *   link rate. With `replica.fetch.response.max.bytes` (10 MiB) per response, in-sync partitions
 *   that share a pair with a catching-up one wait for its big responses: acks=all latency rises on
 *   them (MSK's volume-replacement note).
 *
 * Without a broker type none of this exists and runs are as before, byte for byte.
 */
import { brokerAt, type Ctx } from '../context'
import type { BrokerIndex } from '../ids'
import { serving } from '../network'
import { DEFAULT_RECORD_BYTES, type SimulationSpec } from '../spec'
import type { BrokerCapacityView, CapacityRunSummary, MetricsSample } from '../types'
import { batchBytesOf, producerRecordBytes, topicWorkloads } from './workload'
import {
  addPartitionLoad,
  brokerCapacity,
  BYTES_IN,
  BYTES_OUT,
  capacityLimits,
  emptyLoads,
  LOAD_FIELDS,
  REPLICATION_IN,
  REPLICATION_OUT,
  utilisationOf,
  type CapacityLimits,
} from './model'

const MIB = 1048576

/** Kafka's `replica.fetch.response.max.bytes` default (10 MiB): one fetch response's bytes. */
export const REPLICA_FETCH_RESPONSE_MAX_BYTES = 10 * MIB
/** Kafka's `replica.fetch.max.bytes` default (1 MiB): one partition's bytes in a response. */
export const REPLICA_FETCH_MAX_BYTES = MIB
/** The smoothing window of the measured byte rates (an exponential average, ~5 s). */
const RATE_WINDOW_MS = 5000
/** Catch-up never gets less than this share of a link, so a saturated broker still progresses. */
const MIN_CATCHUP_SHARE = 0.05

/** What a run needs to know of the capacity model, derived from the spec (not state). */
export interface CapacityCtx {
  limits: CapacityLimits
  /** Per producer index (Batch.producer): a record's bytes. */
  recordBytes: Float64Array
  /** Per topic index: its records' average bytes, weighted by its producers' rates. */
  topicRecordBytes: Float64Array
  /** The raw rate one response moves at, MiB/s (network, or Express egress, or volume). */
  linkMiBps: number
  /** Scratch: the bytes of the response being built, and its catch-up part. */
  responseBytes: number
  catchupBytes: number
}

/** Per broker figures of a run (state: checkpointed with the rest). */
export interface CapacityRunState {
  /** Which brokers were serving at the last sample. */
  online: Uint8Array
  /** MiB each broker moved this second, LOAD_FIELDS per broker (measured, catch-up included). */
  movedMiB: Float64Array
  /** Last second's measured MiB/s, LOAD_FIELDS per broker: what the utilisation is of. */
  movedRate: Float64Array
  /** Catch-up MiB moved this second, per broker: [as leader, as follower]. */
  catchupMiB: Float64Array
  /** Last second's catch-up MiB/s, per broker: [as leader, as follower]. */
  catchupRate: Float64Array
  /** Per pair index: the second in which it last carried catch-up data (+1; 0 never). */
  pairSecond: Int32Array
  /** Pairs carrying catch-up this second and last second, per broker: [as leader, as follower]. */
  pairsNow: Int32Array
  pairsLast: Int32Array
  second: number
  /** Last sample's utilisation (largest ratio, catch-up included) and backlog, per broker. */
  utilisation: Float64Array
  backlogMs: Float64Array
  /** Over the run, per broker. */
  peakUtilisation: Float64Array
  overloadedMs: Float64Array
  peakBacklogMs: Float64Array
}

export function buildCapacityCtx(spec: SimulationSpec): CapacityCtx | null {
  const limits = capacityLimits(spec.cluster)
  if (limits === null) return null
  const producers = spec.clients.flatMap((c) => (c.kind === 'producer' ? [c] : []))
  const recordBytes = producerRecordBytes(spec)
  const topicRecordBytes = Float64Array.from(spec.topics, (t) => {
    const own = producers.filter((c) => c.topic === t.name && c.recordsPerSecond > 0)
    const records = own.reduce((sum, c) => sum + c.recordsPerSecond, 0)
    if (records === 0) return DEFAULT_RECORD_BYTES
    const bytes = own.reduce(
      (sum, c) => sum + c.recordsPerSecond * (c.recordBytes ?? DEFAULT_RECORD_BYTES),
      0,
    )
    return bytes / records
  })
  const link = Math.min(
    limits.networkMiBps ?? limits.egressMiBps ?? Infinity,
    limits.volumeMiBps ?? Infinity,
  )
  return {
    limits,
    recordBytes,
    topicRecordBytes,
    linkMiBps: link,
    responseBytes: 0,
    catchupBytes: 0,
  }
}

/**
 * The run's capacity state. Its measured rates start at the steady state the workload offers
 * (the static model: preferred leaders, every replica in sync), so the first seconds show what
 * the cluster normally carries rather than a ramp from zero while the first batches are sent.
 */
export function createCapacityRunState(spec: SimulationSpec): CapacityRunState {
  const brokers = spec.cluster.brokers.length
  const run = newRunState(brokers)
  const index = new Map(spec.cluster.brokers.map((b, i) => [b.id, i]))
  const workloads = topicWorkloads(spec)
  const followers = new Int32Array(brokers)
  for (const topic of spec.topics) {
    const w = workloads.get(topic.name)
    if (w === undefined || w.produceMiBps === 0 || topic.partitions === 0) continue
    const rate = w.produceMiBps / topic.partitions
    topic.assignment.forEach((replicas, p) => {
      const initial = topic.initial?.[p]
      const leader = index.get(
        initial === undefined || initial === null ? replicas[0]! : initial.leader,
      )
      if (leader === undefined) return
      let n = 0
      for (const id of replicas) {
        const b = index.get(id)
        if (b !== undefined && b !== leader) followers[n++] = b
      }
      addPartitionLoad(run.movedRate, leader, followers, n, rate, w.fanout, 1)
    })
  }
  return run
}

function newRunState(brokers: number): CapacityRunState {
  return {
    online: new Uint8Array(brokers),
    movedMiB: emptyLoads(brokers),
    movedRate: emptyLoads(brokers),
    catchupMiB: new Float64Array(brokers * 2),
    catchupRate: new Float64Array(brokers * 2),
    pairSecond: new Int32Array(brokers * brokers),
    pairsNow: new Int32Array(brokers * 2),
    pairsLast: new Int32Array(brokers * 2),
    second: 0,
    utilisation: new Float64Array(brokers),
    backlogMs: new Float64Array(brokers),
    peakUtilisation: new Float64Array(brokers),
    overloadedMs: new Float64Array(brokers),
    peakBacklogMs: new Float64Array(brokers),
  }
}

/**
 * Once per metrics sample (`elapsedMs` since the last): notes which brokers serve, folds the
 * bytes moved since the last sample into the smoothed rates, turns the catch-up bytes into rates,
 * and moves each broker's backlog.
 */
export function sampleCapacity(ctx: Ctx, elapsedMs: number): void {
  const cap = ctx.capacity
  const run = ctx.s.capacity
  if (cap === null || run === null) return
  const n = ctx.s.brokers.length
  for (let b = 0; b < n; b++) run.online[b] = serving(brokerAt(ctx, b as BrokerIndex)) ? 1 : 0
  const seconds = elapsedMs / 1000
  // Smoothed over about RATE_WINDOW_MS: the engine's producers send one batch per tick to one
  // partition in turn, so a single second sees a broker's traffic in lumps a real sticky
  // partitioner (a batch.size at a time) would spread out.
  const alpha = Math.min(1, elapsedMs / RATE_WINDOW_MS)
  for (let k = 0; k < n * LOAD_FIELDS; k++) {
    const rate = seconds > 0 ? run.movedMiB[k]! / seconds : 0
    run.movedRate[k]! += alpha * (rate - run.movedRate[k]!)
    run.movedMiB[k] = 0
  }
  for (let k = 0; k < n * 2; k++) {
    run.catchupRate[k] = seconds > 0 ? run.catchupMiB[k]! / seconds : 0
    run.catchupMiB[k] = 0
    run.pairsLast[k] = run.pairsNow[k]!
    run.pairsNow[k] = 0
  }
  run.second++
  for (let b = 0; b < n; b++) {
    if (run.online[b] !== 1) {
      run.utilisation[b] = 0
      run.backlogMs[b] = 0
      continue
    }
    const u = utilisationOf(cap.limits, run.movedRate, b)
    run.utilisation[b] = u
    const backlog = Math.max(0, run.backlogMs[b]! + (u - 1) * elapsedMs)
    run.backlogMs[b] = backlog
    if (u > run.peakUtilisation[b]!) run.peakUtilisation[b] = u
    if (u > 1) run.overloadedMs[b]! += elapsedMs
    if (backlog > run.peakBacklogMs[b]!) run.peakBacklogMs[b] = backlog
  }
}

/** Broker `b` handled `bytes` of kind `field` (BYTES_IN, BYTES_OUT, REPLICATION_IN/OUT). */
export function noteBytes(ctx: Ctx, b: number, field: number, bytes: number): void {
  const run = ctx.s.capacity
  if (run === null) return
  run.movedMiB[b * LOAD_FIELDS + field]! += bytes / MIB
}

/** How long a request waits in broker `b`'s queue before it is handled, in whole ms. */
export function queueDelayMs(ctx: Ctx, b: BrokerIndex): number {
  const run = ctx.s.capacity
  if (run === null) return 0
  return Math.round(run.backlogMs[b]!)
}

/** A record batch's bytes (its producer's record size × its records). */
export function batchBytes(cap: CapacityCtx, producer: number, count: number): number {
  return batchBytesOf(cap.recordBytes, producer, count)
}

/**
 * The extra time a fetch response takes: both brokers' queues and its bytes on the wire
 * (`cap.responseBytes`, of which `cap.catchupBytes` are for out-of-sync followers).
 */
export function fetchResponseDelayMs(
  ctx: Ctx,
  cap: CapacityCtx,
  pairIndex: number,
  leader: BrokerIndex,
  follower: BrokerIndex,
): number {
  const run = ctx.s.capacity!
  const bytes = cap.responseBytes
  run.movedMiB[leader * LOAD_FIELDS + REPLICATION_OUT]! += bytes / MIB
  run.movedMiB[follower * LOAD_FIELDS + REPLICATION_IN]! += bytes / MIB
  let rate = cap.linkMiBps
  if (cap.catchupBytes > 0) {
    const catchupMiB = cap.catchupBytes / MIB
    run.catchupMiB[leader * 2]! += catchupMiB
    run.catchupMiB[follower * 2 + 1]! += catchupMiB
    if (run.pairSecond[pairIndex] !== run.second + 1) {
      run.pairSecond[pairIndex] = run.second + 1
      run.pairsNow[leader * 2]!++
      run.pairsNow[follower * 2 + 1]!++
    }
    rate = catchupRate(cap, run, leader, follower)
  }
  const transferMs = bytes > 0 ? (bytes / MIB / rate) * 1000 : 0
  return Math.round(run.backlogMs[leader]! + run.backlogMs[follower]! + transferMs)
}

/** The MiB/s a catch-up response moves at between `leader` and `follower`. */
function catchupRate(
  cap: CapacityCtx,
  run: CapacityRunState,
  leader: BrokerIndex,
  follower: BrokerIndex,
): number {
  const { limits } = cap
  const l = leader * LOAD_FIELDS
  const f = follower * LOAD_FIELDS
  const loads = run.movedRate
  const asLeader = Math.max(1, run.pairsLast[leader * 2]!, run.pairsNow[leader * 2]!)
  const asFollower = Math.max(1, run.pairsLast[follower * 2 + 1]!, run.pairsNow[follower * 2 + 1]!)
  let rate = Infinity
  // Express: AWS publishes no network figure, and its sustained figures count client traffic
  // only, so catch-up is bounded by the raw link rate (the egress figure) alone.
  const network = limits.networkMiBps
  if (network !== null) {
    // Spare beyond what the pair's brokers moved last second, their own catch-up left out.
    const outSpare =
      network - loads[l + BYTES_OUT]! - loads[l + REPLICATION_OUT]! + run.catchupRate[leader * 2]!
    const inSpare =
      network -
      loads[f + BYTES_IN]! -
      loads[f + REPLICATION_IN]! +
      run.catchupRate[follower * 2 + 1]!
    rate = Math.min(rate, floor(outSpare, network) / asLeader, floor(inSpare, network) / asFollower)
  }
  if (limits.volumeMiBps !== null) {
    const volSpare =
      limits.volumeMiBps -
      loads[f + BYTES_IN]! -
      loads[f + REPLICATION_IN]! +
      run.catchupRate[follower * 2 + 1]!
    rate = Math.min(rate, floor(volSpare, limits.volumeMiBps) / asFollower)
  }
  return rate === Infinity ? cap.linkMiBps : rate
}

function floor(spare: number, limit: number): number {
  return Math.max(spare, limit * MIN_CATCHUP_SHARE)
}

/** Broker index `b`'s figures now, for the snapshot (null without a broker type). */
export function brokerCapacityView(ctx: Ctx, b: number): BrokerCapacityView | null {
  const cap = ctx.capacity
  const run = ctx.s.capacity
  if (cap === null || run === null) return null
  const c = brokerCapacity(cap.limits, run.movedRate, b)
  return {
    utilisation: round4(c.utilisation),
    bound: c.bound,
    ratios: Object.fromEntries(Object.entries(c.ratios).map(([k, v]) => [k, round4(v)])),
    cpu: c.cpu === null ? null : round4(c.cpu),
    bytesInMiBps: round4(c.bytesInMiBps),
    bytesOutMiBps: round4(c.bytesOutMiBps),
    replicationInMiBps: round4(c.replicationInMiBps),
    replicationOutMiBps: round4(c.replicationOutMiBps),
    catchupInMiBps: round4(run.catchupRate[b * 2 + 1]!),
    catchupOutMiBps: round4(run.catchupRate[b * 2]!),
    queueMs: Math.round(run.backlogMs[b]!),
  }
}

/** The per-broker capacity figures of a metrics sample (undefined without a broker type). */
export function capacitySample(ctx: Ctx): MetricsSample['capacity'] {
  const run = ctx.s.capacity
  if (run === null) return undefined
  const sample: NonNullable<MetricsSample['capacity']> = {
    utilisation: {},
    queueMs: {},
    bytesInMiBps: {},
    bytesOutMiBps: {},
    replicationInMiBps: {},
    replicationOutMiBps: {},
  }
  ctx.s.brokers.forEach((broker, b) => {
    const key = String(broker.id)
    const at = b * LOAD_FIELDS
    sample.utilisation[key] = round4(run.utilisation[b]!)
    sample.queueMs[key] = Math.round(run.backlogMs[b]!)
    sample.bytesInMiBps[key] = round4(run.movedRate[at + BYTES_IN]!)
    sample.bytesOutMiBps[key] = round4(run.movedRate[at + BYTES_OUT]!)
    sample.replicationInMiBps[key] = round4(run.movedRate[at + REPLICATION_IN]!)
    sample.replicationOutMiBps[key] = round4(run.movedRate[at + REPLICATION_OUT]!)
  })
  return sample
}

/** The run report's capacity section: per broker, its worst over the run. */
export function capacityRunSummary(ctx: Ctx): CapacityRunSummary | undefined {
  const run = ctx.s.capacity
  const cap = ctx.capacity
  if (run === null || cap === null) return undefined
  return {
    brokerType: cap.limits.brokerType,
    brokers: ctx.s.brokers.map((broker, b) => ({
      id: broker.id,
      peakUtilisation: round4(run.peakUtilisation[b]!),
      overloadedMs: Math.round(run.overloadedMs[b]!),
      peakQueueMs: Math.round(run.peakBacklogMs[b]!),
    })),
  }
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000
}
