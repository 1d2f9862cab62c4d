/**
 * Zone-aware replica reassignment, and its `kafka-reassign-partitions` JSON.
 *
 * Kafka's own rack-aware placement (`AdminUtils.assignReplicasToBrokers`, KRaft
 * `StripedReplicaPlacer`) is random-offset and ignores the current assignment. For a design review
 * we want a deterministic plan that moves as little data as possible, so this is our own greedy
 * placer, not Kafka's:
 *
 * 1. Per partition, decide how many replicas each zone gets: spread them as evenly as the zones'
 *    broker counts allow (distinct zones whenever RF <= zones), preferring zones that already
 *    hold the partition's replicas, then the less loaded zones.
 * 2. Pick the preferred leader (replicas[0]): a current replica while its broker leads fewer than
 *    an even share of partitions, else the broker with the fewest leaderships.
 * 3. Keep the other current replicas that fit their zone's share, unless their broker already
 *    holds more than an even share of replicas; fill the rest of each zone's share with the zone's
 *    least-loaded brokers.
 *
 * "Even share" and "least loaded" count this topic's replicas and leaderships first, so a fix
 * touching one topic does not move its well-placed partitions to even out other topics; ties go
 * to the brokers with the least load over the whole cluster (the other topics' current
 * assignments plus this plan).
 */
import type { BrokerId, SimulationSpec, TopicSpec } from '../engine/spec'
import { zonesOf } from './survivability'

/**
 * The planner's state. Brokers and zones are numbered by index (brokers sorted by id, zones in
 * `zonesOf` order, keeping only zones with brokers) so the per-partition work is array lookups.
 */
interface Plan {
  rf: number
  ids: BrokerId[]
  zoneOfBroker: Int32Array
  brokersOfZone: number[][]
  /** This topic's replicas and preferred leaderships per broker, as planned so far. */
  topicReplicas: Int32Array
  topicLeaders: Int32Array
  /** The whole cluster's: the other topics' current assignments plus this plan so far. */
  replicas: Int32Array
  leaders: Int32Array
  /** This topic's even share of replicas per broker, rounded up. */
  replicaTarget: number
  /** This topic's even share of preferred leaderships per broker, rounded up. */
  leaderTarget: number
}

/**
 * A zone-aware assignment for `topicName` with `replicationFactor` replicas per partition
 * (default: the topic's own). Throws if the topic is unknown or the factor exceeds the brokers.
 *
 * @example
 * const assignment = zoneAwareReassignment(spec, 'orders')
 * // assignment[p] lists partition p's replicas; assignment[p][0] is the preferred leader.
 */
export function zoneAwareReassignment(
  spec: SimulationSpec,
  topicName: string,
  replicationFactor?: number,
): number[][] {
  const topic = spec.topics.find((t) => t.name === topicName)
  if (topic === undefined) throw new Error(`Unknown topic "${topicName}"`)
  const rf = replicationFactor ?? topic.replicationFactor
  const brokerCount = spec.cluster.brokers.length
  if (!Number.isInteger(rf) || rf < 1 || rf > brokerCount) {
    throw new RangeError(
      `Replication factor ${rf} for "${topicName}" needs 1 to ${brokerCount} brokers`,
    )
  }
  const plan = createPlan(spec, topic, rf)
  const indexOf = new Map(plan.ids.map((id, b) => [id, b]))
  return Array.from({ length: topic.partitions }, (_, p) => {
    const current: number[] = []
    for (const id of topic.assignment[p] ?? []) {
      const b = indexOf.get(id)
      if (b !== undefined && !current.includes(b)) current.push(b)
    }
    const replicas = planPartition(plan, current)
    for (const b of replicas) {
      plan.topicReplicas[b]!++
      plan.replicas[b]!++
    }
    plan.topicLeaders[replicas[0]!]!++
    plan.leaders[replicas[0]!]!++
    return replicas.map((b) => plan.ids[b]!)
  })
}

/**
 * A `kafka-reassign-partitions --execute` JSON document that moves `topics` (default: every topic)
 * to the zone-aware assignment. Topics are planned in order, each seeing the previous plans'
 * load, and every partition of each topic is listed, like `--generate`'s proposed configuration.
 *
 * @example
 * writeFileSync('reassign.json', reassignmentJson(spec, ['orders']))
 * // kafka-reassign-partitions --bootstrap-server ... --reassignment-json-file reassign.json --execute
 */
export function reassignmentJson(spec: SimulationSpec, topics?: string[]): string {
  const names = topics ?? spec.topics.map((t) => t.name)
  let planned = spec
  const partitions: { topic: string; partition: number; replicas: number[]; log_dirs: string[] }[] =
    []
  for (const name of names) {
    const assignment = zoneAwareReassignment(planned, name)
    planned = {
      ...planned,
      topics: planned.topics.map((t) => (t.name === name ? { ...t, assignment } : t)),
    }
    assignment.forEach((replicas, partition) => {
      partitions.push({ topic: name, partition, replicas, log_dirs: replicas.map(() => 'any') })
    })
  }
  return JSON.stringify({ version: 1, partitions })
}

function createPlan(spec: SimulationSpec, topic: TopicSpec, rf: number): Plan {
  const ids = spec.cluster.brokers.map((b) => b.id).sort((a, b) => a - b)
  const indexOf = new Map(ids.map((id, b) => [id, b]))
  const zoneOfId = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  const zones = zonesOf(spec).filter((z) => ids.some((id) => zoneOfId.get(id) === z))
  const zoneOfBroker = Int32Array.from(ids, (id) => zones.indexOf(zoneOfId.get(id)!))
  const replicas = new Int32Array(ids.length)
  const leaders = new Int32Array(ids.length)
  for (const other of spec.topics) {
    if (other.name === topic.name) continue
    for (const assigned of other.assignment) {
      assigned.forEach((id, j) => {
        const b = indexOf.get(id)
        if (b === undefined) return
        replicas[b]!++
        if (j === 0) leaders[b]!++
      })
    }
  }
  return {
    rf,
    ids,
    zoneOfBroker,
    brokersOfZone: zones.map((_, z) => ids.flatMap((_, b) => (zoneOfBroker[b] === z ? [b] : []))),
    topicReplicas: new Int32Array(ids.length),
    topicLeaders: new Int32Array(ids.length),
    replicas,
    leaders,
    replicaTarget: Math.ceil((topic.partitions * rf) / ids.length),
    leaderTarget: Math.ceil(topic.partitions / ids.length),
  }
}

/** One partition's new replica list (broker indices), preferred leader first. */
function planPartition(plan: Plan, current: number[]): number[] {
  const quota = zoneQuotas(plan, current)
  const keepable = current.filter((b) => quota[plan.zoneOfBroker[b]!]! > 0 && worthKeeping(plan, b))
  const leader = pickLeader(plan, keepable, quota)
  const chosen = [leader]
  const taken = new Int32Array(quota.length)
  taken[plan.zoneOfBroker[leader]!] = 1
  for (const b of keepable) {
    const z = plan.zoneOfBroker[b]!
    if (b === leader || taken[z]! >= quota[z]!) continue
    chosen.push(b)
    taken[z]!++
  }
  for (let z = 0; z < quota.length; z++) {
    for (let n = taken[z]!; n < quota[z]!; n++) {
      chosen.push(leastLoaded(plan, plan.brokersOfZone[z]!, chosen))
    }
  }
  return chosen
}

/**
 * Water-fills `rf` replicas over the zones, one at a time into the emptiest zone with a free
 * broker; ties go to a zone that already holds more of the partition's replicas, then to the
 * zone with the lower load per broker (this topic's, then the cluster's).
 */
function zoneQuotas(plan: Plan, current: number[]): Int32Array {
  const zoneCount = plan.brokersOfZone.length
  const quota = new Int32Array(zoneCount)
  const held = new Int32Array(zoneCount)
  const topicLoad = new Int32Array(zoneCount)
  const clusterLoad = new Int32Array(zoneCount)
  for (const b of current) held[plan.zoneOfBroker[b]!]!++
  for (let b = 0; b < plan.ids.length; b++) {
    topicLoad[plan.zoneOfBroker[b]!]! += plan.topicReplicas[b]!
    clusterLoad[plan.zoneOfBroker[b]!]! += plan.replicas[b]!
  }
  const size = (z: number) => plan.brokersOfZone[z]!.length
  // Load per broker, compared by cross-multiplying to stay in integers.
  const lighter = (load: Int32Array, a: number, c: number) =>
    load[a]! * size(c) - load[c]! * size(a)
  for (let n = 0; n < plan.rf; n++) {
    let best = -1
    for (let z = 0; z < zoneCount; z++) {
      if (quota[z]! >= size(z)) continue
      const order =
        best < 0
          ? -1
          : quota[z]! - quota[best]! ||
            Number(held[best]! > quota[best]!) - Number(held[z]! > quota[z]!) ||
            lighter(topicLoad, z, best) ||
            lighter(clusterLoad, z, best)
      if (order < 0) best = z
    }
    quota[best]!++
  }
  return quota
}

/**
 * Keeping a current replica saves moving data, but keeping every one would pile replicas on the
 * brokers that already hold them. Keep it while its broker holds less than the topic's even share
 * of replicas, or when no broker in its zone holds fewer.
 */
function worthKeeping(plan: Plan, b: number): boolean {
  const n = plan.topicReplicas[b]!
  if (n < plan.replicaTarget) return true
  return plan.brokersOfZone[plan.zoneOfBroker[b]!]!.every(
    (other) => plan.topicReplicas[other]! >= n,
  )
}

/**
 * The preferred leader: the kept replica with the fewest leaderships (the current leader on ties)
 * while it leads less than the topic's even share; otherwise the broker with the fewest
 * leaderships in a zone that gets a replica, so data moves only to even out leadership.
 */
function pickLeader(plan: Plan, keepable: number[], quota: Int32Array): number {
  const leaders = plan.topicLeaders
  let kept = -1
  for (const b of keepable) if (kept < 0 || leaders[b]! < leaders[kept]!) kept = b
  if (kept >= 0 && leaders[kept]! < plan.leaderTarget) return kept
  let best = -1
  for (let b = 0; b < plan.ids.length; b++) {
    if (quota[plan.zoneOfBroker[b]!] === 0) continue
    if (best < 0 || compareBrokers(plan, b, best, true) < 0) best = b
  }
  return kept >= 0 && leaders[kept]! <= leaders[best]! ? kept : best
}

function leastLoaded(plan: Plan, candidates: number[], chosen: number[]): number {
  let best = -1
  for (const b of candidates) {
    if (chosen.includes(b)) continue
    if (best < 0 || compareBrokers(plan, b, best, false) < 0) best = b
  }
  return best
}

/** Orders brokers by load: this topic's first, then the cluster's; leaderships or replicas first. */
function compareBrokers(plan: Plan, a: number, b: number, leadersFirst: boolean): number {
  const leaders =
    plan.topicLeaders[a]! - plan.topicLeaders[b]! || plan.leaders[a]! - plan.leaders[b]!
  const replicas =
    plan.topicReplicas[a]! - plan.topicReplicas[b]! || plan.replicas[a]! - plan.replicas[b]!
  return leadersFirst ? leaders || replicas : replicas || leaders
}
