/**
 * What does not change while a scenario runs: topic names, partition keys and their indexes,
 * replica counts. Selectors run on every store update, so scanning 10,000 partitions each time
 * would cost milliseconds per update; this computes it once per loaded scenario.
 */
import type { AppState } from '../store/app-store'
import { partitionKey } from '../store/selectors'
import { AGGREGATE_ABOVE } from '../viz/scene'
import type { PartitionView } from '../engine/types'

export interface Structure {
  topics: string[]
  /** Kafka's own topics among them (__consumer_offsets). */
  internalTopics: Set<string>
  /** Replicas of the internal topics, which the topology leaves out unless asked. */
  internalReplicas: number
  keys: string[]
  indexByKey: Map<string, number>
  replicasByTopic: Map<string, number>
  totalReplicas: number
}

let cached: { generation: number; count: number; structure: Structure } | null = null

function build(partitions: readonly PartitionView[]): Structure {
  const topics: string[] = []
  const keys: string[] = []
  const indexByKey = new Map<string, number>()
  const replicasByTopic = new Map<string, number>()
  const internalTopics = new Set<string>()
  let totalReplicas = 0
  let internalReplicas = 0
  partitions.forEach((p, i) => {
    if (p.internal === true) {
      internalTopics.add(p.topic)
      internalReplicas += p.replicas.length
    }
    const key = partitionKey(p.topic, p.partition)
    keys.push(key)
    indexByKey.set(key, i)
    if (!replicasByTopic.has(p.topic)) topics.push(p.topic)
    replicasByTopic.set(p.topic, (replicasByTopic.get(p.topic) ?? 0) + p.replicas.length)
    totalReplicas += p.replicas.length
  })
  return {
    topics,
    internalTopics,
    internalReplicas,
    keys,
    indexByKey,
    replicasByTopic,
    totalReplicas,
  }
}

const EMPTY: Structure = build([])

export function structureOf(state: AppState): Structure {
  const partitions = state.snapshot?.partitions
  if (partitions === undefined) return EMPTY
  if (cached?.generation !== state.generation || cached.count !== partitions.length) {
    cached = {
      generation: state.generation,
      count: partitions.length,
      structure: build(partitions),
    }
  }
  return cached.structure
}

/** Whether the topology shows aggregated broker cards (too many replicas on screen). */
export function isAggregated(state: AppState): boolean {
  const structure = structureOf(state)
  const replicas =
    state.focusTopic === null
      ? structure.totalReplicas - (state.showInternal ? 0 : structure.internalReplicas)
      : (structure.replicasByTopic.get(state.focusTopic) ?? 0)
  return replicas > AGGREGATE_ABOVE
}

export function selectedPartitionView(state: AppState): PartitionView | undefined {
  if (state.selectedPartition === null) return undefined
  const index = structureOf(state).indexByKey.get(state.selectedPartition)
  return index === undefined ? undefined : state.snapshot?.partitions[index]
}
