/**
 * The capacity model: what each broker carries, per resource, for a given set of leaders and live
 * brokers, and how close each resource is to its limit (docs/capacity.md, "The model").
 *
 * Traffic, per partition (MiB/s), with `r` the partition's share of its topic's produce bytes and
 * `g` the topic's consumer fan-out (consumer groups plus assign() consumers, each reading every
 * partition):
 * - the leader takes `r` in from producers (Kafka's `BytesInPerSec`) and serves `r × g` to
 *   consumers (`BytesOutPerSec`; consumers fetch from the leader, as the engine's do);
 * - each live follower fetches `r` from the leader: `ReplicationBytesInPerSec` on the follower,
 *   `ReplicationBytesOutPerSec` on the leader. Kafka counts follower fetches apart from consumer
 *   fetches (`BrokerTopicStats.updateBytesOut` in KafkaRequestHandler.scala, `isFromFollower`);
 * - every replica writes `r` to its volume (leader and followers alike).
 *
 * A topic's produce bytes spread evenly over its partitions that have a leader: the engine's
 * producers are keyless and rotate over partitions their metadata gives a leader (KIP-480,
 * KIP-794). A partition whose ISR is below min ISR still gets its share (acks=all writes are
 * refused there, so this counts more than lands: the conservative side).
 *
 * Limits, per broker: the instance's baseline network bandwidth in each direction, the volume's
 * throughput (Standard and custom), and an estimated CPU (User + System) derived from AWS's
 * published Express sustained throughput (see `CPU_MIBPS_PER_VCPU`). Express brokers are measured
 * against AWS's recommended sustained ingress and egress per broker instead of a network and a
 * volume figure, which AWS does not publish for them.
 */
import type { BrokerId, ClusterSpec } from '../spec'
import { isExpressBrokerType } from './broker-type-names'
import { brokerTypeFigures, CPU_TARGET, DEFAULT_VOLUME_MIBPS } from './broker-types'

/** 10⁶ bytes (AWS's MB, MBps) in MiB. */
const MB_IN_MIB = 1e6 / 1048576
/** 1 Gbps (10⁹ bit/s) in MiB/s. */
export const GBPS_IN_MIBPS = 1e9 / 8 / 1048576

/**
 * The estimated CPU cost of request handling: MiB/s a broker handles (in plus out: client,
 * replication) per vCPU at 100% CPU. Derived from AWS's recommended sustained throughput of
 * `express.m7g.large` (15.6 MBps ingress, 31.2 MBps egress, Best practices for Express brokers),
 * taken as the throughput at AWS's 60% CPU target, on the 2 vCPUs of the m7g.large instance size
 * (EC2 general purpose instances). With replication factor 3, fixed on Express, a broker at that
 * point handles 15.6 in from producers, 2 × 15.6 in as a follower, 2 × 15.6 out to followers and
 * 31.2 out to consumers: 109.2 MBps = 104.1 MiB/s at 60% of 2 vCPUs, so 86.8 MiB/s per vCPU at
 * 100%. Every Express size gives the same figure (their throughput doubles with their size).
 * Assumptions, stated in docs/capacity.md: a byte costs the same in and out, and an m5 vCPU costs
 * the same as an m7g vCPU.
 */
export const CPU_MIBPS_PER_VCPU = cpuCoefficient()

function cpuCoefficient(): number {
  const large = brokerTypeFigures('express.m7g.large')
  const ingress = large.expressIngressMBps! * MB_IN_MIB
  const egress = large.expressEgressMBps! * MB_IN_MIB
  const rf = 3
  const handled = ingress * rf + (rf - 1) * ingress + egress
  const vcpus = brokerTypeFigures('kafka.m7g.large').vcpus!
  return handled / CPU_TARGET / vcpus
}

/** The resources a broker's utilisation is the largest ratio of. */
export type CapacityResource = 'networkIn' | 'networkOut' | 'volume' | 'cpu' | 'ingress' | 'egress'

export const RESOURCE_LABELS: Record<CapacityResource, string> = {
  networkIn: 'network in',
  networkOut: 'network out',
  volume: 'volume throughput',
  cpu: 'CPU (estimate)',
  ingress: 'ingress',
  egress: 'egress',
}

/** One broker's limits, resolved from its type (MiB/s; null: not modelled). */
export interface CapacityLimits {
  brokerType: string
  family: 'standard' | 'express' | 'custom'
  /** Baseline network bandwidth, each direction. */
  networkMiBps: number | null
  /** Volume throughput (writes); Express: managed by MSK, not modelled. */
  volumeMiBps: number | null
  vcpus: number | null
  /** Bytes handled per second at 100% CPU. */
  cpuMiBps: number | null
  /** Express: AWS's recommended sustained client ingress and egress per broker. */
  ingressMiBps: number | null
  egressMiBps: number | null
  recommendedPartitions: number | null
  maxPartitions: number | null
  volumeGiB: number | null
}

/** The cluster's broker limits, or null when it names no broker type (no capacity model). */
export function capacityLimits(cluster: ClusterSpec): CapacityLimits | null {
  const type = cluster.brokerType
  if (type === undefined) return null
  const volumeGiB = cluster.storage?.volumeGiB ?? null
  if (type === 'custom') {
    const limits = cluster.brokerLimits
    if (limits === undefined) return null
    return {
      brokerType: type,
      family: 'custom',
      networkMiBps: limits.networkMiBps,
      volumeMiBps: limits.volumeThroughputMiBps ?? null,
      vcpus: limits.vcpus,
      cpuMiBps: limits.vcpus * CPU_MIBPS_PER_VCPU,
      ingressMiBps: null,
      egressMiBps: null,
      recommendedPartitions: limits.recommendedPartitions ?? null,
      maxPartitions: limits.maxPartitions ?? null,
      volumeGiB,
    }
  }
  const figures = brokerTypeFigures(type)
  if (isExpressBrokerType(type)) {
    const ingress = figures.expressIngressMBps! * MB_IN_MIB
    const egress = figures.expressEgressMBps! * MB_IN_MIB
    // The CPU estimate's own derivation: the sustained point is 60% CPU (see CPU_MIBPS_PER_VCPU).
    const handledAtTarget = ingress * 3 + 2 * ingress + egress
    return {
      brokerType: type,
      family: 'express',
      networkMiBps: null,
      volumeMiBps: null,
      vcpus: null,
      cpuMiBps: handledAtTarget / CPU_TARGET,
      ingressMiBps: ingress,
      egressMiBps: egress,
      recommendedPartitions: null,
      maxPartitions: null,
      volumeGiB: null,
    }
  }
  return {
    brokerType: type,
    family: 'standard',
    networkMiBps: figures.networkBaselineGbps! * GBPS_IN_MIBPS,
    volumeMiBps: cluster.storage?.provisionedThroughputMiBps ?? DEFAULT_VOLUME_MIBPS,
    vcpus: figures.vcpus,
    cpuMiBps: figures.vcpus! * CPU_MIBPS_PER_VCPU,
    ingressMiBps: null,
    egressMiBps: null,
    recommendedPartitions: figures.recommendedPartitions,
    maxPartitions: figures.maxPartitions,
    volumeGiB,
  }
}

// Offsets into a broker's slot of a loads array.
export const BYTES_IN = 0
export const BYTES_OUT = 1
export const REPLICATION_IN = 2
export const REPLICATION_OUT = 3
export const LOAD_FIELDS = 4

/** A flat loads array for `brokers` broker indexes: LOAD_FIELDS MiB/s figures each. */
export function emptyLoads(brokers: number): Float64Array {
  return new Float64Array(brokers * LOAD_FIELDS)
}

/**
 * Adds (sign 1) or removes (sign -1) one partition's traffic: `leader` and `followers` are broker
 * indexes (live ones only), `rate` its produce MiB/s, `fanout` its consumers.
 */
export function addPartitionLoad(
  loads: Float64Array,
  leader: number,
  followers: ArrayLike<number>,
  followerCount: number,
  rate: number,
  fanout: number,
  sign: number,
): void {
  if (leader < 0 || rate === 0) return
  const base = leader * LOAD_FIELDS
  loads[base + BYTES_IN]! += sign * rate
  loads[base + BYTES_OUT]! += sign * rate * fanout
  loads[base + REPLICATION_OUT]! += sign * rate * followerCount
  for (let k = 0; k < followerCount; k++) {
    loads[followers[k]! * LOAD_FIELDS + REPLICATION_IN]! += sign * rate
  }
}

/** One broker's load against its limits. Ratios: 1 is the limit. */
export interface BrokerCapacity {
  /** Producer bytes in as leader (Kafka's BytesInPerSec), MiB/s. */
  bytesInMiBps: number
  /** Consumer bytes out as leader (BytesOutPerSec). */
  bytesOutMiBps: number
  /** Fetched as a follower (ReplicationBytesInPerSec). */
  replicationInMiBps: number
  /** Served to followers (ReplicationBytesOutPerSec). */
  replicationOutMiBps: number
  /** Each resource's load over its limit; absent: not modelled for this type. */
  ratios: Partial<Record<CapacityResource, number>>
  /** The estimated CPU (User + System) as a fraction of 100%: AWS's 60% rule applies to it. */
  cpu: number | null
  /** The largest ratio. */
  utilisation: number
  /** The resource with the largest ratio. */
  bound: CapacityResource
}

/** A broker's ratios from its four loads; `at` is the broker's slot in `loads`. */
export function brokerCapacity(
  limits: CapacityLimits,
  loads: Float64Array,
  at: number,
): BrokerCapacity {
  const base = at * LOAD_FIELDS
  const bytesIn = loads[base + BYTES_IN]!
  const bytesOut = loads[base + BYTES_OUT]!
  const replIn = loads[base + REPLICATION_IN]!
  const replOut = loads[base + REPLICATION_OUT]!
  const ratios: Partial<Record<CapacityResource, number>> = {}
  if (limits.networkMiBps !== null) {
    ratios.networkIn = (bytesIn + replIn) / limits.networkMiBps
    ratios.networkOut = (bytesOut + replOut) / limits.networkMiBps
  }
  if (limits.volumeMiBps !== null) ratios.volume = (bytesIn + replIn) / limits.volumeMiBps
  if (limits.ingressMiBps !== null) ratios.ingress = bytesIn / limits.ingressMiBps
  if (limits.egressMiBps !== null) ratios.egress = bytesOut / limits.egressMiBps
  let cpu: number | null = null
  if (limits.cpuMiBps !== null) {
    cpu = (bytesIn + replIn + bytesOut + replOut) / limits.cpuMiBps
    ratios.cpu = cpu
  }
  let bound: CapacityResource = 'cpu'
  let utilisation = -1
  for (const resource of RESOURCE_ORDER) {
    const ratio = ratios[resource]
    if (ratio !== undefined && ratio > utilisation) {
      utilisation = ratio
      bound = resource
    }
  }
  return {
    bytesInMiBps: bytesIn,
    bytesOutMiBps: bytesOut,
    replicationInMiBps: replIn,
    replicationOutMiBps: replOut,
    ratios,
    cpu,
    utilisation: Math.max(0, utilisation),
    bound,
  }
}

/** Ties go to the first: the order the UI lists resources in. */
const RESOURCE_ORDER: readonly CapacityResource[] = [
  'networkIn',
  'networkOut',
  'volume',
  'ingress',
  'egress',
  'cpu',
]

/** Just the utilisation (the largest ratio), without allocating: for the matrix's inner loop. */
export function utilisationOf(limits: CapacityLimits, loads: Float64Array, at: number): number {
  const base = at * LOAD_FIELDS
  const bytesIn = loads[base + BYTES_IN]!
  const bytesOut = loads[base + BYTES_OUT]!
  const replIn = loads[base + REPLICATION_IN]!
  const replOut = loads[base + REPLICATION_OUT]!
  let u = 0
  if (limits.networkMiBps !== null) {
    u = Math.max(
      u,
      (bytesIn + replIn) / limits.networkMiBps,
      (bytesOut + replOut) / limits.networkMiBps,
    )
  }
  if (limits.volumeMiBps !== null) u = Math.max(u, (bytesIn + replIn) / limits.volumeMiBps)
  if (limits.ingressMiBps !== null) u = Math.max(u, bytesIn / limits.ingressMiBps)
  if (limits.egressMiBps !== null) u = Math.max(u, bytesOut / limits.egressMiBps)
  if (limits.cpuMiBps !== null)
    u = Math.max(u, (bytesIn + replIn + bytesOut + replOut) / limits.cpuMiBps)
  return u
}

/** Which brokers a partition's replicas are on, for `staticLoads`. */
export interface BrokerIdIndex {
  indexOf: (id: BrokerId) => number
}
