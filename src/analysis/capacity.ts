/**
 * Capacity, statically: each broker's load and utilisation in the steady state and after a
 * failure moves leaderships (the model is `engine/capacity/model.ts`; docs/capacity.md).
 *
 * After a failure, a partition whose leader survives keeps it (Kafka elects only when the leader
 * is lost); one that lost its leader gets the first surviving in-sync replica in assignment order
 * (`PartitionChangeBuilder.electLeader` in KRaft, `offlinePartitionLeaderElection` in ZooKeeper
 * mode), an ELR member when no ISR member is left (KIP-966), or with unclean election enabled any
 * surviving replica. Followers on failed brokers fetch nothing; a topic's produce bytes spread over
 * its partitions that still have a leader.
 *
 * The matrix evaluates each failure incrementally, like the survivability counts: only the
 * partitions on the failed brokers change leader or followers, so a row costs those partitions
 * plus one pass over the brokers — except that a topic which loses a partition altogether has
 * its share recomputed for every partition.
 */
import type { BrokerCapacity, CapacityLimits, CapacityResource } from '../engine/capacity/model'
import {
  addPartitionLoad,
  brokerCapacity,
  capacityLimits,
  emptyLoads,
  utilisationOf,
} from '../engine/capacity/model'
import { topicWorkloads } from '../engine/capacity/workload'
import type { BrokerId, SimulationSpec } from '../engine/spec'
import type { BrokerIndex, PartitionTable } from './partition-table'
import {
  buildPartitionTable,
  IN_ELR,
  IN_ISR,
  indexBrokers,
  NO_INITIAL_LEADER,
  roundRatio,
} from './partition-table'
import type { FailureOutcome } from './survivability'

/** The traffic a layer of failures leaves: each partition's leader, each topic's online count. */
export interface CapacityLayer {
  leader: Int32Array
  online: Int32Array
  loads: Float64Array
}

/** The capacity figures of one matrix row. */
export interface RowCapacity {
  /** The busiest surviving broker's utilisation (a ratio; 1 is the limit). */
  peak: number
  /** Surviving brokers above 1. */
  overloaded: number
  /** The busiest surviving broker's id (-1 when none survives). */
  busiest: BrokerId
}

export interface CapacityEvaluator {
  limits: CapacityLimits
  baseline: CapacityLayer
  /** The figures with `failed` down on top of `parent` (whose failures must not include them). */
  row(parent: CapacityLayer, failed: BrokerId[]): RowCapacity
  /** Marks `failed` down until `release` and returns the layer. */
  layer(parent: CapacityLayer, failed: BrokerId[]): CapacityLayer
  release(failed: BrokerId[]): void
  /** Each surviving broker's figures in a layer or with `failed` on top of it (ids sorted). */
  brokers(parent: CapacityLayer, failed?: BrokerId[]): { id: BrokerId; capacity: BrokerCapacity }[]
}

// down[] values: a broker is up, down in the parent layer, or down in the row being evaluated.
const UP = 0
const DOWN_BEFORE = 1
const DOWN_NOW = 2

/**
 * Builds the evaluator, or null when the cluster names no broker type. `table` and `index` are
 * the survivability matrix's (built once for both).
 */
export function createCapacityEvaluator(
  spec: SimulationSpec,
  table: PartitionTable,
  index: BrokerIndex,
  limitsOverride?: CapacityLimits,
): CapacityEvaluator | null {
  const limits = limitsOverride ?? capacityLimits(spec.cluster)
  if (limits === null) return null
  const topics = spec.topics.length
  const workloads = topicWorkloads(spec)
  const produce = new Float64Array(topics)
  const fanout = new Float64Array(topics)
  spec.topics.forEach((topic, t) => {
    const w = workloads.get(topic.name)
    produce[t] = w?.produceMiBps ?? 0
    fanout[t] = w?.fanout ?? 0
  })
  const down = new Uint8Array(index.size)
  for (let b = index.ids.length; b < index.size; b++) down[b] = DOWN_BEFORE
  const followers = new Int32Array(Math.max(1, maxReplicas(table)))

  /** Partition p's leader when `current` is its leader before this failure. */
  const elect = (p: number, current: number): number => {
    if (current >= 0 && down[current] === UP) return current
    const end = table.start[p + 1]!
    let elr = -1
    let any = -1
    for (let s = table.start[p]!; s < end; s++) {
      const b = table.replica[s]!
      if (down[b] !== UP) continue
      const e = table.eligibility[s]
      if (e === IN_ISR) return b
      if (e === IN_ELR && elr < 0) elr = b
      if (any < 0) any = b
    }
    if (elr >= 0) return elr
    return table.unclean[p] === 1 ? any : -1
  }

  /** Adds (sign 1) or removes (-1) partition p's traffic with `leader`; `aliveBefore` selects
   * the parent layer's live set (brokers failed in this row still count as up). */
  const apply = (
    loads: Float64Array,
    p: number,
    leader: number,
    aliveBefore: boolean,
    rate: number,
    sign: number,
  ) => {
    if (leader < 0 || rate === 0) return
    let n = 0
    const end = table.start[p + 1]!
    for (let s = table.start[p]!; s < end; s++) {
      const b = table.replica[s]!
      if (b === leader) continue
      const state = down[b]
      if (state === UP || (aliveBefore && state === DOWN_NOW)) followers[n++] = b
    }
    addPartitionLoad(loads, leader, followers, n, rate, fanout[table.topicOf[p]!]!, sign)
  }

  const rateOf = (t: number, online: number) => (online > 0 ? produce[t]! / online : 0)

  const baseline: CapacityLayer = {
    leader: new Int32Array(table.count),
    online: new Int32Array(topics),
    loads: emptyLoads(index.size),
  }
  for (let p = 0; p < table.count; p++) {
    const initial = table.initialLeader[p]!
    const preferred = table.start[p + 1]! > table.start[p]! ? table.replica[table.start[p]!]! : -1
    const leader = elect(p, initial === NO_INITIAL_LEADER ? preferred : initial)
    baseline.leader[p] = leader
    if (leader >= 0) baseline.online[table.topicOf[p]!]!++
  }
  for (let p = 0; p < table.count; p++) {
    const t = table.topicOf[p]!
    apply(baseline.loads, p, baseline.leader[p]!, false, rateOf(t, baseline.online[t]!), 1)
  }

  const visited = new Int32Array(table.count)
  const rescaled = new Int32Array(topics)
  let stamp = 0
  const touched: number[] = []
  const newLeader = new Int32Array(table.count)

  /** Evaluates `failed` on top of `parent` into a fresh layer (down[] marks them DOWN_NOW). */
  const evaluate = (parent: CapacityLayer, failed: number[], keepLeaders: boolean) => {
    stamp++
    touched.length = 0
    for (const b of failed) down[b] = DOWN_NOW
    for (const b of failed) {
      const partitions = table.partitionsOfBroker[b]!
      for (let k = 0; k < partitions.length; k++) {
        const p = partitions[k]!
        if (visited[p] === stamp) continue
        visited[p] = stamp
        touched.push(p)
      }
    }
    const online = parent.online.slice()
    for (const p of touched) {
      const before = parent.leader[p]!
      const after = elect(p, before)
      newLeader[p] = after
      const t = table.topicOf[p]!
      online[t]! += Number(after >= 0) - Number(before >= 0)
    }
    const loads = parent.loads.slice()
    const leader = keepLeaders ? parent.leader.slice() : null
    for (const p of touched) {
      const t = table.topicOf[p]!
      if (online[t] !== parent.online[t]) {
        if (rescaled[t] !== stamp) {
          rescaled[t] = stamp
          const oldRate = rateOf(t, parent.online[t]!)
          const rate = rateOf(t, online[t]!)
          for (let q = table.topicStart[t]!; q < table.topicStart[t + 1]!; q++) {
            const after = visited[q] === stamp ? newLeader[q]! : parent.leader[q]!
            apply(loads, q, parent.leader[q]!, true, oldRate, -1)
            apply(loads, q, after, false, rate, 1)
          }
        }
      } else {
        const rate = rateOf(t, online[t]!)
        apply(loads, p, parent.leader[p]!, true, rate, -1)
        apply(loads, p, newLeader[p]!, false, rate, 1)
      }
      if (leader !== null) leader[p] = newLeader[p]!
    }
    return { loads, online, leader }
  }

  const indices = (ids: BrokerId[]) => ids.map((id) => index.indexOf.get(id)!)
  const finish = (failed: number[], state: number) => {
    for (const b of failed) down[b] = state
  }

  return {
    limits,
    baseline,
    row(parent, failedIds) {
      const failed = indices(failedIds)
      const { loads } = evaluate(parent, failed, false)
      let peak = 0
      let overloaded = 0
      let busiest = -1
      for (let b = 0; b < index.ids.length; b++) {
        if (down[b] !== UP) continue
        const u = utilisationOf(limits, loads, b)
        if (u > 1) overloaded++
        if (busiest < 0 || u > peak) {
          peak = u
          busiest = b
        }
      }
      finish(failed, UP)
      return { peak, overloaded, busiest: busiest < 0 ? -1 : index.ids[busiest]! }
    },
    layer(parent, failedIds) {
      const failed = indices(failedIds)
      const { loads, online, leader } = evaluate(parent, failed, true)
      finish(failed, DOWN_BEFORE)
      return { loads, online, leader: leader! }
    },
    release(failedIds) {
      finish(indices(failedIds), UP)
    },
    brokers(parent, failedIds = []) {
      const failed = indices(failedIds)
      const loads = failed.length === 0 ? parent.loads : evaluate(parent, failed, false).loads
      const out: { id: BrokerId; capacity: BrokerCapacity }[] = []
      for (let b = 0; b < index.ids.length; b++) {
        if (down[b] !== UP) continue
        out.push({ id: index.ids[b]!, capacity: brokerCapacity(limits, loads, b) })
      }
      finish(failed, UP)
      return out
    },
  }
}

function maxReplicas(table: PartitionTable): number {
  let max = 0
  for (let p = 0; p < table.count; p++) max = Math.max(max, table.start[p + 1]! - table.start[p]!)
  return max
}

/** One broker's figures in the `analyze` report (MiB/s, ratios; Kafka's metrics in bytes/s). */
export interface BrokerCapacityReport {
  id: BrokerId
  zone: string
  /** The largest of `ratios`: 1 is the broker's limit. */
  utilisation: number
  /** The resource behind `utilisation`. */
  bound: CapacityResource
  ratios: Partial<Record<CapacityResource, number>>
  /** The CPU (User + System) estimate as a fraction; AWS's rule keeps it under 0.6. */
  cpu: number | null
  metrics: {
    BytesInPerSec: number
    BytesOutPerSec: number
    ReplicationBytesInPerSec: number
    ReplicationBytesOutPerSec: number
    /** MSK's disk metric: retained bytes over the volume, in percent; null when not known. */
    KafkaDataLogsDiskUsed: number | null
  }
  /** Replicas on the broker (leaders and followers, internal topics included). */
  partitions: number
  leaders: number
}

export interface CapacityReport {
  brokerType: string
  family: CapacityLimits['family']
  limits: CapacityLimits
  /** Steady state: every broker up, preferred (or imported) leaders. */
  brokers: BrokerCapacityReport[]
  /**
   * The single-broker or single-zone failure whose busiest survivor is busiest, with every
   * survivor's figures after it (null when the cluster has no such failure).
   */
  worstFailure: { name: string; brokers: BrokerCapacityReport[] } | null
}

const MIB = 1048576

/** The capacity section of `analyze`, or null when the cluster names no broker type. */
export function capacityReport(
  spec: SimulationSpec,
  failures: readonly FailureOutcome[],
): CapacityReport | null {
  const index = indexBrokers(spec)
  const table = buildPartitionTable(spec, index)
  const e = createCapacityEvaluator(spec, table, index)
  if (e === null) return null
  const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  const diskBytesPerMiBps = diskFactors(spec, table, index)
  const report = (
    id: BrokerId,
    capacity: BrokerCapacity,
    layer: { leader: Int32Array },
    failed: ReadonlySet<BrokerId>,
  ): BrokerCapacityReport => {
    const b = index.indexOf.get(id)!
    let leaders = 0
    for (const p of table.partitionsOfBroker[b]!) if (layer.leader[p] === b) leaders++
    return {
      id,
      zone: zoneOf.get(id) ?? '',
      utilisation: roundRatio(capacity.utilisation),
      bound: capacity.bound,
      ratios: Object.fromEntries(
        Object.entries(capacity.ratios).map(([k, v]) => [k, roundRatio(v)]),
      ),
      cpu: capacity.cpu === null ? null : roundRatio(capacity.cpu),
      metrics: {
        BytesInPerSec: Math.round(capacity.bytesInMiBps * MIB),
        BytesOutPerSec: Math.round(capacity.bytesOutMiBps * MIB),
        ReplicationBytesInPerSec: Math.round(capacity.replicationInMiBps * MIB),
        ReplicationBytesOutPerSec: Math.round(capacity.replicationOutMiBps * MIB),
        KafkaDataLogsDiskUsed: failed.size > 0 ? null : diskUsed(e.limits, diskBytesPerMiBps[b]!),
      },
      partitions: table.partitionsOfBroker[b]!.length,
      leaders,
    }
  }
  const steady = e
    .brokers(e.baseline)
    .map(({ id, capacity }) => report(id, capacity, e.baseline, new Set()))
  let worst: FailureOutcome | null = null
  for (const f of failures) {
    if (f.kind !== 'broker' && f.kind !== 'zone') continue
    if (f.peakBrokerUtilisation === null) continue
    if (worst === null || f.peakBrokerUtilisation > worst.peakBrokerUtilisation!) worst = f
  }
  let worstFailure: CapacityReport['worstFailure'] = null
  if (worst !== null) {
    const layer = e.layer(e.baseline, worst.brokers)
    const failed = new Set(worst.brokers)
    const brokers = e.brokers(layer).map(({ id, capacity }) => report(id, capacity, layer, failed))
    e.release(worst.brokers)
    worstFailure = { name: worst.name, brokers }
  }
  return {
    brokerType: e.limits.brokerType,
    family: e.limits.family,
    limits: e.limits,
    brokers: steady,
    worstFailure,
  }
}

/**
 * Retained bytes per broker in the steady state: each replica keeps `retention.ms` of its
 * partition's bytes. NaN for a broker with a replica kept forever (retention.ms -1) that takes
 * traffic.
 */
function diskFactors(spec: SimulationSpec, table: PartitionTable, index: BrokerIndex): number[] {
  const workloads = topicWorkloads(spec)
  const retained = new Array<number>(index.size).fill(0)
  spec.topics.forEach((topic, t) => {
    const produce = workloads.get(topic.name)?.produceMiBps ?? 0
    const partitions = table.topicStart[t + 1]! - table.topicStart[t]!
    if (produce === 0 || partitions === 0) return
    const retentionMs = topic.config['retention.ms'] ?? DEFAULT_RETENTION_MS
    const bytes = retentionMs < 0 ? NaN : ((produce * MIB) / partitions) * (retentionMs / 1000)
    for (let p = table.topicStart[t]!; p < table.topicStart[t + 1]!; p++) {
      for (let s = table.start[p]!; s < table.start[p + 1]!; s++)
        retained[table.replica[s]!]! += bytes
    }
  })
  return retained
}

/** Kafka's default `retention.ms` (LogConfig): 7 days. */
export const DEFAULT_RETENTION_MS = 604800000

function diskUsed(limits: CapacityLimits, retainedBytes: number): number | null {
  if (limits.volumeGiB === null || Number.isNaN(retainedBytes)) return null
  return Math.round((retainedBytes / (limits.volumeGiB * 1024 * MIB)) * 1000) / 10
}
