/**
 * The survivability matrix's flat view of a layout, shared with the capacity model: every
 * partition of every topic as typed arrays, and brokers as dense indexes.
 */
import type { BrokerId, SimulationSpec } from '../engine/spec'
import { uncleanElectionEnabled } from '../engine/spec'
import { rulesOf } from '../engine/versions'
import { leaderMinIsr, versionOf } from './version'

// Per-replica eligibility before the failure.
export const OUT_OF_SYNC = 0
export const IN_ISR = 1
/** In the ELR (KIP-966): clean-electable only when no ISR member is left. */
export const IN_ELR = 2
/** `initialLeader` of a partition without an imported state. */
export const NO_INITIAL_LEADER = -2

/** Flat, typed-array view of every partition of every topic. */
export interface PartitionTable {
  count: number
  /** Topic t's partitions are `topicStart[t] .. topicStart[t + 1] - 1`, in `spec.topics` order. */
  topicStart: Int32Array
  /** Each partition's topic index. */
  topicOf: Int32Array
  /**
   * The leader at t = 0 as a broker index: an imported state's leader (-1: it has none), else
   * NO_INITIAL_LEADER (the preferred leader, as the engine starts).
   */
  initialLeader: Int32Array
  /** Replica slots of partition p are `start[p] .. start[p + 1] - 1`. */
  start: Int32Array
  /** Broker index of each replica slot. */
  replica: Int32Array
  eligibility: Uint8Array
  minIsr: Int32Array
  unclean: Uint8Array
  /** For each broker index, the partitions with a replica on it. */
  partitionsOfBroker: Int32Array[]
}

export interface BrokerIndex {
  /** Broker ids of the cluster sorted by id; index i is broker index i. */
  ids: BrokerId[]
  indexOf: Map<BrokerId, number>
  /** Total indices, including brokers that appear in assignments but not in the cluster. */
  size: number
}

export function indexBrokers(spec: SimulationSpec): BrokerIndex {
  const ids = spec.cluster.brokers.map((b) => b.id).sort((a, b) => a - b)
  const indexOf = new Map<BrokerId, number>()
  ids.forEach((id, i) => indexOf.set(id, i))
  // Brokers named in an assignment but absent from the cluster get their own index; they are
  // treated as permanently down (see createEvaluator).
  let size = ids.length
  for (const topic of spec.topics) {
    for (const replicas of topic.assignment) {
      for (const r of replicas) if (!indexOf.has(r)) indexOf.set(r, size++)
    }
  }
  return { ids, indexOf, size }
}

/**
 * A `down` array over broker indices for `partitionOutcome`: 1 for the brokers in `failed` and
 * for brokers named in an assignment but absent from the cluster (down throughout), else 0.
 */
export function downArray(index: BrokerIndex, failed: readonly BrokerId[] = []): Uint8Array {
  const down = new Uint8Array(index.size)
  for (let b = index.ids.length; b < index.size; b++) down[b] = 1
  for (const id of failed) {
    const b = index.indexOf.get(id)
    if (b !== undefined) down[b] = 1
  }
  return down
}

export function buildPartitionTable(spec: SimulationSpec, index: BrokerIndex): PartitionTable {
  const { cluster } = spec
  const elrEnabled =
    cluster.controller === 'kraft' &&
    cluster.config['eligible.leader.replicas.enable'] &&
    rulesOf(versionOf(spec)).elrAvailable
  let count = 0
  let slots = 0
  for (const topic of spec.topics) {
    count += topic.partitions
    for (let p = 0; p < topic.partitions; p++) slots += uniqueReplicas(topic.assignment[p]).length
  }
  const start = new Int32Array(count + 1)
  const replica = new Int32Array(slots)
  const eligibility = new Uint8Array(slots)
  const minIsr = new Int32Array(count)
  const unclean = new Uint8Array(count)
  const topicStart = new Int32Array(spec.topics.length + 1)
  const topicOf = new Int32Array(count)
  const initialLeader = new Int32Array(count).fill(NO_INITIAL_LEADER)
  const perBroker: number[][] = Array.from({ length: index.size }, () => [])
  let p = 0
  let s = 0
  for (let t = 0; t < spec.topics.length; t++) {
    const topic = spec.topics[t]!
    const topicMinIsr = leaderMinIsr(spec, topic)
    const topicUnclean = uncleanElectionEnabled(topic, cluster.config) ? 1 : 0
    topicStart[t] = p
    for (let partition = 0; partition < topic.partitions; partition++, p++) {
      const replicas = uniqueReplicas(topic.assignment[partition])
      const initial = topic.initial?.[partition] ?? null
      topicOf[p] = t
      if (initial !== null) {
        initialLeader[p] = replicas.includes(initial.leader)
          ? index.indexOf.get(initial.leader)!
          : -1
      }
      const isr = initial === null ? null : new Set(initial.isr)
      const elr = initial !== null && elrEnabled ? new Set(initial.elr ?? []) : new Set<number>()
      start[p] = s
      minIsr[p] = topicMinIsr
      unclean[p] = topicUnclean
      for (const r of replicas) {
        const b = index.indexOf.get(r)!
        replica[s] = b
        if (isr === null || isr.has(r)) eligibility[s] = IN_ISR
        else eligibility[s] = elr.has(r) ? IN_ELR : OUT_OF_SYNC
        perBroker[b]!.push(p)
        s++
      }
    }
  }
  start[count] = s
  topicStart[spec.topics.length] = count
  const partitionsOfBroker = perBroker.map((list) => Int32Array.from(list))
  return {
    count,
    topicStart,
    topicOf,
    initialLeader,
    start,
    replica,
    eligibility,
    minIsr,
    unclean,
    partitionsOfBroker,
  }
}

function uniqueReplicas(replicas: number[] | undefined): number[] {
  return replicas === undefined ? [] : [...new Set(replicas)]
}

/** Ratios in reports keep 4 decimals, so JSON stays readable and stable across platforms. */
export function roundRatio(x: number): number {
  return Math.round(x * 10000) / 10000
}
