/**
 * The best-practice advisor: static checks of a scenario against Kafka and Amazon MSK high
 * availability practice (3 zones, replication factor 3, min.insync.replicas 2, acks=all, unclean
 * election off, bootstrap servers in every zone, a control plane spread over the zones).
 *
 * Each rule is a pure function from the spec to findings. `advise` runs them all and sorts the
 * findings by severity, then path (numeric indices compared as numbers), then id, then message, so
 * the output is stable.
 */
import type { ClientSpec, SimulationSpec, TopicSpec, ZoneName } from '../engine/spec'
import { effectiveMinIsr, uncleanElectionEnabled } from '../engine/spec'
import type { Fix, ScenarioPatch } from './patch'
import { zoneAwareReassignment } from './reassignment'
import { zonesOf } from './survivability'

export { applyFix } from './patch'
export type { Fix, ScenarioPatch } from './patch'

export type Severity = 'error' | 'warning' | 'info'

export interface Finding {
  /** The rule id, e.g. `rf-1`. */
  id: string
  severity: Severity
  /** A JSON path into the scenario file, e.g. `topics[0].config["min.insync.replicas"]`. */
  path: string
  message: string
  fix?: Fix
}

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
  const rules: Rule[] = [clusterRules, controlPlaneRule, uncleanClusterRule, clientRules]
  const findings = [
    ...rules.flatMap((rule) => rule(spec)),
    ...spec.topics.flatMap((topic, i) => topicRules(spec, topic, i)),
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

function minIsrSource(spec: SimulationSpec, topic: TopicSpec): string {
  return topic.config['min.insync.replicas'] === undefined
    ? ` (inherited from the cluster's min.insync.replicas=${spec.cluster.config['min.insync.replicas']})`
    : ''
}

/** The min ISR we recommend for a replication factor: RF - 1 from RF 3 up, else 1. */
function recommendedMinIsr(rf: number): number {
  return rf >= 3 ? rf - 1 : 1
}

function setMinIsr(topic: TopicSpec, value: number): Fix {
  return {
    label: `Set min.insync.replicas to ${value} for ${topic.name}`,
    patch: { op: 'setTopicConfig', topic: topic.name, key: 'min.insync.replicas', value },
  }
}

function topicRules(spec: SimulationSpec, topic: TopicSpec, i: number): Finding[] {
  return [
    ...replicationRules(spec, topic, i),
    ...minIsrRules(spec, topic, i),
    ...zoneRules(spec, topic, i),
    ...uncleanTopicRule(topic, i),
  ]
}

function replicationRules(spec: SimulationSpec, topic: TopicSpec, i: number): Finding[] {
  const findings: Finding[] = []
  const rf = topic.replicationFactor
  const brokers = spec.cluster.brokers.length
  const minIsr = effectiveMinIsr(topic, spec.cluster.config)
  if (rf === 1) {
    const target = Math.min(3, brokers)
    findings.push({
      id: 'rf-1',
      severity: 'error',
      path: topicPath(i, '.replicationFactor'),
      message:
        `Topic "${topic.name}" has replication factor 1: each partition lives on a single broker,` +
        ' so it goes offline whenever that broker restarts, e.g. during an MSK rolling update or' +
        " patch, and losing the broker's disk loses its data.",
      ...(target > 1 ? { fix: raiseReplication(spec, topic, target, null) } : {}),
    })
  }
  if (rf === 2 && minIsr === 1) {
    findings.push({
      id: 'rf2-min-isr-1',
      severity: 'warning',
      path: topicPath(i, MIN_ISR_PATH),
      message:
        `Topic "${topic.name}" has replication factor 2 with effective min.insync.replicas 1` +
        `${minIsrSource(spec, topic)}: once the follower drops out of the ISR, acks=all writes are` +
        ' acknowledged by the leader alone, and losing its disk (or an unclean election after it' +
        ' fails) loses acknowledged data.',
      ...(brokers >= 3 ? { fix: raiseReplication(spec, topic, 3, 2) } : {}),
    })
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
    return {
      label: `Raise the replication factor of ${topic.name} to ${replicationFactor}`,
      patch: setRf,
    }
  }
  return {
    label:
      `Raise the replication factor of ${topic.name} to ${replicationFactor}` +
      ` and min.insync.replicas to ${minIsr}`,
    patch: { op: 'sequence', patches: [setRf, setMinIsr(topic, minIsr).patch] },
  }
}

function minIsrRules(spec: SimulationSpec, topic: TopicSpec, i: number): Finding[] {
  const findings: Finding[] = []
  const rf = topic.replicationFactor
  const configured = configuredMinIsr(spec, topic)
  const effective = effectiveMinIsr(topic, spec.cluster.config)
  const path = topicPath(i, MIN_ISR_PATH)
  const source = minIsrSource(spec, topic)
  if (configured > rf) {
    findings.push({
      id: 'min-isr-above-rf',
      severity: 'error',
      path,
      message:
        `Topic "${topic.name}" has min.insync.replicas ${configured}${source} above its` +
        ` replication factor ${rf}; Kafka caps the effective value at ${rf}, so the config` +
        ' overstates the durability' +
        (rf > 1 ? ' and acks=all producers fail whenever one replica is down.' : '.'),
      fix: setMinIsr(topic, recommendedMinIsr(rf)),
    })
  }
  if (rf > 1 && configured === rf) {
    findings.push({
      id: 'min-isr-equals-rf',
      severity: 'warning',
      path,
      message:
        `Topic "${topic.name}" has min.insync.replicas ${configured}${source} equal to its` +
        ' replication factor, so acks=all producers get NOT_ENOUGH_REPLICAS whenever any one' +
        ' replica is down, e.g. while a broker is being patched.',
      fix: setMinIsr(topic, rf - 1),
    })
  }
  if (rf >= 3 && effective === 1) {
    findings.push({
      id: 'min-isr-1-recommended-2',
      severity: 'info',
      path,
      message:
        `Topic "${topic.name}" has replication factor ${rf} but min.insync.replicas 1${source}, so` +
        ' an acks=all write can be acknowledged by one replica alone; min.insync.replicas 2 keeps' +
        ' a second copy of every acknowledged write and still tolerates a broker being down.',
      fix: setMinIsr(topic, 2),
    })
  }
  return findings
}

/** The zones that have brokers, in `zonesOf` order. */
function brokerZones(spec: SimulationSpec): ZoneName[] {
  const used = new Set(spec.cluster.brokers.map((b) => b.zone))
  return zonesOf(spec).filter((z) => used.has(z))
}

function zoneRules(spec: SimulationSpec, topic: TopicSpec, i: number): Finding[] {
  const zones = brokerZones(spec)
  if (zones.length < 2) return []
  return [...rfAboveZonesRule(spec, topic, i, zones), ...sharedZoneRule(spec, topic, i, zones)]
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
  const minIsr = effectiveMinIsr(topic, spec.cluster.config)
  return [
    {
      id: 'rf-above-zones',
      severity: 'warning',
      path: topicPath(i, '.replicationFactor'),
      message:
        `Topic "${topic.name}" has replication factor ${rf} on ${zones.length} zones, so some zone` +
        ` holds ${perZone} replicas of a partition and losing it leaves ${left}` +
        (left < minIsr
          ? `, below min.insync.replicas ${minIsr}: acks=all producers then get NOT_ENOUGH_REPLICAS.`
          : '.'),
    },
  ]
}

/**
 * A partition with two replicas in one zone while a zone with brokers holds none could have
 * survived that zone's loss with one more copy; Kafka's rack-aware placement avoids it.
 */
function sharedZoneRule(
  spec: SimulationSpec,
  topic: TopicSpec,
  i: number,
  zones: ZoneName[],
): Finding[] {
  const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  const examples: string[] = []
  let shared = 0
  for (let p = 0; p < topic.partitions; p++) {
    const byZone = new Map<ZoneName, number[]>(zones.map((z) => [z, []]))
    for (const id of new Set(topic.assignment[p] ?? [])) byZone.get(zoneOf.get(id) ?? '')?.push(id)
    const crowded = zones.find((z) => byZone.get(z)!.length >= 2)
    if (crowded === undefined || !zones.some((z) => byZone.get(z)!.length === 0)) continue
    shared++
    if (examples.length < SHARED_ZONE_EXAMPLES) {
      const ids = byZone.get(crowded)!.map(String)
      examples.push(`${topic.name}-${p} has brokers ${listWords(ids)} in ${crowded}`)
    }
  }
  if (shared === 0) return []
  const canReassign = topic.replicationFactor <= spec.cluster.brokers.length
  return [
    {
      id: 'replicas-share-zone',
      severity: 'warning',
      path: topicPath(i, '.assignment'),
      message:
        `${shared} of ${topic.partitions} partitions of "${topic.name}" keep two replicas in one` +
        ` zone while another zone has none (e.g. ${examples.join('; ')}), so losing that zone` +
        ' removes two copies at once; a broker.rack-aware reassignment spreads them.',
      ...(canReassign
        ? {
            fix: {
              label: `Reassign ${topic.name} so each partition's replicas sit in distinct zones`,
              patch: {
                op: 'reassign',
                topic: topic.name,
                assignment: zoneAwareReassignment(spec, topic.name),
              },
            },
          }
        : {}),
    },
  ]
}

function uncleanTopicRule(topic: TopicSpec, i: number): Finding[] {
  if (topic.config['unclean.leader.election.enable'] !== true) return []
  return [
    {
      id: 'unclean-election-enabled',
      severity: 'warning',
      path: topicPath(i, '.config["unclean.leader.election.enable"]'),
      message:
        `Topic "${topic.name}" sets unclean.leader.election.enable=true: when every in-sync` +
        ' replica is lost, an out-of-sync replica becomes leader and acknowledged records are' +
        ' truncated away.',
      fix: {
        label: `Disable unclean leader election for ${topic.name}`,
        patch: {
          op: 'setTopicConfig',
          topic: topic.name,
          key: 'unclean.leader.election.enable',
          value: false,
        },
      },
    },
  ]
}

function uncleanClusterRule(spec: SimulationSpec): Finding[] {
  if (!spec.cluster.config['unclean.leader.election.enable']) return []
  const affected = spec.topics.filter((t) => uncleanElectionEnabled(t, spec.cluster.config))
  const inherited = affected.filter((t) => t.config['unclean.leader.election.enable'] === undefined)
  return [
    {
      id: 'unclean-election-enabled',
      severity: 'warning',
      path: 'cluster.config["unclean.leader.election.enable"]',
      message:
        'The cluster sets unclean.leader.election.enable=true' +
        (inherited.length > 0
          ? ` (inherited by ${listWords(inherited.map((t) => `"${t.name}"`))})`
          : '') +
        ': when every in-sync replica is lost, an out-of-sync replica becomes leader and' +
        ' acknowledged records are truncated away.',
      fix: {
        label: 'Disable unclean leader election for the cluster',
        patch: { op: 'setClusterConfig', key: 'unclean.leader.election.enable', value: false },
      },
    },
  ]
}

function clusterRules(spec: SimulationSpec): Finding[] {
  const findings: Finding[] = []
  const zones = zonesOf(spec)
  const dataZones = brokerZones(spec)
  if (zones.length === 1 || dataZones.length === 1) {
    const where =
      zones.length === 1
        ? `The cluster has one zone (${zones[0]})`
        : `Every broker is in ${dataZones[0]}`
    findings.push({
      id: 'single-zone',
      severity: 'error',
      path: 'cluster.zones',
      message:
        `${where}, so losing that zone takes every broker down; MSK clusters span 2 or 3` +
        ' Availability Zones, with broker.rack set to the AZ ID.',
    })
  }
  const counts = zones.map((z) => spec.cluster.brokers.filter((b) => b.zone === z).length)
  const total = spec.cluster.brokers.length
  const uneven = counts.some((n) => n !== counts[0])
  if (zones.length > 1 && (total % zones.length !== 0 || uneven)) {
    const perZone = zones.map((z, k) => `${z}: ${counts[k]}`).join(', ')
    findings.push({
      id: 'brokers-not-multiple-of-zones',
      severity: 'warning',
      path: 'cluster.brokers',
      message:
        `The ${total} brokers are spread unevenly over ${zones.length} zones (${perZone});` +
        ' MSK requires the same number of brokers in each zone, and a larger zone takes more' +
        ' replicas and leaders down when it fails.',
    })
  }
  return findings
}

function controlPlaneRule(spec: SimulationSpec): Finding[] {
  const controllers = spec.cluster.controllers
  const majority = Math.floor(controllers.length / 2) + 1
  const nodes =
    spec.cluster.controller === 'kraft' ? 'KRaft controller quorum voters' : 'ZooKeeper nodes'
  for (const zone of zonesOf(spec)) {
    const here = controllers.filter((c) => c.zone === zone).length
    if (controllers.length === 0 || here < majority) continue
    return [
      {
        id: 'control-plane-majority-in-one-zone',
        severity: 'error',
        path: 'cluster.controllers',
        message:
          `${here} of ${controllers.length} ${nodes} are in ${zone}, a majority: losing that zone` +
          ' leaves no quorum, which stops all leader elections. Place one controller per zone' +
          ' (3 nodes over 3 zones).',
      },
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
  const risk =
    client.config.acks === 0
      ? 'the producer gets no acknowledgement at all, so any broker failure can silently lose records'
      : 'the leader acknowledges before any follower has the record and min.insync.replicas is' +
        ' not enforced, so a leader failure can lose acknowledged writes even with clean elections'
  return [
    {
      id: 'acks-not-all',
      severity: 'warning',
      path: `clients[${i}].config.acks`,
      message: `Producer "${client.id}" uses acks=${client.config.acks}: ${risk}.`,
      fix: {
        label: `Set acks=all for ${client.id}`,
        patch: { op: 'setClientConfig', client: client.id, key: 'acks', value: -1 },
      },
    },
  ]
}

function bootstrapRules(spec: SimulationSpec, client: ClientSpec, i: number): Finding[] {
  const servers = [...new Set(client.config['bootstrap.servers'])]
  const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  const zones = brokerZones(spec)
  const path = `clients[${i}].config["bootstrap.servers"]`
  const suggested = suggestedBootstrap(spec, servers)
  const fix: Fix = {
    label: `List one broker per zone in bootstrap.servers of ${client.id}`,
    patch: { op: 'setClientConfig', client: client.id, key: 'bootstrap.servers', value: suggested },
  }
  if (servers.length <= 1) {
    const listed = servers.length === 0 ? 'no broker' : `only broker ${servers[0]}`
    return [
      {
        id: 'bootstrap-single-broker',
        severity: 'warning',
        path,
        message:
          `Client "${client.id}" lists ${listed} in bootstrap.servers: if that broker is down when` +
          ' the client starts or restarts, it cannot connect at all. List at least one broker per' +
          ' zone.',
        ...(suggested.length > 1 ? { fix } : {}),
      },
    ]
  }
  const missing = zones.filter((z) => !servers.some((id) => zoneOf.get(id) === z))
  if (missing.length === 0) return []
  return [
    {
      id: 'bootstrap-missing-zone',
      severity: 'info',
      path,
      message:
        `Client "${client.id}" has no broker from ${listWords(missing)} in bootstrap.servers; if` +
        ' the zones it does list are down when it starts, it cannot connect. List one broker per' +
        ' zone.',
      fix,
    },
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

/** "a", "a and b", "a, b and c". */
function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
