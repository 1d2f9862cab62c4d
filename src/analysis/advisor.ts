/**
 * The best-practice advisor: static checks of a scenario against Kafka and Amazon MSK high
 * availability practice (3 zones, replication factor 3, min.insync.replicas 2, acks=all, unclean
 * election off, bootstrap servers in every zone, a control plane spread over the zones).
 *
 * Each rule is a pure function from the spec to findings. `advise` runs them all and sorts the
 * findings by severity, then path (numeric indices compared as numbers), then id, then message, so
 * the output is stable. A finding is data (rule id, severity, path, params); its sentence and its
 * fix's label come from `renderFinding` and `renderFixLabel` in `finding-messages.ts`.
 *
 * Severities mean what they say, because `analyze --fail-on` gates CI on them: `error` when the
 * layout loses availability in a failure it is meant to survive (one broker, one zone) or cannot
 * work as given; `warning` for a risk short of that; `info` for a note that describes no risk
 * (what an upgrade needs, a setting a real cluster ignores), which no gate fails on.
 */
import type { ClientSpec, SimulationSpec, TopicSpec, ZoneName } from '../engine/spec'
import { uncleanElectionEnabled } from '../engine/spec'
import { atLeast, rulesOf } from '../engine/versions'
import type { Finding, Fix, SharedZoneExample, Severity, ZoneLossCause } from './finding-messages'
import { makeFinding, makeFix } from './finding-messages'
import type { ScenarioPatch } from './patch'
import { capacityRules } from './capacity-rules'
import { throttleRules } from './throttle-rules'
import { disableUncleanTopic, setMinIsr } from './topic-fixes'
import { zoneAwareReassignment } from './reassignment'
import { zonesOf } from './survivability'
import { leaderMinIsr, versionOf } from './version'
import type { StoppedPartition, TopicZoneLoss } from './zone-loss'
import { countByZone, zoneLossByTopic } from './zone-loss'

export { applyFix } from './patch'
export type { ScenarioPatch } from './patch'
export type {
  Finding,
  FindingId,
  FindingParams,
  Fix,
  FixCode,
  FixParams,
  Severity,
} from './finding-messages'
export { renderFinding, renderFixLabel } from './finding-messages'

type Rule = (spec: SimulationSpec) => Finding[]

/** How many example partitions `replicas-share-zone` names. */
const SHARED_ZONE_EXAMPLES = 3

/**
 * Runs every advisor rule and returns the findings in a stable order.
 *
 * @example
 * for (const f of advise(spec)) console.log(`${f.severity} ${f.id} at ${f.path}: ${f.message}`)
 */
export function advise(spec: SimulationSpec): Finding[] {
  const rules: Rule[] = [
    clusterRules,
    kafkaVersionRules,
    controlPlaneRule,
    uncleanClusterRule,
    clientRules,
    capacityRules,
    throttleRules,
  ]
  const zoneLoss = zoneLossByTopic(spec)
  const findings = [
    ...rules.flatMap((rule) => rule(spec)),
    ...spec.topics.flatMap((topic, i) => topicRules(spec, topic, i, zoneLoss[i]!)),
  ]
  return findings.sort(compareFindings)
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    comparePaths(a.path, b.path) ||
    compareStrings(a.id, b.id) ||
    compareStrings(a.message, b.message)
  )
}

/** Compares paths with runs of digits as numbers, so `topics[2]` sorts before `topics[10]`. */
export function comparePaths(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? []
  const pb = b.match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!
    const y = pb[i]!
    const numeric = /^\d/.test(x) && /^\d/.test(y)
    const c = numeric ? Number(x) - Number(y) : compareStrings(x, y)
    if (c !== 0) return c
  }
  return pa.length - pb.length
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function topicPath(i: number, rest: string): string {
  return `topics[${i}]${rest}`
}

const MIN_ISR_PATH = '.config["min.insync.replicas"]'

/** min.insync.replicas as configured for the topic (its own override, else the cluster's). */
function configuredMinIsr(spec: SimulationSpec, topic: TopicSpec): number {
  return topic.config['min.insync.replicas'] ?? spec.cluster.config['min.insync.replicas']
}

/** min.insync.replicas as configured for the topic, and whether it is the cluster's. */
function minIsrParams(
  spec: SimulationSpec,
  topic: TopicSpec,
): { minIsr: number; minIsrFromCluster: boolean } {
  return {
    minIsr: configuredMinIsr(spec, topic),
    minIsrFromCluster: topic.config['min.insync.replicas'] === undefined,
  }
}

/** The min ISR we recommend for a replication factor: RF - 1 from RF 3 up, else 1. */
function recommendedMinIsr(rf: number): number {
  return rf >= 3 ? rf - 1 : 1
}

function topicRules(
  spec: SimulationSpec,
  topic: TopicSpec,
  i: number,
  zoneLoss: TopicZoneLoss,
): Finding[] {
  return [
    ...replicationRules(spec, topic, i),
    ...minIsrRules(spec, topic, i),
    ...zoneRules(spec, topic, i, zoneLoss),
    ...uncleanTopicRule(topic, i),
  ]
}

function replicationRules(spec: SimulationSpec, topic: TopicSpec, i: number): Finding[] {
  const findings: Finding[] = []
  const rf = topic.replicationFactor
  const brokers = spec.cluster.brokers.length
  const minIsr = leaderMinIsr(spec, topic)
  if (rf === 1) {
    const target = Math.min(3, brokers)
    findings.push(
      makeFinding(
        'rf-1',
        'error',
        topicPath(i, '.replicationFactor'),
        { topic: topic.name },
        target > 1 ? raiseReplication(spec, topic, target, null) : undefined,
      ),
    )
  }
  if (rf === 2 && minIsr === 1) {
    findings.push(
      makeFinding(
        'rf2-min-isr-1',
        'warning',
        topicPath(i, MIN_ISR_PATH),
        { topic: topic.name, ...minIsrParams(spec, topic) },
        brokers >= 3 ? raiseReplication(spec, topic, 3, 2) : undefined,
      ),
    )
  }
  return findings
}

function raiseReplication(
  spec: SimulationSpec,
  topic: TopicSpec,
  replicationFactor: number,
  minIsr: number | null,
): Fix {
  const assignment = zoneAwareReassignment(spec, topic.name, replicationFactor)
  const setRf: ScenarioPatch = {
    op: 'setTopicReplicationFactor',
    topic: topic.name,
    replicationFactor,
    assignment,
  }
  if (minIsr === null) {
    return makeFix('raise-replication', { topic: topic.name, replicationFactor }, setRf)
  }
  return makeFix(
    'raise-replication',
    { topic: topic.name, replicationFactor, minIsr },
    { op: 'sequence', patches: [setRf, setMinIsr(topic, minIsr).patch] },
  )
}

function minIsrRules(spec: SimulationSpec, topic: TopicSpec, i: number): Finding[] {
  const findings: Finding[] = []
  const rf = topic.replicationFactor
  const configured = configuredMinIsr(spec, topic)
  const effective = leaderMinIsr(spec, topic)
  const path = topicPath(i, MIN_ISR_PATH)
  const params = { topic: topic.name, ...minIsrParams(spec, topic), rf }
  if (configured > rf) {
    // Before 3.7 such a topic refuses every acks=all write; from 3.7 it is writable while all
    // replicas are in sync, like min ISR = RF (versions.ts, minIsrCappedAtReplicationFactor).
    const version = versionOf(spec)
    const capped = rulesOf(version).minIsrCappedAtReplicationFactor
    findings.push(
      makeFinding(
        'min-isr-above-rf',
        capped ? 'warning' : 'error',
        path,
        { ...params, version, capped },
        setMinIsr(topic, recommendedMinIsr(rf)),
      ),
    )
  }
  if (rf > 1 && configured === rf) {
    findings.push(
      makeFinding('min-isr-equals-rf', 'warning', path, params, setMinIsr(topic, rf - 1)),
    )
  }
  if (rf >= 3 && effective === 1) {
    // A risk, like rf2-min-isr-1: one replica alone can acknowledge an acks=all write.
    findings.push(
      makeFinding('min-isr-1-recommended-2', 'warning', path, params, setMinIsr(topic, 2)),
    )
  }
  return findings
}

/** The zones that have brokers, in `zonesOf` order. */
function brokerZones(spec: SimulationSpec): ZoneName[] {
  const used = new Set(spec.cluster.brokers.map((b) => b.zone))
  return zonesOf(spec).filter((z) => used.has(z))
}

/**
 * The zone rules, decided from the actual placement (`zone-loss.ts`): a partition that some
 * single-zone loss stops (offline, or unwritable with acks=all) makes an error. When the
 * partition keeps two replicas in one zone while another zone has none, that error is
 * `replicas-share-zone` (the cause, with the reassignment that removes it); otherwise it is
 * `zone-loss-unavailable`, naming min ISR = RF, RF above the zones or the imported ISR as the
 * cause. Sharing a zone without losing availability (min ISR still met) is a
 * `replicas-share-zone` or `rf-above-zones` warning. RF 1 is left to `rf-1` and a one-zone
 * cluster to `single-zone`, both errors already.
 */
function zoneRules(
  spec: SimulationSpec,
  topic: TopicSpec,
  i: number,
  zoneLoss: TopicZoneLoss,
): Finding[] {
  const zones = brokerZones(spec)
  if (zones.length < 2) return []
  const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  const crowded = (p: number) => crowdedZone(topic.assignment[p] ?? [], zones, zoneOf)
  const stopped =
    topic.replicationFactor === 1
      ? []
      : [...zoneLoss.partitions].sort((a, b) => a[0] - b[0]).map(([p, s]) => ({ p, ...s }))
  const sharedStopped = stopped.filter((s) => crowded(s.p) !== null)
  const otherStopped = stopped.filter((s) => crowded(s.p) === null)
  return [
    ...zoneLossRule(spec, topic, i, zones, otherStopped),
    ...(stopped.length > 0 ? [] : rfAboveZonesRule(spec, topic, i, zones)),
    ...sharedZoneRule(spec, topic, i, zones, zoneLoss, sharedStopped, crowded),
  ]
}

/**
 * The zone holding two or more of a partition's replicas while a zone with brokers holds none,
 * with its brokers; null when there is none. Kafka's rack-aware placement never does this.
 */
function crowdedZone(
  replicas: readonly number[],
  zones: ZoneName[],
  zoneOf: Map<number, ZoneName>,
): { zone: ZoneName; brokers: number[] } | null {
  const byZone = new Map<ZoneName, number[]>(zones.map((z) => [z, []]))
  for (const id of new Set(replicas)) byZone.get(zoneOf.get(id) ?? '')?.push(id)
  const zone = zones.find((z) => byZone.get(z)!.length >= 2)
  if (zone === undefined || !zones.some((z) => byZone.get(z)!.length === 0)) return null
  return { zone, brokers: byZone.get(zone)! }
}

type Crowded = (partition: number) => { zone: ZoneName; brokers: number[] } | null

/** Where to change a topic that a zone loss stops, by cause. */
const ZONE_LOSS_PATH: Record<ZoneLossCause, string> = {
  'min-isr-equals-rf': MIN_ISR_PATH,
  'rf-above-zones': '.replicationFactor',
  'isr-state': '.initial',
}

/**
 * zone-loss-unavailable: losing some one zone leaves a partition whose replicas do not crowd one
 * zone offline (no replica left that may lead) or unwritable with acks=all (ISR below the
 * effective min.insync.replicas: NOT_ENOUGH_REPLICAS, `Partition.appendRecordsToLeader`). An AZ
 * outage is the failure a multi-AZ MSK cluster exists to survive, so this is an error.
 */
function zoneLossRule(
  spec: SimulationSpec,
  topic: TopicSpec,
  i: number,
  zones: ZoneName[],
  stopped: StoppedPartition[],
): Finding[] {
  if (stopped.length === 0) return []
  const rf = topic.replicationFactor
  const minIsr = leaderMinIsr(spec, topic)
  const cause: ZoneLossCause =
    minIsr >= rf ? 'min-isr-equals-rf' : rf > zones.length ? 'rf-above-zones' : 'isr-state'
  const params = {
    topic: topic.name,
    affected: stopped.length,
    partitions: topic.partitions,
    rf,
    minIsr,
    zoneCount: zones.length,
    zones: countByZone(zones, stopped),
    cause,
    example: stopped[0]!.example,
  }
  // With one replica per zone, RF - 1 in sync survive any zone loss.
  const fix =
    cause === 'min-isr-equals-rf' && rf >= 2 && rf <= zones.length
      ? setMinIsr(topic, rf - 1)
      : undefined
  return [
    makeFinding('zone-loss-unavailable', 'error', topicPath(i, ZONE_LOSS_PATH[cause]), params, fix),
  ]
}

function rfAboveZonesRule(
  spec: SimulationSpec,
  topic: TopicSpec,
  i: number,
  zones: ZoneName[],
): Finding[] {
  const rf = topic.replicationFactor
  if (rf <= zones.length) return []
  const perZone = Math.ceil(rf / zones.length)
  const left = rf - perZone
  const minIsr = leaderMinIsr(spec, topic)
  return [
    makeFinding('rf-above-zones', 'warning', topicPath(i, '.replicationFactor'), {
      topic: topic.name,
      rf,
      zones: zones.length,
      perZone,
      left,
      minIsr,
    }),
  ]
}

/**
 * replicas-share-zone: partitions with two replicas in one zone while a zone with brokers holds
 * none; Kafka's rack-aware placement would have kept one more copy through that zone's loss. An
 * error when some zone loss stops such a partition (the ISR falls below min.insync.replicas, or
 * no replica is left), else a warning: less margin, but no outage. Partitions already stopped
 * with nothing failed are left out (other findings, or the imported state, explain them).
 */
function sharedZoneRule(
  spec: SimulationSpec,
  topic: TopicSpec,
  i: number,
  zones: ZoneName[],
  zoneLoss: TopicZoneLoss,
  stopped: StoppedPartition[],
  crowded: Crowded,
): Finding[] {
  const examples: SharedZoneExample[] = []
  let shared = 0
  for (let p = 0; p < topic.partitions; p++) {
    if (zoneLoss.alreadyUnavailable.has(p)) continue
    const crowd = crowded(p)
    if (crowd === null) continue
    shared++
    if (examples.length < SHARED_ZONE_EXAMPLES) examples.push({ partition: p, ...crowd })
  }
  if (shared === 0) return []
  const canReassign = topic.replicationFactor <= spec.cluster.brokers.length
  const params = {
    topic: topic.name,
    shared,
    partitions: topic.partitions,
    examples,
    stopped: stopped.length,
    minIsr: leaderMinIsr(spec, topic),
    zones: countByZone(zones, stopped),
    stoppedExample: stopped[0]?.example ?? null,
  }
  return [
    makeFinding(
      'replicas-share-zone',
      stopped.length > 0 ? 'error' : 'warning',
      topicPath(i, '.assignment'),
      params,
      canReassign ? reassignFix(spec, topic) : undefined,
    ),
  ]
}

function reassignFix(spec: SimulationSpec, topic: TopicSpec): Fix {
  return makeFix(
    'reassign-zones',
    { topic: topic.name },
    { op: 'reassign', topic: topic.name, assignment: zoneAwareReassignment(spec, topic.name) },
  )
}

function uncleanTopicRule(topic: TopicSpec, i: number): Finding[] {
  if (topic.config['unclean.leader.election.enable'] !== true) return []
  return [
    makeFinding(
      'unclean-election-enabled',
      'warning',
      topicPath(i, '.config["unclean.leader.election.enable"]'),
      { scope: 'topic', topic: topic.name },
      disableUncleanTopic(topic),
    ),
  ]
}

function uncleanClusterRule(spec: SimulationSpec): Finding[] {
  if (!spec.cluster.config['unclean.leader.election.enable']) return []
  const affected = spec.topics.filter((t) => uncleanElectionEnabled(t, spec.cluster.config))
  const inherited = affected.filter((t) => t.config['unclean.leader.election.enable'] === undefined)
  return [
    makeFinding(
      'unclean-election-enabled',
      'warning',
      'cluster.config["unclean.leader.election.enable"]',
      { scope: 'cluster', inheritedBy: inherited.map((t) => t.name) },
      makeFix(
        'disable-unclean-cluster',
        {},
        { op: 'setClusterConfig', key: 'unclean.leader.election.enable', value: false },
      ),
    ),
  ]
}

function clusterRules(spec: SimulationSpec): Finding[] {
  const findings: Finding[] = []
  const zones = zonesOf(spec)
  const dataZones = brokerZones(spec)
  if (zones.length === 1 || dataZones.length === 1) {
    const zone = zones.length === 1 ? zones[0] : dataZones[0]
    findings.push(
      makeFinding('single-zone', 'error', 'cluster.zones', {
        zone: String(zone),
        clusterZones: zones.length,
      }),
    )
  }
  const counts = zones.map((z) => spec.cluster.brokers.filter((b) => b.zone === z).length)
  const total = spec.cluster.brokers.length
  const uneven = counts.some((n) => n !== counts[0])
  if (zones.length > 1 && (total % zones.length !== 0 || uneven)) {
    findings.push(
      makeFinding('brokers-not-multiple-of-zones', 'warning', 'cluster.brokers', {
        brokers: total,
        zones,
        counts,
      }),
    )
  }
  return findings
}

/**
 * What the chosen version changes about the layout: ZooKeeper mode is gone from 4.0 (KIP-833), and
 * ELR on 3.9 needs metadata version 4.0-IV0, not production-ready in 3.9
 * (`ReplicationControlManager.isElrEnabled`, `MetadataVersion.isElrSupported`). Layouts a version
 * cannot run at all (ZooKeeper on 4.x, ELR before 3.9) are the scenario reader's errors.
 */
function kafkaVersionRules(spec: SimulationSpec): Finding[] {
  const version = versionOf(spec)
  const rules = rulesOf(version)
  const findings: Finding[] = []
  if (spec.cluster.controller === 'zookeeper' && rules.zookeeper) {
    findings.push(makeFinding('zookeeper-removed-in-4', 'info', 'cluster.controller', { version }))
  }
  if (
    spec.cluster.controller === 'kraft' &&
    spec.cluster.config['eligible.leader.replicas.enable'] &&
    rules.elrAvailable &&
    !atLeast(version, '4.0')
  ) {
    findings.push(
      // A note on fidelity, not a risk: a real 3.9 cluster ignores the setting.
      makeFinding(
        'elr-needs-unreleased-metadata-version',
        'info',
        'cluster.config["eligible.leader.replicas.enable"]',
        { version },
        makeFix(
          'disable-elr',
          {},
          { op: 'setClusterConfig', key: 'eligible.leader.replicas.enable', value: false },
        ),
      ),
    )
  }
  return findings
}

function controlPlaneRule(spec: SimulationSpec): Finding[] {
  const controllers = spec.cluster.controllers
  const majority = Math.floor(controllers.length / 2) + 1
  for (const zone of zonesOf(spec)) {
    const here = controllers.filter((c) => c.zone === zone).length
    if (controllers.length === 0 || here < majority) continue
    return [
      makeFinding('control-plane-majority-in-one-zone', 'error', 'cluster.controllers', {
        inZone: here,
        controllers: controllers.length,
        controller: spec.cluster.controller,
        zone,
      }),
    ]
  }
  return []
}

function clientRules(spec: SimulationSpec): Finding[] {
  return spec.clients.flatMap((client, i) => [
    ...acksRule(client, i),
    ...bootstrapRules(spec, client, i),
  ])
}

function acksRule(client: ClientSpec, i: number): Finding[] {
  if (client.kind !== 'producer' || client.config.acks === -1) return []
  return [
    makeFinding(
      'acks-not-all',
      'warning',
      `clients[${i}].config.acks`,
      { client: client.id, acks: client.config.acks },
      makeFix(
        'set-acks-all',
        { client: client.id },
        { op: 'setClientConfig', client: client.id, key: 'acks', value: -1 },
      ),
    ),
  ]
}

function bootstrapRules(spec: SimulationSpec, client: ClientSpec, i: number): Finding[] {
  const servers = [...new Set(client.config['bootstrap.servers'])]
  const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  const zones = brokerZones(spec)
  const path = `clients[${i}].config["bootstrap.servers"]`
  const suggested = suggestedBootstrap(spec, servers)
  const fix = makeFix(
    'bootstrap-per-zone',
    { client: client.id },
    { op: 'setClientConfig', client: client.id, key: 'bootstrap.servers', value: suggested },
  )
  if (servers.length <= 1) {
    return [
      makeFinding(
        'bootstrap-single-broker',
        'warning',
        path,
        { client: client.id, servers },
        suggested.length > 1 ? fix : undefined,
      ),
    ]
  }
  const missing = zones.filter((z) => !servers.some((id) => zoneOf.get(id) === z))
  if (missing.length === 0) return []
  const listedZones = zones.filter((z) => !missing.includes(z))
  // Listing one zone only, a single zone loss stops the client connecting (a risk); listing two
  // or more, any single zone loss leaves one it lists (a note).
  return [
    makeFinding(
      'bootstrap-missing-zone',
      listedZones.length <= 1 ? 'warning' : 'info',
      path,
      { client: client.id, missingZones: missing, listedZones },
      fix,
    ),
  ]
}

/**
 * One broker per zone, keeping the listed ones where they cover a zone, topped up with the
 * lowest-numbered other brokers to at least min(3, brokers) entries (for one- and two-zone
 * clusters).
 */
function suggestedBootstrap(spec: SimulationSpec, servers: number[]): number[] {
  const ids = spec.cluster.brokers.map((b) => b.id).sort((a, b) => a - b)
  const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  const chosen: number[] = []
  for (const zone of zonesOf(spec)) {
    const pick =
      servers.find((id) => zoneOf.get(id) === zone) ?? ids.find((id) => zoneOf.get(id) === zone)
    if (pick !== undefined) chosen.push(pick)
  }
  for (const id of ids) {
    if (chosen.length >= Math.min(3, ids.length)) break
    if (!chosen.includes(id)) chosen.push(id)
  }
  return chosen
}
