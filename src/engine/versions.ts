/**
 * The Kafka versions the engine models, and what changes between them. Each rule below names the
 * Kafka change behind it; docs/engine.md "Kafka versions" has the same table for readers.
 *
 * A version is major.minor: patch releases do not change the rules modelled here. A scenario
 * without `cluster.kafkaVersion` means {@link DEFAULT_KAFKA_VERSION}, the version the engine
 * modelled before versions were a choice, so older files replay byte for byte.
 */

export const KAFKA_VERSIONS = ['3.6', '3.7', '3.8', '3.9', '4.0', '4.1'] as const
export type KafkaVersion = (typeof KAFKA_VERSIONS)[number]

/** What a scenario without `kafkaVersion` means. */
export const DEFAULT_KAFKA_VERSION: KafkaVersion = '3.9'

/**
 * The newest version Amazon MSK offers for new KRaft clusters ("4.1.x.kraft"; AWS CDK's
 * `KafkaVersion.V4_1_X_KRAFT`, MSK "Supported Apache Kafka versions"). The editor writes it into
 * every new scenario.
 */
export const NEWEST_MSK_KRAFT_VERSION: KafkaVersion = '4.1'

/** The version's position in {@link KAFKA_VERSIONS}, for "from x.y" comparisons. */
function rank(version: KafkaVersion): number {
  return KAFKA_VERSIONS.indexOf(version)
}

export function atLeast(version: KafkaVersion, from: KafkaVersion): boolean {
  return rank(version) >= rank(from)
}

/**
 * "3.7", "3.7.1", "3.7.x", "3.7.x.kraft" (MSK's version strings), "4.1.0" → the major.minor the
 * engine models, or undefined when the text names no supported version.
 */
export function normalizeKafkaVersion(text: string): KafkaVersion | undefined {
  const match = /^(\d+)\.(\d+)(?:\.(?:\d+|x))?(?:\.\d+)?(?:\.kraft|-tiered)?$/.exec(text.trim())
  if (match === null) return undefined
  const majorMinor = `${Number(match[1])}.${Number(match[2])}`
  return (KAFKA_VERSIONS as readonly string[]).includes(majorMinor)
    ? (majorMinor as KafkaVersion)
    : undefined
}

/** The rules that differ between versions. Broker-side rules follow a broker's software version. */
export interface VersionRules {
  version: KafkaVersion
  /** ZooKeeper mode exists (removed in 4.0, KIP-833). */
  zookeeper: boolean
  /**
   * The leader does not advance the high watermark while its ISR is below min.insync.replicas
   * (KAFKA-15583, 3.7: `Partition.maybeIncrementLeaderHW` returns early when `isUnderMinIsr`).
   */
  hwFreezeUnderMinIsr: boolean
  /**
   * min.insync.replicas is capped at the replication factor (3.7, `Partition.effectiveMinIsr`:
   * `minInSyncReplicas.min(remoteReplicasMap.size + 1)`). Before, `leaderLog.config.minInSyncReplicas`
   * was used as it is, so min.insync.replicas > RF refused every acks=all write.
   */
  minIsrCappedAtReplicationFactor: boolean
  /**
   * `eligible.leader.replicas.enable` may be set. 3.9 accepts it as the engine did before versions
   * (in Kafka 3.9 it needs the unreleased metadata version 4.0-IV0, MetadataVersion.isElrSupported);
   * 4.0 has ELR as a preview feature (KIP-966).
   */
  elrAvailable: boolean
  /** ELR is on unless configured off (4.1: `eligible.leader.replicas.version` 1 for new clusters). */
  elrDefault: boolean
  /**
   * An election from the ELR is clean (KAFKA-18940, 4.0: `PartitionRegistration.electionWasClean`
   * counts ELR members); before, it marked UncleanLeaderElectionsPerSec.
   */
  elrElectionIsClean: boolean
  /**
   * With ELR on, a broker registering with a new incarnation is removed from every ISR and ELR
   * (`ClusterControlManager.registerBroker` → `handleBrokerUncleanShutdown`, KAFKA-15586). When
   * true, a broker that shut down cleanly is recognised by its previous broker epoch and keeps its
   * ELR membership (KAFKA-18635; merged to trunk in February 2025, after the 4.0 branch, so
   * modelled from 4.1).
   */
  cleanShutdownDetection: boolean
  /** The producer's `linger.ms` default (KIP-1030, 4.0: 0 → 5). */
  producerLingerMsDefault: number
  /**
   * Produce and fetch responses carrying NOT_LEADER_OR_FOLLOWER name the new leader, and the
   * client uses it without waiting for a metadata refresh or its retry backoff (KIP-951, 3.7:
   * Sender.completeBatch → Metadata.updatePartitionLeadership, RecordAccumulator.shouldBackoff).
   */
  leaderDiscoveryInResponses: boolean
  /**
   * The clients' retry and metadata refresh backoffs grow exponentially from `retry.backoff.ms` to
   * `retry.backoff.max.ms` with 20 % jitter (KIP-580, 3.7: RecordAccumulator and Metadata use
   * ExponentialBackoff); before, both were a constant `retry.backoff.ms`.
   */
  exponentialRetryBackoff: boolean
}

export function versionRules(version: KafkaVersion): VersionRules {
  return {
    version,
    zookeeper: !atLeast(version, '4.0'),
    hwFreezeUnderMinIsr: atLeast(version, '3.7'),
    minIsrCappedAtReplicationFactor: atLeast(version, '3.7'),
    elrAvailable: atLeast(version, '3.9'),
    elrDefault: atLeast(version, '4.1'),
    elrElectionIsClean: atLeast(version, '4.0'),
    cleanShutdownDetection: atLeast(version, '4.1'),
    producerLingerMsDefault: atLeast(version, '4.0') ? 5 : 0,
    leaderDiscoveryInResponses: atLeast(version, '3.7'),
    exponentialRetryBackoff: atLeast(version, '3.7'),
  }
}

/** The effective min ISR: min(min.insync.replicas, RF) from 3.7, the configured value before. */
export function effectiveMinIsrFor(
  rules: VersionRules,
  configured: number,
  replicationFactor: number,
): number {
  return rules.minIsrCappedAtReplicationFactor
    ? Math.min(configured, replicationFactor)
    : configured
}

const RULES = new Map<KafkaVersion, VersionRules>(KAFKA_VERSIONS.map((v) => [v, versionRules(v)]))

/**
 * The last version looked up and its rules: a run asks for one or two versions millions of
 * times (every produce and fetch), and comparing a short string beats hashing it for the Map.
 */
let lastVersion: KafkaVersion | null = null
let lastRules: VersionRules | null = null

/** The rules of a version, one shared object per version. */
export function rulesOf(version: KafkaVersion): VersionRules {
  if (version === lastVersion) return lastRules as VersionRules
  const rules = RULES.get(version) as VersionRules
  lastVersion = version
  lastRules = rules
  return rules
}
