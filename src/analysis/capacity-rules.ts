/**
 * The advisor's capacity rules (docs/capacity.md): headroom for losing a zone, AWS's 60% CPU rule,
 * partitions per broker against the type's published figures, volume writes against the
 * volume's throughput, and the settings Express brokers fix. Each runs on the static model of
 * `capacity.ts`; none runs without `cluster.brokerType`.
 */
import type { BrokerTypeName, MskBrokerType } from '../engine/capacity/broker-type-names'
import {
  EXPRESS_BROKER_TYPES,
  EXPRESS_FIXED,
  isExpressBrokerType,
  STANDARD_BROKER_TYPES,
} from '../engine/capacity/broker-type-names'
import {
  brokerTypeFigures,
  CPU_TARGET,
  DEFAULT_VOLUME_MIBPS,
} from '../engine/capacity/broker-types'
import type { CapacityLimits } from '../engine/capacity/model'
import { capacityLimits } from '../engine/capacity/model'
import type { BrokerId, SimulationSpec } from '../engine/spec'
import { configuredMinIsr, uncleanElectionEnabled } from '../engine/spec'
import type { CapacityEvaluator } from './capacity'
import { createCapacityEvaluator } from './capacity'
import { disableUncleanTopic, setMinIsr } from './topic-fixes'
import type { Finding, Fix } from './finding-messages'
import { makeFinding, makeFix } from './finding-messages'
import { buildPartitionTable, indexBrokers, roundRatio } from './partition-table'
import { zonesOf } from './survivability'

/** Leave this much of the volume's throughput for catch-up and reassignment traffic. */
export const VOLUME_WARNING_RATIO = 0.8

export function capacityRules(spec: SimulationSpec): Finding[] {
  const type = spec.cluster.brokerType
  if (type === undefined) return []
  const findings = expressRules(spec)
  const model = buildModel(spec)
  if (model === null) return findings
  return [
    ...findings,
    ...headroomRule(spec, model),
    ...cpuRule(spec, model),
    ...partitionsRule(spec, model),
    ...volumeRule(spec, model),
  ]
}

interface Model {
  evaluator: CapacityEvaluator
  /** Re-evaluates the same layout on other limits (for "which type would fit"). */
  withLimits(limits: CapacityLimits): CapacityEvaluator
  zones: { zone: string; brokers: BrokerId[] }[]
  partitionsOf: Map<BrokerId, number>
}

function buildModel(spec: SimulationSpec): Model | null {
  const index = indexBrokers(spec)
  const table = buildPartitionTable(spec, index)
  const evaluator = createCapacityEvaluator(spec, table, index)
  if (evaluator === null) return null
  const zones = zonesOf(spec)
    .map((zone) => ({
      zone,
      brokers: spec.cluster.brokers
        .filter((b) => b.zone === zone)
        .map((b) => b.id)
        .sort((a, b) => a - b),
    }))
    .filter((z) => z.brokers.length > 0)
  const partitionsOf = new Map(
    index.ids.map((id, b) => [id, table.partitionsOfBroker[b]!.length] as const),
  )
  return {
    evaluator,
    withLimits: (limits) => createCapacityEvaluator(spec, table, index, limits)!,
    zones,
    partitionsOf,
  }
}

/** The larger sizes of the same line, smallest first (t3.small grows into the m7g line). */
function largerTypes(type: BrokerTypeName): MskBrokerType[] {
  if (type === 'custom') return []
  if (isExpressBrokerType(type))
    return EXPRESS_BROKER_TYPES.slice(EXPRESS_BROKER_TYPES.indexOf(type) + 1)
  const line = type === 'kafka.t3.small' ? 'kafka.m7g.' : type.slice(0, type.lastIndexOf('.') + 1)
  const sizes = STANDARD_BROKER_TYPES.filter((t) => t.startsWith(line))
  return type === 'kafka.t3.small' ? sizes : sizes.slice(sizes.indexOf(type) + 1)
}

/** The smallest larger type of the line for which `fits` holds, or null. */
function firstFitting(
  spec: SimulationSpec,
  model: Model,
  fits: (evaluator: CapacityEvaluator) => boolean,
): MskBrokerType | null {
  for (const candidate of largerTypes(spec.cluster.brokerType!)) {
    const limits = capacityLimits({ ...spec.cluster, brokerType: candidate })
    if (limits !== null && fits(model.withLimits(limits))) return candidate
  }
  return null
}

function setBrokerType(spec: SimulationSpec, brokerType: MskBrokerType): Fix {
  return makeFix('set-broker-type', { brokerType }, { op: 'setBrokerType', brokerType })
}

/** The worst zone loss: its busiest survivor's utilisation. */
function worstZoneLoss(model: Model, evaluator: CapacityEvaluator) {
  let worst: { zone: string; peak: number; overloaded: number; broker: BrokerId } | null = null
  if (model.zones.length < 2) return null
  for (const { zone, brokers } of model.zones) {
    const row = evaluator.row(evaluator.baseline, brokers)
    if (row.busiest < 0) continue
    if (worst === null || row.peak > worst.peak) {
      worst = { zone, peak: row.peak, overloaded: row.overloaded, broker: row.busiest }
    }
  }
  return worst
}

/**
 * headroom-zone-loss: after any one zone fails, the survivors take over its leaderships (Kafka
 * moves each to the next in-sync replica) and their traffic; a survivor above 100% queues
 * requests until they time out.
 */
function headroomRule(spec: SimulationSpec, model: Model): Finding[] {
  const worst = worstZoneLoss(model, model.evaluator)
  if (worst === null || worst.peak <= 1) return []
  const zoneBrokers = model.zones.find((z) => z.zone === worst.zone)!.brokers
  const after = model.evaluator
    .brokers(model.evaluator.baseline, zoneBrokers)
    .find((b) => b.id === worst.broker)!
  const fitsType = firstFitting(spec, model, (e) => (worstZoneLoss(model, e)?.peak ?? 0) <= 1)
  const perZone = Math.max(...model.zones.map((z) => z.brokers.length))
  return [
    makeFinding(
      'headroom-zone-loss',
      'error',
      'cluster.brokerType',
      {
        brokerType: spec.cluster.brokerType!,
        zone: worst.zone,
        peak: roundRatio(worst.peak),
        broker: worst.broker,
        resource: after.capacity.bound,
        overloaded: worst.overloaded,
        perZone,
        // With partitions spread evenly, a broker's load falls with the brokers per zone.
        fitsPerZone: Math.ceil(perZone * worst.peak),
        fitsType,
      },
      fitsType === null ? undefined : setBrokerType(spec, fitsType),
    ),
  ]
}

/** cpu-above-60: AWS's first best practice keeps CPU (User + System) under 60%. */
function cpuRule(spec: SimulationSpec, model: Model): Finding[] {
  const brokers = model.evaluator.brokers(model.evaluator.baseline)
  const over = brokers.filter((b) => (b.capacity.cpu ?? 0) > CPU_TARGET)
  if (over.length === 0) return []
  const busiest = over.reduce((a, b) => (b.capacity.cpu! > a.capacity.cpu! ? b : a))
  const fitsType = firstFitting(spec, model, (e) =>
    e.brokers(e.baseline).every((b) => (b.capacity.cpu ?? 0) <= CPU_TARGET),
  )
  return [
    makeFinding(
      'cpu-above-60',
      'warning',
      'cluster.brokerType',
      {
        brokerType: spec.cluster.brokerType!,
        brokers: over.length,
        broker: busiest.id,
        cpu: roundRatio(busiest.capacity.cpu!),
        fitsType,
      },
      fitsType === null ? undefined : setBrokerType(spec, fitsType),
    ),
  ]
}

/**
 * partitions-per-broker: MSK's recommended and maximum partitions per broker (replicas
 * included). Above the maximum MSK blocks configuration updates (Best practices for Standard
 * brokers).
 */
function partitionsRule(spec: SimulationSpec, model: Model): Finding[] {
  const { recommendedPartitions: recommended, maxPartitions: max } = model.evaluator.limits
  if (recommended === null && max === null) return []
  const limit = recommended ?? max!
  let broker: BrokerId = -1
  let partitions = 0
  let brokers = 0
  for (const [id, count] of model.partitionsOf) {
    if (count > limit) brokers++
    if (count > partitions) {
      partitions = count
      broker = id
    }
  }
  if (brokers === 0) return []
  const aboveMax = max !== null && partitions > max
  const fitsType = largerTypes(spec.cluster.brokerType!).find((t) => {
    const f = brokerTypeFigures(t)
    return (f.recommendedPartitions ?? f.maxPartitions ?? 0) >= partitions
  })
  return [
    makeFinding(
      'partitions-per-broker',
      aboveMax ? 'error' : 'warning',
      'cluster.brokerType',
      {
        brokerType: spec.cluster.brokerType!,
        broker,
        partitions,
        brokers,
        recommended,
        max,
        aboveMax,
        fitsType: fitsType ?? null,
      },
      fitsType === undefined ? undefined : setBrokerType(spec, fitsType),
    ),
  ]
}

/**
 * volume-throughput-ceiling: every replica writes its partition's bytes, so a broker writes about
 * RF × its share of the ingress; MSK's default volume throughput is 250 MiB/s, and a returning
 * broker's catch-up needs room on the same volume.
 */
function volumeRule(spec: SimulationSpec, model: Model): Finding[] {
  const { volumeMiBps, family } = model.evaluator.limits
  if (volumeMiBps === null) return []
  const brokers = model.evaluator.brokers(model.evaluator.baseline)
  const busiest = brokers.reduce((a, b) =>
    (b.capacity.ratios.volume ?? 0) > (a.capacity.ratios.volume ?? 0) ? b : a,
  )
  const ratio = busiest.capacity.ratios.volume ?? 0
  if (ratio <= VOLUME_WARNING_RATIO) return []
  const writes = busiest.capacity.bytesInMiBps + busiest.capacity.replicationInMiBps
  let provisionMax: number | null = null
  if (family === 'standard') {
    provisionMax = brokerTypeFigures(
      spec.cluster.brokerType as MskBrokerType,
    ).volumeMaxProvisionedMiBps
  }
  // Enough that the busiest broker's writes stay under the warning ratio, in steps of 10 MiB/s.
  const needed = Math.ceil(writes / VOLUME_WARNING_RATIO / 10) * 10
  const provision =
    provisionMax !== null && needed <= provisionMax ? Math.max(needed, DEFAULT_VOLUME_MIBPS) : null
  const volumeGiB = spec.cluster.storage?.volumeGiB
  return [
    makeFinding(
      'volume-throughput-ceiling',
      ratio > 1 ? 'error' : 'warning',
      'cluster.storage',
      {
        brokerType: spec.cluster.brokerType!,
        broker: busiest.id,
        writesMiBps: Math.round(writes * 10) / 10,
        ingressMiBps: Math.round(busiest.capacity.bytesInMiBps * 10) / 10,
        volumeMiBps,
        ratio: roundRatio(ratio),
        provisionMax,
      },
      provision === null
        ? undefined
        : makeFix(
            'provision-storage-throughput',
            { mibps: provision },
            {
              op: 'setStorage',
              storage: {
                volumeGiB: Math.max(volumeGiB ?? 1000, 10),
                provisionedThroughputMiBps: provision,
              },
            },
          ),
    ),
  ]
}

/**
 * express-fixed-settings: Express brokers fix replication factor 3, min.insync.replicas 2,
 * unclean election off, 3 zones and MSK-managed storage (docs/capacity.md, sources there). A
 * scenario file cannot break them (the validator rejects it); a spec built otherwise — an edit in
 * the app, an import — is told here.
 */
function expressRules(spec: SimulationSpec): Finding[] {
  const type = spec.cluster.brokerType
  if (!isExpressBrokerType(type)) return []
  const findings: Finding[] = []
  const push = (
    path: string,
    setting:
      | 'replicationFactor'
      | 'min.insync.replicas'
      | 'unclean.leader.election.enable'
      | 'zones'
      | 'storage',
    value: number | boolean | string,
    required: number | boolean | string,
    topic: string | null,
    fix?: Fix,
  ) =>
    findings.push(
      makeFinding(
        'express-fixed-settings',
        'error',
        path,
        { brokerType: type, setting, value, required, topic },
        fix,
      ),
    )
  const zones = zonesOf(spec).length
  if (zones !== EXPRESS_FIXED.zones)
    push('cluster.zones', 'zones', zones, EXPRESS_FIXED.zones, null)
  if (spec.cluster.storage !== undefined)
    push('cluster.storage', 'storage', 'set', 'managed by MSK', null)
  spec.topics.forEach((topic, i) => {
    if (topic.internal === true) return
    if (topic.replicationFactor !== EXPRESS_FIXED.replicationFactor) {
      push(
        `topics[${i}].replicationFactor`,
        'replicationFactor',
        topic.replicationFactor,
        EXPRESS_FIXED.replicationFactor,
        topic.name,
      )
    }
    const minIsr = configuredMinIsr(topic, spec.cluster.config)
    if (minIsr !== EXPRESS_FIXED.minInsyncReplicas) {
      push(
        `topics[${i}].config["min.insync.replicas"]`,
        'min.insync.replicas',
        minIsr,
        EXPRESS_FIXED.minInsyncReplicas,
        topic.name,
        setMinIsr(topic, EXPRESS_FIXED.minInsyncReplicas),
      )
    }
    if (uncleanElectionEnabled(topic, spec.cluster.config)) {
      push(
        `topics[${i}].config["unclean.leader.election.enable"]`,
        'unclean.leader.election.enable',
        true,
        false,
        topic.name,
        disableUncleanTopic(topic),
      )
    }
  })
  return findings
}
