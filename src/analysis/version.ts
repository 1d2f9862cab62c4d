/**
 * The analyses' view of the cluster's Kafka version: a spec without `cluster.kafkaVersion` means
 * 3.9, as in the engine (versions.ts), and the min ISR a leader uses follows the version. The
 * editor's version picker reads its labels and summaries from here, so they follow the same rules.
 */
import type { SimulationSpec, TopicSpec } from '../engine/spec'
import { configuredMinIsr } from '../engine/spec'
import type { KafkaVersion } from '../engine/versions'
import {
  DEFAULT_KAFKA_VERSION,
  KAFKA_VERSIONS,
  NEWEST_MSK_KRAFT_VERSION,
  effectiveMinIsrFor,
  rulesOf,
} from '../engine/versions'

export { DEFAULT_KAFKA_VERSION, KAFKA_VERSIONS, NEWEST_MSK_KRAFT_VERSION }
export type { KafkaVersion }

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

/** A version as a picker names it: "4.1 (newest on Amazon MSK)", "3.9 (last with ZooKeeper)". */
export function versionLabel(version: KafkaVersion): string {
  if (version === NEWEST_MSK_KRAFT_VERSION) return `${version} (newest on Amazon MSK)`
  const next = KAFKA_VERSIONS[KAFKA_VERSIONS.indexOf(version) + 1]
  if (rulesOf(version).zookeeper && next !== undefined && !rulesOf(next).zookeeper) {
    return `${version} (last with ZooKeeper)`
  }
  return version
}

/**
 * What the engine does differently on a version, in a line: "KRaft only · min ISR capped at RF ·
 * high watermark held under min ISR · ELR on by default · linger.ms 5".
 */
export function versionSummary(version: KafkaVersion): string {
  const rules = rulesOf(version)
  const elr = rules.elrDefault
    ? 'ELR on by default'
    : rules.elrAvailable
      ? 'ELR off unless enabled'
      : 'no ELR'
  return [
    rules.zookeeper ? 'KRaft or ZooKeeper' : 'KRaft only',
    rules.minIsrCappedAtReplicationFactor
      ? 'min ISR capped at RF'
      : 'min ISR above RF refuses acks=all',
    rules.hwFreezeUnderMinIsr
      ? 'high watermark held under min ISR'
      : 'high watermark advances under min ISR',
    elr,
    `linger.ms ${rules.producerLingerMsDefault}`,
  ].join(' · ')
}

/**
 * The ELR setting after a change of version: a setting at the old version's default follows the
 * new version's default (on from 4.1); one the user chose stays.
 */
export function elrAfterVersionChange(
  enabled: boolean,
  from: KafkaVersion,
  to: KafkaVersion,
): boolean {
  const old = rulesOf(from).elrDefault
  return enabled === old ? rulesOf(to).elrDefault : enabled
}

/** The producer's linger.ms after a change of version, by the same rule (5 from 4.0, KIP-1030). */
export function lingerAfterVersionChange(
  lingerMs: number,
  from: KafkaVersion,
  to: KafkaVersion,
): number {
  const old = rulesOf(from).producerLingerMsDefault
  return lingerMs === old ? rulesOf(to).producerLingerMsDefault : lingerMs
}
