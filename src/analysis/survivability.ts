/**
 * The survivability matrix: what each broker, zone, broker pair and zone-plus-broker failure does
 * to every partition, computed statically from the replica assignment (no simulation run).
 *
 * The per-partition rules follow Kafka's clean leader election (ZK `offlinePartitionLeaderElection`
 * in `PartitionStateMachine.scala`, KRaft `PartitionChangeBuilder.electLeader`): a new leader must
 * be a live ISR member, or a live out-of-sync replica when the topic's
 * `unclean.leader.election.enable` is true. The acks=all rule is `Partition.appendRecordsToLeader`:
 * a leader whose ISR is smaller than min(min.insync.replicas, replication factor) rejects the write
 * with NOT_ENOUGH_REPLICAS.
 *
 * Performance: a failure touches only the partitions hosted by the failed brokers. We precompute
 * each partition's outcome with nothing failed, keep per-broker partition lists, and for each row
 * re-evaluate only the touched partitions and add the difference to the baseline counts. A
 * 90-broker, 10,000-partition cluster (about 4,300 rows) takes well under a second in Node.
 */
import type { BrokerId, ControllerNodeId, SimulationSpec, ZoneName } from '../engine/spec'
import type { CapacityLayer, RowCapacity } from './capacity'
import type { BrokerIndex, PartitionTable } from './partition-table'
import {
  buildPartitionTable,
  downArray,
  IN_ELR,
  IN_ISR,
  indexBrokers,
  roundRatio,
} from './partition-table'
import { createCapacityEvaluator } from './capacity'

export type FailureKind = 'broker' | 'zone' | 'brokers' | 'zone+broker'

export interface FailureOutcome {
  kind: FailureKind
  /** "broker 3", "use1-az1", "brokers 1+4", "use1-az1 + broker 5". */
  name: string
  /** The failed brokers, sorted by id. */
  brokers: BrokerId[]
  /** The failed controller nodes (KRaft voters or ZooKeeper nodes), sorted by id. */
  controllers: ControllerNodeId[]
  /** Partitions left without a leader: no surviving replica, or (clean election only) no ISR. */
  offlinePartitions: number
  /** Partitions that get a leader but whose ISR is below the effective min ISR (acks=all fails). */
  unwritablePartitions: number
  /** Partitions with exactly one surviving replica. */
  singleCopyPartitions: number
  /** Partitions with surviving replicas but no surviving in-sync replica. */
  uncleanElectionRequired: number
  /** True when the surviving controller nodes are no majority of all of them. */
  controlPlaneLost: boolean
  /**
   * The busiest surviving broker's utilisation after leaderships and traffic move, as a ratio (1
   * is its limit; analysis/capacity.ts). Null when the cluster names no broker type.
   */
  peakBrokerUtilisation: number | null
  /** Surviving brokers above 1. Null when the cluster names no broker type. */
  overloadedBrokers: number | null
}

export interface SurvivabilityReport {
  assumption: string
  failures: FailureOutcome[]
}

// Outcome bits of one partition under one failure (also read by survivability-detail.ts).
export const OFFLINE = 1
export const UNWRITABLE = 2
export const SINGLE_COPY = 4
export const UNCLEAN_REQUIRED = 8

/** Builds the survivability matrix; see the module comment and `assumption` for the model. */
export function survivabilityMatrix(spec: SimulationSpec): SurvivabilityReport {
  const index = indexBrokers(spec)
  const table = buildPartitionTable(spec, index)
  const evaluator = createEvaluator(table, index)
  const capacity = createCapacityEvaluator(spec, table, index)
  const zones = zonesOf(spec)
  const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  const brokersInZone = new Map<ZoneName, BrokerId[]>(zones.map((z) => [z, []]))
  for (const id of index.ids) brokersInZone.get(zoneOf.get(id)!)?.push(id)
  const controllerTotal = spec.cluster.controllers.length

  const row = (
    kind: FailureKind,
    name: string,
    brokers: BrokerId[],
    controllers: ControllerNodeId[],
    counts: Counts,
    load: RowCapacity | null,
  ): FailureOutcome => ({
    kind,
    name,
    brokers,
    controllers,
    offlinePartitions: counts.offline,
    unwritablePartitions: counts.unwritable,
    singleCopyPartitions: counts.singleCopy,
    uncleanElectionRequired: counts.uncleanRequired,
    controlPlaneLost: 2 * (controllerTotal - controllers.length) <= controllerTotal,
    peakBrokerUtilisation: load === null ? null : roundRatio(load.peak),
    overloadedBrokers: load === null ? null : load.overloaded,
  })
  const loadWith = (parent: CapacityLayer | null, failed: BrokerId[]) =>
    capacity === null || parent === null ? null : capacity.row(parent, failed)
  const capacityBase = capacity?.baseline ?? null

  const { baseline } = evaluator
  const failures: FailureOutcome[] = []
  for (const id of index.ids) {
    const counts = evaluator.countsWith(baseline, [id])
    failures.push(row('broker', `broker ${id}`, [id], [], counts, loadWith(capacityBase, [id])))
  }
  for (const zone of zones) {
    const brokers = brokersInZone.get(zone) ?? []
    const counts = evaluator.countsWith(baseline, brokers)
    const load = loadWith(capacityBase, brokers)
    failures.push(row('zone', zone, brokers, controllersIn(spec, zone), counts, load))
  }
  for (let i = 0; i < index.ids.length; i++) {
    for (let j = i + 1; j < index.ids.length; j++) {
      const a = index.ids[i]!
      const b = index.ids[j]!
      const counts = evaluator.countsWith(baseline, [a, b])
      const load = loadWith(capacityBase, [a, b])
      failures.push(row('brokers', `brokers ${a}+${b}`, [a, b], [], counts, load))
    }
  }
  // Each zone failure becomes a layer, so a zone-plus-broker row re-evaluates only the extra
  // broker's partitions.
  for (const zone of zones) {
    const inZone = brokersInZone.get(zone) ?? []
    const controllers = controllersIn(spec, zone)
    const layer = evaluator.layer(baseline, inZone)
    const capacityLayer = capacity === null ? null : capacity.layer(capacity.baseline, inZone)
    for (const id of index.ids) {
      if (zoneOf.get(id) === zone) continue
      const brokers = [...inZone, id].sort((x, y) => x - y)
      const counts = evaluator.countsWith(layer, [id])
      const load = loadWith(capacityLayer, [id])
      failures.push(
        row('zone+broker', `${zone} + broker ${id}`, brokers, controllers, counts, load),
      )
    }
    evaluator.release(inZone)
    capacity?.release(inZone)
  }
  return { assumption: assumptionText(spec), failures }
}

/** The modelling assumptions, in words, for the report. */
export function assumptionText(spec: SimulationSpec): string {
  const parts = [
    'Replicas in sync before the failure unless the scenario carries an ISR (imported clusters);' +
      ' the listed brokers fail at once and partitions are counted right after the failure,' +
      ' before out-of-sync survivors catch up.',
    'Offline means no leader can be elected: no surviving replica, or no surviving in-sync' +
      ' replica while unclean.leader.election.enable is false; a partition that needs an unclean' +
      ' election counts as offline only when its topic keeps unclean election disabled.',
    'Unwritable means a leader exists but the ISR is below min(min.insync.replicas, replication' +
      ' factor), so acks=all producers get NOT_ENOUGH_REPLICAS (after an unclean election the ISR' +
      ' is the new leader alone). Single copy means exactly one replica survives, which always' +
      ' holds for replication factor 1.',
    'Controller nodes fail only with their zone; the control plane is lost when the survivors are' +
      ' no majority, and then no leader elections happen at all, so partitions led by a failed' +
      ' broker also stay leaderless until the quorum returns (not included in the offline count).',
  ]
  if (spec.cluster.controller === 'zookeeper') {
    parts.push(
      'In ZooKeeper mode the controller nodes are the ZooKeeper ensemble; the active controller' +
        ' is a broker, and its role fails over to a surviving broker.',
    )
  }
  return parts.join(' ')
}

/** The outcome bits of partition p when the brokers with `down[b] === 1` have failed. */
export function partitionOutcome(table: PartitionTable, p: number, down: Uint8Array): number {
  let surviving = 0
  let survivingIsr = 0
  let survivingElr = 0
  const end = table.start[p + 1]!
  for (let s = table.start[p]!; s < end; s++) {
    if (down[table.replica[s]!] === 1) continue
    surviving++
    const eligibility = table.eligibility[s]
    if (eligibility === IN_ISR) survivingIsr++
    else if (eligibility === IN_ELR) survivingElr++
  }
  let outcome = surviving === 1 ? SINGLE_COPY : 0
  if (surviving === 0) return outcome | OFFLINE
  // KIP-966: with no ISR member left, an ELR member is elected cleanly and becomes the ISR.
  if (survivingIsr === 0 && survivingElr > 0) survivingIsr = 1
  if (survivingIsr === 0) {
    outcome |= UNCLEAN_REQUIRED
    if (table.unclean[p] === 0) return outcome | OFFLINE
    // An unclean election sets the ISR to the new leader alone.
    survivingIsr = 1
  }
  if (survivingIsr < table.minIsr[p]!) outcome |= UNWRITABLE
  return outcome
}

interface Counts {
  offline: number
  unwritable: number
  singleCopy: number
  uncleanRequired: number
}

function addOutcome(counts: Counts, outcome: number, sign: number): void {
  if (outcome & OFFLINE) counts.offline += sign
  if (outcome & UNWRITABLE) counts.unwritable += sign
  if (outcome & SINGLE_COPY) counts.singleCopy += sign
  if (outcome & UNCLEAN_REQUIRED) counts.uncleanRequired += sign
}

/** The outcome of every partition under some failure, with its counts. */
interface Layer {
  outcomes: Uint8Array
  counts: Counts
}

interface Evaluator {
  /** Nothing failed (beyond brokers missing from the cluster). */
  baseline: Layer
  /**
   * The counts when `failed` also fail on top of `parent`'s failures (which must not include them);
   * unmarks `failed` afterwards.
   */
  countsWith(parent: Layer, failed: BrokerId[]): Counts
  /** Marks `failed` as down until `release`, and returns the layer with them failed. */
  layer(parent: Layer, failed: BrokerId[]): Layer
  release(failed: BrokerId[]): void
}

/**
 * Evaluates failures incrementally: one shared `down` array and a visit-stamp array, so each
 * evaluation costs only the partitions hosted by the newly failed brokers.
 */
function createEvaluator(table: PartitionTable, index: BrokerIndex): Evaluator {
  const down = downArray(index)
  const baseline: Layer = {
    outcomes: new Uint8Array(table.count),
    counts: { offline: 0, unwritable: 0, singleCopy: 0, uncleanRequired: 0 },
  }
  for (let p = 0; p < table.count; p++) {
    const outcome = partitionOutcome(table, p, down)
    baseline.outcomes[p] = outcome
    addOutcome(baseline.counts, outcome, 1)
  }
  const visited = new Int32Array(table.count)
  let stamp = 0
  const indices = (ids: BrokerId[]) => ids.map((id) => index.indexOf.get(id)!)

  /** Visits each partition touched by `failed` once, with `failed` marked down. */
  const visit = (failed: number[], each: (p: number, outcome: number) => void) => {
    stamp++
    for (const b of failed) down[b] = 1
    for (const b of failed) {
      const partitions = table.partitionsOfBroker[b]!
      for (let k = 0; k < partitions.length; k++) {
        const p = partitions[k]!
        if (visited[p] === stamp) continue
        visited[p] = stamp
        each(p, partitionOutcome(table, p, down))
      }
    }
  }

  return {
    baseline,
    countsWith(parent, failed) {
      const counts = { ...parent.counts }
      const failedIndices = indices(failed)
      visit(failedIndices, (p, outcome) => {
        const before = parent.outcomes[p]!
        if (outcome === before) return
        addOutcome(counts, before, -1)
        addOutcome(counts, outcome, 1)
      })
      for (const b of failedIndices) down[b] = 0
      return counts
    },
    layer(parent, failed) {
      const layer: Layer = { outcomes: parent.outcomes.slice(), counts: { ...parent.counts } }
      visit(indices(failed), (p, outcome) => {
        const before = layer.outcomes[p]!
        if (outcome === before) return
        addOutcome(layer.counts, before, -1)
        addOutcome(layer.counts, outcome, 1)
        layer.outcomes[p] = outcome
      })
      return layer
    },
    release(failed) {
      for (const b of indices(failed)) down[b] = 0
    },
  }
}

/** The cluster's zones in declared order, then any zone only a broker or controller names. */
export function zonesOf(spec: SimulationSpec): ZoneName[] {
  const declared = new Set(spec.cluster.zones)
  const extra = new Set<ZoneName>()
  for (const node of [...spec.cluster.brokers, ...spec.cluster.controllers]) {
    if (!declared.has(node.zone)) extra.add(node.zone)
  }
  return [...declared, ...[...extra].sort()]
}

function controllersIn(spec: SimulationSpec, zone: ZoneName): ControllerNodeId[] {
  return spec.cluster.controllers
    .filter((c) => c.zone === zone)
    .map((c) => c.id)
    .sort((a, b) => a - b)
}
