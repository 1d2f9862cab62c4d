/**
 * The analyses' view of the cluster's Kafka version: a spec without `cluster.kafkaVersion` means
 * 3.9, as in the engine (versions.ts), and the min ISR a leader uses follows the version.
 */
import type { SimulationSpec, TopicSpec } from '../engine/spec'
import { configuredMinIsr } from '../engine/spec'
import type { KafkaVersion } from '../engine/versions'
import { DEFAULT_KAFKA_VERSION, effectiveMinIsrFor, rulesOf } from '../engine/versions'

export function versionOf(spec: SimulationSpec): KafkaVersion {
  return spec.cluster.kafkaVersion ?? DEFAULT_KAFKA_VERSION
}

/**
 * min.insync.replicas as the leaders of the cluster's version use it: capped at the replication
 * factor from 3.7 (`Partition.effectiveMinIsr`), as configured before, where a value above RF
 * refuses every acks=all write.
 */
export function leaderMinIsr(spec: SimulationSpec, topic: TopicSpec): number {
  return effectiveMinIsrFor(
    rulesOf(versionOf(spec)),
    configuredMinIsr(topic, spec.cluster.config),
    topic.replicationFactor,
  )
}
