/**
 * Advisor findings as data, and the one place that turns them into English. A finding is its
 * rule `id`, a `severity`, the JSON `path` it concerns and `params` (plain JSON values: numbers,
 * strings, booleans and lists of them); `renderFinding` writes the sentence and `renderFixLabel`
 * the label of a suggested fix. The advisor, the CLI, the Markdown report and the UI all show this
 * renderer's text, so they say the same thing, and a translation later needs only another
 * renderer. No English is assembled where a finding is found (compare `scenario/messages.ts`,
 * which does the same for validation problems).
 */
import type { ControllerMode } from '../engine/spec'
import type { CapacityResource } from '../engine/capacity/model'
import type { ScenarioPatch } from './patch'
import { displayText } from '../scenario/safe-text'

export type Severity = 'error' | 'warning' | 'info'

/** One partition that keeps two (or more) replicas in one zone, for `replicas-share-zone`. */
export interface SharedZoneExample {
  partition: number
  /** The brokers of the partition in `zone`, in assignment order. */
  brokers: number[]
  zone: string
}

/** What one zone's loss does to a topic, for `zone-loss-unavailable`. */
export interface ZoneLossCount {
  zone: string
  /** Partitions left without a leader. */
  offline: number
  /** Partitions with a leader whose ISR is below the effective min.insync.replicas. */
  unwritable: number
}

/** One partition a zone's loss stops, for `zone-loss-unavailable`. */
export interface ZoneLossExample {
  partition: number
  /** The first zone (in the cluster's order) whose loss stops it. */
  zone: string
  /** The partition's replicas in `zone`, in assignment order. */
  brokers: number[]
  /** Its in-sync replicas outside `zone`. */
  inSyncLeft: number
  /** True: no leader is left; false: a leader, but too few in-sync replicas for acks=all. */
  offline: boolean
}

/**
 * Why a zone loss stops partitions whose replicas do not crowd one zone: the effective
 * min.insync.replicas at the replication factor, more replicas than zones, or replicas already
 * out of the ISR in the scenario's starting (imported) state. (Crowded partitions are
 * `replicas-share-zone`.)
 */
export type ZoneLossCause = 'min-isr-equals-rf' | 'rf-above-zones' | 'isr-state'

/**
 * Every advisor rule id and its parameters. The set is closed: a new rule needs a new id.
 * `minIsr` is min.insync.replicas as configured for the topic (its own override, else the
 * cluster's); `minIsrFromCluster` says it is the cluster's.
 */
export interface FindingParams {
  'rf-1': { topic: string }
  'rf2-min-isr-1': { topic: string; minIsr: number; minIsrFromCluster: boolean }
  'min-isr-above-rf': {
    topic: string
    minIsr: number
    minIsrFromCluster: boolean
    rf: number
    /** The cluster's Kafka version (major.minor). */
    version: string
    /** The version caps min.insync.replicas at RF (3.7+, `Partition.effectiveMinIsr`). */
    capped: boolean
  }
  'min-isr-equals-rf': { topic: string; minIsr: number; minIsrFromCluster: boolean; rf: number }
  'min-isr-1-recommended-2': {
    topic: string
    minIsr: number
    minIsrFromCluster: boolean
    rf: number
  }
  'rf-above-zones': {
    topic: string
    rf: number
    zones: number
    /** The most replicas of a partition one zone holds: ceil(rf / zones). */
    perZone: number
    /** The replicas left after losing that zone. */
    left: number
    /** The effective min.insync.replicas. */
    minIsr: number
  }
  /**
   * Some single-zone loss leaves partitions of the topic offline or unwritable (an error); only
   * partitions that do not keep two replicas in one zone while another has none (those are
   * `replicas-share-zone`).
   */
  'zone-loss-unavailable': {
    topic: string
    /** Partitions that some single-zone loss stops. */
    affected: number
    partitions: number
    rf: number
    /** The effective min.insync.replicas, as the leaders use it (capped at RF from 3.7). */
    minIsr: number
    /** The zones with brokers. */
    zoneCount: number
    /** Each zone whose loss stops some partition, in the cluster's zone order. */
    zones: ZoneLossCount[]
    cause: ZoneLossCause
    example: ZoneLossExample
  }
  'replicas-share-zone': {
    topic: string
    /** How many partitions keep two replicas in one zone while another zone has none. */
    shared: number
    partitions: number
    /** The first few such partitions. */
    examples: SharedZoneExample[]
    /** How many of them some single-zone loss stops: an error when any, else a warning. */
    stopped: number
    /** The effective min.insync.replicas. */
    minIsr: number
    /** Each zone whose loss stops some of them, in the cluster's zone order. */
    zones: ZoneLossCount[]
    /** The first partition a zone loss stops, or null. */
    stoppedExample: ZoneLossExample | null
  }
  'unclean-election-enabled':
    | { scope: 'topic'; topic: string }
    /** `inheritedBy`: the topics without their own setting, which inherit the cluster's. */
    | { scope: 'cluster'; inheritedBy: string[] }
  'single-zone': {
    /** The one zone the cluster has, or the one zone of several that has every broker. */
    zone: string
    /** How many zones the cluster lists. */
    clusterZones: number
  }
  'brokers-not-multiple-of-zones': {
    brokers: number
    zones: string[]
    /** `counts[k]`: the brokers in `zones[k]`. */
    counts: number[]
  }
  'control-plane-majority-in-one-zone': {
    inZone: number
    controllers: number
    controller: ControllerMode
    zone: string
  }
  'acks-not-all': { client: string; acks: 0 | 1 }
  'bootstrap-single-broker': {
    client: string
    /** The distinct brokers listed: none or one. */
    servers: number[]
  }
  'bootstrap-missing-zone': {
    client: string
    missingZones: string[]
    /** The zones the listed brokers are in: a warning when one or none, else info. */
    listedZones: string[]
  }
  /** A ZooKeeper cluster on 3.x: ZooKeeper mode is gone from 4.0. */
  'zookeeper-removed-in-4': { version: string }
  /** ELR configured on 3.9, where it needs a metadata version that is not production-ready. */
  'elr-needs-unreleased-metadata-version': { version: string }
  /** After losing `zone`, the busiest survivor is above its limit (capacity-rules.ts). */
  'headroom-zone-loss': {
    brokerType: string
    zone: string
    /** The busiest survivor's utilisation, as a ratio. */
    peak: number
    broker: number
    resource: CapacityResource
    overloaded: number
    /** Brokers per zone now, and about how many would carry the zone loss. */
    perZone: number
    fitsPerZone: number
    /** The smallest larger type of the line that carries it, or null. */
    fitsType: string | null
  }
  /** The CPU estimate is above AWS's 60% on some brokers in the steady state. */
  'cpu-above-60': {
    brokerType: string
    brokers: number
    broker: number
    cpu: number
    fitsType: string | null
  }
  'partitions-per-broker': {
    brokerType: string
    broker: number
    partitions: number
    /** Brokers above the recommended figure (or the maximum when none is published). */
    brokers: number
    recommended: number | null
    max: number | null
    aboveMax: boolean
    fitsType: string | null
  }
  'volume-throughput-ceiling': {
    brokerType: string
    broker: number
    writesMiBps: number
    ingressMiBps: number
    volumeMiBps: number
    ratio: number
    /** The type's most provisionable throughput; null: it cannot provision. */
    provisionMax: number | null
  }
  'replication-throttle-starves': {
    side: 'leader' | 'follower'
    broker: number
    /** The listed partitions' live replication through the broker, bytes/s. */
    liveBytesPerSecond: number
    rate: number
    ratio: number
  }
  'express-fixed-settings': {
    brokerType: string
    setting:
      | 'replicationFactor'
      | 'min.insync.replicas'
      | 'unclean.leader.election.enable'
      | 'zones'
      | 'storage'
    value: number | boolean | string
    required: number | boolean | string
    topic: string | null
  }
}

export type FindingId = keyof FindingParams

/** Every rule id, in the order the advisor documents them. */
export const FINDING_IDS = [
  'rf-1',
  'rf2-min-isr-1',
  'min-isr-above-rf',
  'min-isr-equals-rf',
  'min-isr-1-recommended-2',
  'rf-above-zones',
  'zone-loss-unavailable',
  'replicas-share-zone',
  'unclean-election-enabled',
  'single-zone',
  'brokers-not-multiple-of-zones',
  'control-plane-majority-in-one-zone',
  'acks-not-all',
  'bootstrap-single-broker',
  'bootstrap-missing-zone',
  'zookeeper-removed-in-4',
  'elr-needs-unreleased-metadata-version',
  'headroom-zone-loss',
  'cpu-above-60',
  'partitions-per-broker',
  'volume-throughput-ceiling',
  'replication-throttle-starves',
  'express-fixed-settings',
] as const satisfies readonly FindingId[]

// Fails to compile when FINDING_IDS misses an id of FindingParams.
type MissingId = Exclude<FindingId, (typeof FINDING_IDS)[number]>
const _everyIdListed: MissingId extends never ? true : false = true
void _everyIdListed

/** Every kind of suggested fix and its parameters. */
export interface FixParams {
  'raise-replication': { topic: string; replicationFactor: number; minIsr?: number }
  'set-min-isr': { topic: string; minIsr: number }
  'reassign-zones': { topic: string }
  'disable-unclean-topic': { topic: string }
  'disable-unclean-cluster': Record<string, never>
  'disable-elr': Record<string, never>
  'set-acks-all': { client: string }
  'bootstrap-per-zone': { client: string }
  'set-broker-type': { brokerType: string }
  'provision-storage-throughput': { mibps: number }
  'raise-replication-throttle': { side: 'leader' | 'follower'; bytesPerSecond: number }
}

export type FixCode = keyof FixParams

/**
 * A suggested fix: a `code` and `params` for its label, the `patch` that applies it, and `label`,
 * which is `renderFixLabel` of the code and params.
 */
export type Fix = {
  [C in FixCode]: { code: C; params: FixParams[C]; label: string; patch: ScenarioPatch }
}[FixCode]

/** The code and params of a fix, without its patch. */
export type FixData = { [C in FixCode]: { code: C; params: FixParams[C] } }[FixCode]

/**
 * One advisor finding. `message` is `renderFinding` of the rest, and `fix.label` is
 * `renderFixLabel` of the fix, kept so readers can show them directly.
 */
export type Finding = {
  [I in FindingId]: {
    /** The rule id, e.g. `rf-1`. */
    id: I
    severity: Severity
    /** A JSON path into the scenario file, e.g. `topics[0].config["min.insync.replicas"]`. */
    path: string
    params: FindingParams[I]
    message: string
    fix?: Fix
  }
}[FindingId]

/** The rule id and params of a finding, without where it is. */
export type FindingData = { [I in FindingId]: { id: I; params: FindingParams[I] } }[FindingId]

/** Builds a finding; the message is rendered from the id and params. */
export function makeFinding<I extends FindingId>(
  id: I,
  severity: Severity,
  path: string,
  params: FindingParams[I],
  fix?: Fix,
): Finding {
  const message = renderFinding({ id, params } as FindingData)
  return { id, severity, path, params, message, ...(fix === undefined ? {} : { fix }) } as Finding
}

/** Builds a fix; the label is rendered from the code and params. */
export function makeFix<C extends FixCode>(
  code: C,
  params: FixParams[C],
  patch: ScenarioPatch,
): Fix {
  const label = renderFixLabel({ code, params } as FixData)
  return { code, params, label, patch } as Fix
}

/** "runs at 120% of its …". */
const LIMIT_WORDS: Record<CapacityResource, string> = {
  networkIn: 'network bandwidth in',
  networkOut: 'network bandwidth out',
  volume: 'volume throughput',
  cpu: 'CPU (estimated)',
  ingress: 'recommended ingress',
  egress: 'recommended egress',
}

/** Bytes/s in MiB/s, one decimal. */
function mib(bytesPerSecond: number): string {
  return String(Math.round((bytesPerSecond / (1024 * 1024)) * 10) / 10)
}

function pct(ratio: number): string {
  return `${Math.round(ratio * 100)}%`
}

/** "a", "a and b", "a, b and c". */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

function minIsrSource(p: { minIsr: number; minIsrFromCluster: boolean }): string {
  return p.minIsrFromCluster
    ? ` (inherited from the cluster's min.insync.replicas=${p.minIsr})`
    : ''
}

const UNCLEAN_CONSEQUENCE =
  'when every in-sync replica is lost, an out-of-sync replica becomes leader and acknowledged' +
  ' records are truncated away.'

const ACKS_RISK: Record<0 | 1, string> = {
  0: 'the producer gets no acknowledgement at all, so any broker failure can silently lose records',
  1:
    'the leader acknowledges before any follower has the record and min.insync.replicas is' +
    ' not enforced, so a leader failure can lose acknowledged writes even with clean elections',
}

const CONTROL_PLANE_NODES: Record<ControllerMode, string> = {
  kraft: 'KRaft controller quorum voters',
  zookeeper: 'ZooKeeper nodes',
}

/**
 * The English sentence of a finding (without its path). The topic, zone and client names it
 * quotes are the user's: `displayText` makes any invisible or reordering character in them
 * visible, so the sentence reads as it is on every screen (Markdown escapes it further).
 *
 * @example
 * for (const f of advise(spec)) console.log(`${f.path}: ${renderFinding(f)}`)
 */
export function renderFinding(finding: FindingData | Finding): string {
  return displayText(findingSentence(finding))
}

function findingSentence(finding: FindingData | Finding): string {
  switch (finding.id) {
    case 'rf-1':
      return (
        `Topic "${finding.params.topic}" has replication factor 1: each partition lives on a` +
        ' single broker, so it goes offline whenever that broker restarts, e.g. during an MSK' +
        " rolling update or patch, and losing the broker's disk loses its data."
      )
    case 'rf2-min-isr-1': {
      const p = finding.params
      return (
        `Topic "${p.topic}" has replication factor 2 with effective min.insync.replicas 1` +
        `${minIsrSource(p)}: once the follower drops out of the ISR, acks=all writes are` +
        ' acknowledged by the leader alone, and losing its disk (or an unclean election after it' +
        ' fails) loses acknowledged data.'
      )
    }
    case 'min-isr-above-rf': {
      const p = finding.params
      const head =
        `Topic "${p.topic}" has min.insync.replicas ${p.minIsr}${minIsrSource(p)} above its` +
        ` replication factor ${p.rf}; `
      if (!p.capped) {
        return (
          head +
          `Kafka ${p.version} uses the value as it is, so every acks=all write fails with` +
          ' NOT_ENOUGH_REPLICAS even with all replicas in sync (from Kafka 3.7 the effective' +
          ' value is capped at the replication factor, Partition.effectiveMinIsr).'
        )
      }
      return (
        head +
        `Kafka ${p.version} caps the effective value at ${p.rf} (Partition.effectiveMinIsr, 3.7+),` +
        ' so the config overstates the durability' +
        (p.rf > 1
          ? ` and acks=all writes succeed only while all ${p.rf} replicas are in sync.`
          : '.')
      )
    }
    case 'min-isr-equals-rf': {
      const p = finding.params
      return (
        `Topic "${p.topic}" has min.insync.replicas ${p.minIsr}${minIsrSource(p)} equal to its` +
        ' replication factor, so acks=all producers get NOT_ENOUGH_REPLICAS whenever any one' +
        ' replica is down, e.g. while a broker is being patched.'
      )
    }
    case 'min-isr-1-recommended-2': {
      const p = finding.params
      return (
        `Topic "${p.topic}" has replication factor ${p.rf} but min.insync.replicas 1` +
        `${minIsrSource(p)}, so an acks=all write can be acknowledged by one replica alone;` +
        ' min.insync.replicas 2 keeps a second copy of every acknowledged write and still' +
        ' tolerates a broker being down.'
      )
    }
    case 'rf-above-zones': {
      const p = finding.params
      return (
        `Topic "${p.topic}" has replication factor ${p.rf} on ${p.zones} zones, so some zone` +
        ` holds ${p.perZone} replicas of a partition and losing it leaves ${p.left}` +
        (p.left < p.minIsr
          ? `, below min.insync.replicas ${p.minIsr}: acks=all producers then get NOT_ENOUGH_REPLICAS.`
          : '.')
      )
    }
    case 'zone-loss-unavailable':
      return zoneLossText(finding.params)
    case 'replicas-share-zone': {
      const p = finding.params
      if (p.stoppedExample !== null) return sharedZoneLossText(p, p.stoppedExample)
      const examples = p.examples.map(
        (e) =>
          `${p.topic}-${e.partition} has brokers ${listWords(e.brokers.map(String))} in ${e.zone}`,
      )
      return (
        `${p.shared} of ${p.partitions} partitions of "${p.topic}" keep two replicas in one` +
        ` zone while another zone has none (e.g. ${examples.join('; ')}), so losing that zone` +
        ' removes two copies at once: acks=all writes continue, with less margin for a further' +
        ' failure than one replica per zone would leave; a broker.rack-aware reassignment spreads' +
        ' them.'
      )
    }
    case 'unclean-election-enabled': {
      const p = finding.params
      if (p.scope === 'topic') {
        return `Topic "${p.topic}" sets unclean.leader.election.enable=true: ${UNCLEAN_CONSEQUENCE}`
      }
      const inherited =
        p.inheritedBy.length > 0
          ? ` (inherited by ${listWords(p.inheritedBy.map((t) => `"${t}"`))})`
          : ''
      return `The cluster sets unclean.leader.election.enable=true${inherited}: ${UNCLEAN_CONSEQUENCE}`
    }
    case 'single-zone': {
      const p = finding.params
      const where =
        p.clusterZones === 1
          ? `The cluster has one zone (${p.zone})`
          : `Every broker is in ${p.zone}`
      return (
        `${where}, so losing that zone takes every broker down; MSK clusters span 2 or 3` +
        ' Availability Zones, with broker.rack set to the AZ ID.'
      )
    }
    case 'brokers-not-multiple-of-zones': {
      const p = finding.params
      const perZone = p.zones.map((z, k) => `${z}: ${p.counts[k]}`).join(', ')
      return (
        `The ${p.brokers} brokers are spread unevenly over ${p.zones.length} zones (${perZone});` +
        ' MSK requires the same number of brokers in each zone, and a larger zone takes more' +
        ' replicas and leaders down when it fails.'
      )
    }
    case 'control-plane-majority-in-one-zone': {
      const p = finding.params
      return (
        `${p.inZone} of ${p.controllers} ${CONTROL_PLANE_NODES[p.controller]} are in ${p.zone},` +
        ' a majority: losing that zone leaves no quorum, which stops all leader elections.' +
        ' Place one controller per zone (3 nodes over 3 zones).'
      )
    }
    case 'acks-not-all': {
      const p = finding.params
      return `Producer "${p.client}" uses acks=${p.acks}: ${ACKS_RISK[p.acks]}.`
    }
    case 'bootstrap-single-broker': {
      const p = finding.params
      const listed = p.servers.length === 0 ? 'no broker' : `only broker ${p.servers[0]}`
      return (
        `Client "${p.client}" lists ${listed} in bootstrap.servers: if that broker is down when` +
        ' the client starts or restarts, it cannot connect at all. List at least one broker per' +
        ' zone.'
      )
    }
    case 'bootstrap-missing-zone': {
      const p = finding.params
      const head = `Client "${p.client}" has no broker from ${listWords(p.missingZones)} in bootstrap.servers`
      if (p.listedZones.length === 1) {
        return (
          `${head}: every broker it lists is in ${p.listedZones[0]}, so if that zone is down` +
          ' when the client starts or restarts, it cannot connect. List one broker per zone.'
        )
      }
      if (p.listedZones.length === 0) {
        return `${head}: it lists no broker of the cluster, so it cannot connect. List one broker per zone.`
      }
      return (
        `${head}; any single zone loss still leaves a broker it lists, but if ` +
        `${listWords(p.listedZones)} are ${p.listedZones.length === 2 ? 'both' : 'all'} down when` +
        ' it starts, it cannot connect. List one broker per zone.'
      )
    }
    case 'zookeeper-removed-in-4': {
      const p = finding.params
      return (
        `The cluster runs in ZooKeeper mode on Kafka ${p.version}; Kafka 4.0 removed ZooKeeper` +
        ' (KIP-833), so before any 4.x upgrade the cluster must move to KRaft' +
        (p.version === '3.9' ? '' : ', which needs 3.9 first') +
        ' (Amazon MSK migrates a 3.9.x cluster in place with UpdateClusterKafkaVersion). The' +
        ' migration is not simulated: to see this layout on KRaft, choose the KRaft controller.'
      )
    }
    case 'elr-needs-unreleased-metadata-version': {
      const p = finding.params
      return (
        `eligible.leader.replicas.enable is on, but on Kafka ${p.version} ELR needs metadata` +
        ' version 4.0-IV0, which that release does not support in production' +
        ' (MetadataVersion.isElrSupported, LATEST_PRODUCTION 3.9-IV0): a real cluster on it runs' +
        ' without ELR. The simulation applies ELR as configured; Kafka 4.0 has it as a preview' +
        ' and 4.1 turns it on for new clusters.'
      )
    }
    case 'headroom-zone-loss': {
      const p = finding.params
      const fit =
        p.fitsType === null
          ? ` No larger ${p.brokerType} size carries it; add brokers (about ${p.fitsPerZone} per zone, with partitions spread over them).`
          : ` ${p.fitsType} brokers would carry it, or about ${p.fitsPerZone} brokers per zone instead of ${p.perZone}.`
      return (
        `If ${p.zone} fails, its leaderships move to the surviving brokers and broker ${p.broker}` +
        ` runs at ${pct(p.peak)} of its ${LIMIT_WORDS[p.resource]}` +
        ` (${p.overloaded} ${p.overloaded === 1 ? 'broker' : 'brokers'} above 100%): requests` +
        ' queue, produce latency climbs and producers are held to what it carries (send() blocks' +
        ' once buffer.memory is full), though no data is lost.' +
        fit
      )
    }
    case 'cpu-above-60': {
      const p = finding.params
      return (
        `The CPU estimate of ${p.brokers} ${p.brokers === 1 ? 'broker' : 'brokers'} is above` +
        ` AWS's 60% (broker ${p.broker}: ${pct(p.cpu)}): Amazon MSK recommends keeping CPU User +` +
        ' System under 60%: with 40% free, Kafka can move load to the other brokers when one fails or' +
        ' restarts for patching.' +
        (p.fitsType === null ? '' : ` ${p.fitsType} brokers would stay under it.`)
      )
    }
    case 'partitions-per-broker': {
      const p = finding.params
      const limit = p.aboveMax
        ? `the maximum of ${p.max} for ${p.brokerType}, where MSK blocks configuration updates`
        : p.recommended !== null
          ? `the ${p.recommended} recommended for ${p.brokerType}`
          : `the maximum of ${p.max} for ${p.brokerType}`
      return (
        `Broker ${p.broker} holds ${p.partitions} partition replicas (${p.brokers}` +
        ` ${p.brokers === 1 ? 'broker is' : 'brokers are'} over), above ${limit}.` +
        (p.fitsType === null ? '' : ` ${p.fitsType} is recommended for that many.`)
      )
    }
    case 'volume-throughput-ceiling': {
      const p = finding.params
      const provision =
        p.provisionMax === null
          ? ' This size cannot provision more; kafka.m5.4xlarge, kafka.m7g.2xlarge and larger can.'
          : ` ${p.brokerType} can provision up to ${p.provisionMax} MiB/s.`
      return (
        `Broker ${p.broker} writes ${p.writesMiBps} MiB/s to its volume (its own ${p.ingressMiBps}` +
        ` MiB/s of produce plus the replicas it follows), ${pct(p.ratio)} of the volume's` +
        ` ${p.volumeMiBps} MiB/s; a broker returning from an outage must catch up through the same` +
        ' volume.' +
        provision
      )
    }
    case 'replication-throttle-starves': {
      const p = finding.params
      const role = p.side === 'leader' ? 'sends its followers' : 'fetches as a follower'
      const what =
        p.ratio >= 1
          ? 'a replica of them that falls behind there can never catch up'
          : 'a replica of them that falls behind there catches up slowly'
      return (
        `Broker ${p.broker} ${role} ${mib(p.liveBytesPerSecond)} MiB/s of live replication for the` +
        ` partitions ${p.side}.replication.throttled.replicas lists, ${pct(p.ratio)} of` +
        ` ${p.side}.replication.throttled.rate (${mib(p.rate)} MiB/s). Kafka counts in-sync bytes` +
        ` against the throttle too and holds back only out-of-sync replicas, so ${what}.`
      )
    }
    case 'express-fixed-settings': {
      const p = finding.params
      const where = p.topic === null ? 'the cluster' : `topic ${p.topic}`
      const what =
        p.setting === 'storage'
          ? 'sets cluster.storage, but MSK manages Express storage'
          : p.setting === 'zones'
            ? `spans ${p.value} zones, but Express clusters span exactly ${p.required}`
            : `has ${p.setting}=${p.value}, but Express brokers fix it at ${p.required}`
      return `${p.brokerType}: ${where} ${what}.`
    }
    default: {
      const unknown: never = finding
      throw new Error(`No renderer for finding ${JSON.stringify((unknown as { id: unknown }).id)}`)
    }
  }
}

function brokerWords(ids: readonly number[]): string {
  return `${ids.length === 1 ? 'broker' : 'brokers'} ${listWords(ids.map(String))}`
}

function partitionWords(n: number): string {
  return `${n} ${n === 1 ? 'partition' : 'partitions'}`
}

/** What each zone's loss stops: "use1-az1: 2 unwritable, 1 offline". */
function zoneLossCounts(zones: readonly ZoneLossCount[]): string {
  return zones
    .map((z) => {
      const parts = [
        ...(z.unwritable > 0 ? [`${z.unwritable} unwritable`] : []),
        ...(z.offline > 0 ? [`${z.offline} offline`] : []),
      ]
      return `${z.zone}: ${parts.join(', ')}`
    })
    .join('; ')
}

const ZONE_LOSS_CAUSE: Record<
  ZoneLossCause,
  (p: FindingParams['zone-loss-unavailable']) => string
> = {
  'min-isr-equals-rf': (p) =>
    `Its effective min.insync.replicas ${p.minIsr} equals its replication factor, so losing any` +
    ' one replica stops acks=all writes' +
    (p.rf >= 2 && p.rf <= p.zoneCount
      ? `; with one replica per zone, min.insync.replicas ${p.rf - 1} keeps it writable through a zone loss.`
      : '.'),
  'rf-above-zones': (p) =>
    `Replication factor ${p.rf} on ${p.zoneCount} zones puts ${Math.ceil(p.rf / p.zoneCount)}` +
    ` replicas of each partition in some zone; with ${p.rf} zones, one replica in each, a zone` +
    ` loss would leave ${p.rf - 1}.`,
  'isr-state': () =>
    "Some replicas are out of the ISR in the scenario's starting state (as imported), so a zone" +
    ' loss leaves fewer in-sync replicas than the placement alone would.',
}

/** "e.g. orders-0 has brokers 1 and 4 in use1-az1, so losing it leaves 1 in-sync replica, ..." */
function stoppedExampleText(topic: string, e: ZoneLossExample, minIsr: number): string {
  const left =
    e.inSyncLeft === 0
      ? 'no in-sync replica'
      : `${e.inSyncLeft} in-sync ${e.inSyncLeft === 1 ? 'replica' : 'replicas'}`
  const outcome = e.offline ? ': no leader can be elected' : `, below min.insync.replicas ${minIsr}`
  return `e.g. ${topic}-${e.partition} has ${brokerWords(e.brokers)} in ${e.zone}, so losing it leaves ${left}${outcome}`
}

/** What unwritable and offline mean, for the kinds `zones` has. */
function stoppedMeaning(zones: readonly ZoneLossCount[]): string {
  const meaning = [
    ...(zones.some((z) => z.unwritable > 0)
      ? [
          'an unwritable partition has a leader but rejects acks=all writes with NOT_ENOUGH_REPLICAS',
        ]
      : []),
    ...(zones.some((z) => z.offline > 0)
      ? ['an offline partition has no leader, so no client can write to or read from it']
      : []),
  ].join('; ')
  return `${meaning.charAt(0).toUpperCase()}${meaning.slice(1)}.`
}

function zoneLossText(p: FindingParams['zone-loss-unavailable']): string {
  return (
    `Losing one zone stops ${p.affected} of ${partitionWords(p.partitions)} of "${p.topic}"` +
    ` (${zoneLossCounts(p.zones)}): ${stoppedExampleText(p.topic, p.example, p.minIsr)}.` +
    ` ${stoppedMeaning(p.zones)} ${ZONE_LOSS_CAUSE[p.cause](p)}`
  )
}

function sharedZoneLossText(p: FindingParams['replicas-share-zone'], e: ZoneLossExample): string {
  const more = p.shared - p.stopped
  return (
    `Losing one zone stops ${p.stopped} of ${partitionWords(p.partitions)} of "${p.topic}"` +
    ` (${zoneLossCounts(p.zones)}), which keep two replicas in one zone while another zone has` +
    ` none: ${stoppedExampleText(p.topic, e, p.minIsr)}. ${stoppedMeaning(p.zones)}` +
    (more > 0
      ? ` ${more} more ${more === 1 ? 'partition shares' : 'partitions share'} a zone but ${more === 1 ? 'stays' : 'stay'} writable.`
      : '') +
    ' A broker.rack-aware reassignment spreads them over the zones.'
  )
}

/**
 * The label of a suggested fix, e.g. for its button.
 *
 * @example
 * renderFixLabel({ code: 'set-acks-all', params: { client: 'p1' } }) // "Set acks=all for p1"
 */
export function renderFixLabel(fix: FixData | Fix): string {
  return displayText(fixLabel(fix))
}

function fixLabel(fix: FixData | Fix): string {
  switch (fix.code) {
    case 'raise-replication': {
      const p = fix.params
      return (
        `Raise the replication factor of ${p.topic} to ${p.replicationFactor}` +
        (p.minIsr === undefined ? '' : ` and min.insync.replicas to ${p.minIsr}`)
      )
    }
    case 'set-min-isr':
      return `Set min.insync.replicas to ${fix.params.minIsr} for ${fix.params.topic}`
    case 'reassign-zones':
      return `Reassign ${fix.params.topic} so each partition's replicas sit in distinct zones`
    case 'disable-unclean-topic':
      return `Disable unclean leader election for ${fix.params.topic}`
    case 'disable-unclean-cluster':
      return 'Disable unclean leader election for the cluster'
    case 'disable-elr':
      return 'Turn eligible leader replicas off'
    case 'set-acks-all':
      return `Set acks=all for ${fix.params.client}`
    case 'bootstrap-per-zone':
      return `List one broker per zone in bootstrap.servers of ${fix.params.client}`
    case 'set-broker-type':
      return `Use ${fix.params.brokerType} brokers`
    case 'provision-storage-throughput':
      return `Provision ${fix.params.mibps} MiB/s of storage throughput per broker`
    case 'raise-replication-throttle':
      return `Set ${fix.params.side}.replication.throttled.rate to ${fix.params.bytesPerSecond} (${mib(fix.params.bytesPerSecond)} MiB/s)`
    default: {
      const unknown: never = fix
      throw new Error(`No label for fix ${JSON.stringify((unknown as { code: unknown }).code)}`)
    }
  }
}
