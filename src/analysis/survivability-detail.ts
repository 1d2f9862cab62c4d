/**
 * Behind the survivability matrix's counts: which partitions and topics a failure takes offline
 * or leaves unwritable (`failureDetail`, for one row's drill-down), and the per-topic roll-up of
 * every row (`topicRollup`: in how many cases of each failure class a topic loses availability,
 * and its worst case). Same rules as `survivabilityMatrix` (survivability.ts `partitionOutcome`:
 * Kafka's clean election and the acks=all min.insync.replicas check), over the same partition
 * table; the roll-up re-evaluates only the partitions each failure touches.
 */
import type { BrokerId, SimulationSpec } from '../engine/spec'
import { buildPartitionTable, downArray, indexBrokers, roundRatio } from './partition-table'
import { createCapacityEvaluator } from './capacity'
import { type BrokerCapacity, RESOURCE_LABELS } from '../engine/capacity/model'
import {
  type FailureKind,
  type FailureOutcome,
  OFFLINE,
  partitionOutcome,
  SINGLE_COPY,
  UNCLEAN_REQUIRED,
  UNWRITABLE,
} from './survivability'

/** One partition's outcome under a failure (only partitions with some outcome are listed). */
export interface PartitionOutcome {
  topic: string
  partition: number
  offline: boolean
  unwritable: boolean
  singleCopy: boolean
  uncleanRequired: boolean
}

export interface TopicOutcome {
  topic: string
  /** The topic's partitions, and how many of them have each outcome. */
  partitions: number
  offline: number
  unwritable: number
  singleCopy: number
  uncleanRequired: number
}

export interface FailureDetail {
  /** In topic order (as the scenario lists topics), then partition. */
  partitions: PartitionOutcome[]
  /** Only topics with some outcome, in the scenario's order. */
  topics: TopicOutcome[]
}

/**
 * The partitions and topics behind one matrix row: every partition that is offline, unwritable,
 * down to one copy or in need of an unclean election when `brokers` fail.
 *
 * @example
 * failureDetail(spec, [1, 4]).topics // [{ topic: 'orders', partitions: 12, unwritable: 4, … }]
 */
export function failureDetail(spec: SimulationSpec, brokers: readonly BrokerId[]): FailureDetail {
  const index = indexBrokers(spec)
  const table = buildPartitionTable(spec, index)
  const down = downArray(index, brokers)
  const partitions: PartitionOutcome[] = []
  const topics: TopicOutcome[] = []
  spec.topics.forEach((topic, t) => {
    const summary: TopicOutcome = {
      topic: topic.name,
      partitions: topic.partitions,
      offline: 0,
      unwritable: 0,
      singleCopy: 0,
      uncleanRequired: 0,
    }
    for (let p = table.topicStart[t]!; p < table.topicStart[t + 1]!; p++) {
      const outcome = partitionOutcome(table, p, down)
      if (outcome === 0) continue
      const entry: PartitionOutcome = {
        topic: topic.name,
        partition: p - table.topicStart[t]!,
        offline: (outcome & OFFLINE) !== 0,
        unwritable: (outcome & UNWRITABLE) !== 0,
        singleCopy: (outcome & SINGLE_COPY) !== 0,
        uncleanRequired: (outcome & UNCLEAN_REQUIRED) !== 0,
      }
      partitions.push(entry)
      if (entry.offline) summary.offline++
      if (entry.unwritable) summary.unwritable++
      if (entry.singleCopy) summary.singleCopy++
      if (entry.uncleanRequired) summary.uncleanRequired++
    }
    if (summary.offline + summary.unwritable + summary.singleCopy + summary.uncleanRequired > 0)
      topics.push(summary)
  })
  return { partitions, topics }
}

/** A topic's record over one failure class. */
export interface TopicClassRollup {
  cases: number
  /** Cases with some partition of the topic offline (no leader can be elected). */
  offlineCases: number
  /** Cases with some partition unwritable for acks=all (NOT_ENOUGH_REPLICAS). */
  unwritableCases: number
  /** Cases needing an unclean election on some partition. */
  uncleanCases: number
  /** The case with the most of the topic's partitions offline, then unwritable; null if none. */
  worst: { name: string; offline: number; unwritable: number } | null
}

export interface TopicRollup {
  topic: string
  partitions: number
  byKind: Record<FailureKind, TopicClassRollup>
}

function emptyClass(): TopicClassRollup {
  return { cases: 0, offlineCases: 0, unwritableCases: 0, uncleanCases: 0, worst: null }
}

/**
 * Per topic and failure class, over the matrix's rows (`failures` from `survivabilityMatrix`):
 * how many cases take some of its partitions offline or leave them unwritable, and its worst
 * case. Each row re-evaluates only the partitions on its failed brokers.
 *
 * @example
 * const [orders] = topicRollup(spec, survivabilityMatrix(spec).failures)
 * orders.byKind.zone // { cases: 3, offlineCases: 0, unwritableCases: 3, worst: { name: 'use1-az1', … } }
 */
export function topicRollup(
  spec: SimulationSpec,
  failures: readonly FailureOutcome[],
): TopicRollup[] {
  const index = indexBrokers(spec)
  const table = buildPartitionTable(spec, index)
  const topicCount = spec.topics.length
  const down = downArray(index)
  // With nothing failed: each partition's outcome, and per topic the offline/unwritable/unclean counts.
  const baseline = new Uint8Array(table.count)
  const base = {
    offline: new Int32Array(topicCount),
    unwritable: new Int32Array(topicCount),
    unclean: new Int32Array(topicCount),
  }
  for (let p = 0; p < table.count; p++) {
    const outcome = partitionOutcome(table, p, down)
    baseline[p] = outcome
    const t = table.topicOf[p]!
    if (outcome & OFFLINE) base.offline[t]!++
    if (outcome & UNWRITABLE) base.unwritable[t]!++
    if (outcome & UNCLEAN_REQUIRED) base.unclean[t]!++
  }
  const rollups: TopicRollup[] = spec.topics.map((topic) => ({
    topic: topic.name,
    partitions: topic.partitions,
    byKind: {
      broker: emptyClass(),
      zone: emptyClass(),
      brokers: emptyClass(),
      'zone+broker': emptyClass(),
    },
  }))
  const visited = new Int32Array(table.count)
  const offline = new Int32Array(topicCount)
  const unwritable = new Int32Array(topicCount)
  const unclean = new Int32Array(topicCount)
  let stamp = 0
  for (const failure of failures) {
    stamp++
    offline.set(base.offline)
    unwritable.set(base.unwritable)
    unclean.set(base.unclean)
    const failed = failure.brokers.map((id) => index.indexOf.get(id)).filter((b) => b !== undefined)
    for (const b of failed) down[b] = 1
    for (const b of failed) {
      const partitions = table.partitionsOfBroker[b]!
      for (let k = 0; k < partitions.length; k++) {
        const p = partitions[k]!
        if (visited[p] === stamp) continue
        visited[p] = stamp
        const before = baseline[p]!
        const after = partitionOutcome(table, p, down)
        if (after === before) continue
        const t = table.topicOf[p]!
        offline[t]! += ((after & OFFLINE) !== 0 ? 1 : 0) - ((before & OFFLINE) !== 0 ? 1 : 0)
        unwritable[t]! +=
          ((after & UNWRITABLE) !== 0 ? 1 : 0) - ((before & UNWRITABLE) !== 0 ? 1 : 0)
        unclean[t]! +=
          ((after & UNCLEAN_REQUIRED) !== 0 ? 1 : 0) - ((before & UNCLEAN_REQUIRED) !== 0 ? 1 : 0)
      }
    }
    for (const b of failed) down[b] = 0
    for (let t = 0; t < topicCount; t++) {
      const entry = rollups[t]!.byKind[failure.kind]
      entry.cases++
      const off = offline[t]!
      const unw = unwritable[t]!
      if (off > 0) entry.offlineCases++
      if (unw > 0) entry.unwritableCases++
      if (unclean[t]! > 0) entry.uncleanCases++
      if (off + unw === 0) continue
      const worst = entry.worst
      if (
        worst === null ||
        off > worst.offline ||
        (off === worst.offline && unw > worst.unwritable)
      )
        entry.worst = { name: failure.name, offline: off, unwritable: unw }
    }
  }
  return rollups
}

/** A surviving broker's load after a failure (analysis/capacity.ts). */
export interface SurvivorLoad {
  id: BrokerId
  zone: string
  /** Its largest load-to-limit ratio (1 is its limit). */
  utilisation: number
  bound: BrokerCapacity['bound']
  /** The bound resource in words ("network out"). */
  boundLabel: string
}

/**
 * The survivors' loads after `brokers` fail, busiest first, by the capacity model behind the
 * matrix's "Busiest survivor" column; null without a broker type.
 *
 * @example
 * survivorLoads(spec, [1, 4])?.[0] // { id: 2, zone: 'use1-az2', utilisation: 1.04, bound: 'networkOut' }
 */
export function survivorLoads(
  spec: SimulationSpec,
  brokers: readonly BrokerId[],
): SurvivorLoad[] | null {
  const index = indexBrokers(spec)
  const table = buildPartitionTable(spec, index)
  const e = createCapacityEvaluator(spec, table, index)
  if (e === null) return null
  const failed = brokers.filter((id) => index.indexOf.has(id))
  const layer = e.layer(e.baseline, failed)
  const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  const loads = e.brokers(layer).map(({ id, capacity }) => ({
    id,
    zone: zoneOf.get(id) ?? '',
    utilisation: roundRatio(capacity.utilisation),
    bound: capacity.bound,
    boundLabel: RESOURCE_LABELS[capacity.bound],
  }))
  e.release(failed)
  return loads.sort((a, b) => b.utilisation - a.utilisation || a.id - b.id)
}
