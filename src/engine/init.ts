/**
 * Building the initial state from a spec, and the derived lookups a context needs.
 * At t = 0 every broker is registered and unfenced, and each partition has its leader
 * (replicas[0], as topic creation picks the first live assigned replica) and a full ISR, unless
 * the spec carries an imported initial state.
 */
import { buildCapacityCtx, createCapacityRunState } from './capacity/saturation'
import { capacityLimits } from './capacity/model'
import { buildQuotaCtx, createQuotaRunState } from './broker/replication-quota'
import { producerSpecOf, type Ctx } from './context'
import {
  NO_BROKER,
  asBrokerId,
  asBrokerIndex,
  asConsumerIndex,
  asPartitionIndex,
  asProducerIndex,
  type BrokerIndex,
  type PartitionIndex,
} from './ids'
import { createLeaderGauges, rebuildLeaderIndexes } from './broker/leader-side'
import { rebuildClusterGauges } from './cluster-gauges'
import { eligibleForIsr } from './liveness'
import { sortedIds } from './sorted-list'
import { createQueue, schedule } from './event-queue'
import { emptyLog } from './log'
import { intInclusive, prngFromSeed } from './prng'
import {
  configuredMinIsr,
  effectiveMinIsr,
  isrCheckIntervalMs,
  type ConsumerSpec,
  type ProducerSpec,
  type SimulationSpec,
} from './spec'
import { newClientNet } from './client-network'
import { groupMembers, newGroup, newGroupMember, unloadGroups } from './consumer-groups'
import { newHistogram } from './latency-histogram'
import { DEFAULT_KAFKA_VERSION } from './versions'
import { newMeter } from './meter'
import type { EngineState, LeaderSideState, PartitionState, ReplicaState } from './state'
import { EV } from './state'
import { producerTickMs } from './clients'
import { FENCE_CHECK_INTERVAL_MS } from './control-plane'

/** Placeholder until a replica points `log` at itself (never read). */
const NO_LOG = emptyLog()

/**
 * Shared empty lists for 50,000 initial values (known ISRs before any metadata, empty ELRs).
 * Registration lists and known ISRs are never edited in place, only replaced.
 */
export const NO_IDS: number[] = []
export const UNKNOWN_ISR: number[] = []

export interface CtxOptions {
  checkInvariants: boolean
  throwOnViolation: boolean
  sampleIntervalMs: number
  traffic: boolean
}

/** Broker ids below this get ctx.brokerIndexById's dense table (4 bytes each). */
const DENSE_BROKER_IDS = 1 << 16

export function buildCtx(spec: SimulationSpec, s: EngineState, options: CtxOptions): Ctx {
  const brokerIndex = new Map<number, BrokerIndex>()
  spec.cluster.brokers.forEach((b, i) => brokerIndex.set(b.id, asBrokerIndex(i)))
  const maxId = spec.cluster.brokers.reduce((m, b) => Math.max(m, b.id), -1)
  const brokerIndexById = new Int32Array(maxId < DENSE_BROKER_IDS ? maxId + 1 : 0).fill(-1)
  spec.cluster.brokers.forEach((b, i) => {
    if (b.id >= 0 && b.id < brokerIndexById.length) brokerIndexById[b.id] = i
  })
  const controllerIndex = new Map<number, number>()
  spec.cluster.controllers.forEach((c, i) => controllerIndex.set(c.id, i))
  const zoneIndex = new Map<string, number>()
  spec.cluster.zones.forEach((z, i) => zoneIndex.set(z, i))
  const hostedBy: PartitionIndex[][] = spec.cluster.brokers.map(() => [])
  const ledBy: LeaderSideState[][] = spec.cluster.brokers.map(() => [])
  s.partitions.forEach((part, p) => {
    for (const id of part.replicas)
      hostedBy[brokerIndex.get(id) as number]?.push(asPartitionIndex(p))
  })
  const ctx: Ctx = {
    spec,
    s,
    capacity: buildCapacityCtx(spec),
    quota: buildQuotaCtx(spec),
    brokerIndex,
    brokerIndexById,
    controllerIndex,
    zoneIndex,
    hostedBy,
    ledBy,
    checkInvariants: options.checkInvariants,
    throwOnViolation: options.throwOnViolation,
    sampleIntervalMs: options.sampleIntervalMs,
    traffic: options.traffic,
    latencyInZoneMs: 1,
    latencyCrossZoneMs: 2,
    latencyClientMs: 1,
    minIsrByTopic: spec.topics.map((t) => effectiveMinIsr(t, spec.cluster.config)),
    configuredMinIsrByTopic: spec.topics.map((t) => configuredMinIsr(t, spec.cluster.config)),
    topicLeaders: [],
    reachableScratch: new Int8Array(spec.cluster.brokers.length),
    leaderGauges: createLeaderGauges(spec.cluster.brokers.length),
    imbalanced: 0,
    lostWithLeader: 0,
    entryPool: [],
    isrCheckDue: new Int32Array(spec.cluster.brokers.length),
    isEligibleForIsr: (id) => eligibleForIsr(ctx, id),
    unloadGroups: (p, b) => unloadGroups(ctx, p, b),
    memberSpecs: s.consumers.map((consumer) => {
      const consumerSpec = spec.clients[consumer.client] as ConsumerSpec
      const several = (consumerSpec.members ?? 1) > 1
      return {
        ...consumerSpec,
        clientId: several ? `${consumerSpec.id}-${consumer.member}` : consumerSpec.id,
        member: consumer.member,
      }
    }),
  }
  rebuildLeaderIndexes(ctx)
  rebuildClusterGauges(ctx)
  return ctx
}

function initialPartitions(
  spec: SimulationSpec,
  brokerIndex: Map<number, BrokerIndex>,
): { partitions: PartitionState[]; first: number[] } {
  const partitions: PartitionState[] = []
  const first: number[] = []
  spec.topics.forEach((topic, t) => {
    first.push(partitions.length)
    for (let p = 0; p < topic.partitions; p++) {
      const replicas = (topic.assignment[p] as number[]).slice()
      const initial = topic.initial?.[p] ?? null
      const leader = initial === null ? (replicas[0] as number) : initial.leader
      const isr = initial === null ? sortedIds(replicas) : sortedIds(initial.isr)
      const replicaStates: ReplicaState[] = replicas.map((id) => {
        const rs: ReplicaState = {
          brokerIndex: brokerIndex.get(id) as BrokerIndex,
          log: NO_LOG,
          batches: [],
          logEndOffset: 0,
          epochs: [],
          lastEpoch: -1,
          highWatermark: 0,
          knownLeaderId: NO_BROKER,
          knownLeaderEpoch: -1,
          knownIsr: UNKNOWN_ISR,
          appliedVersion: -1,
          leaderSide: null,
          volumeReplaced: false,
        }
        rs.log = rs
        return rs
      })
      partitions.push({
        topic: t,
        partition: p,
        replicas,
        leaderId: asBrokerId(leader),
        leaderEpoch: 0,
        partitionEpoch: 0,
        isr,
        elr: initial?.elr?.slice() ?? NO_IDS,
        lastKnownElr: initial?.lastKnownElr?.slice() ?? NO_IDS,
        leaderRecoveryState: 'RECOVERED',
        changedAtVersion: 0,
        replicaStates,
        leaderHistory: [[0, leader, 0]],
        acked: [],
        ackedRecords: 0,
        lostRecords: 0,
        lostByProducer: {},
        uncleanSinceEpoch: -1,
        emptyLeaderSinceEpoch: -1,
      })
    }
  })
  return { partitions, first }
}

export function createInitialState(spec: SimulationSpec): EngineState {
  const brokerIndex = new Map<number, BrokerIndex>()
  spec.cluster.brokers.forEach((b, i) => brokerIndex.set(b.id, asBrokerIndex(i)))
  const zoneIndex = new Map<string, number>()
  spec.cluster.zones.forEach((z, i) => zoneIndex.set(z, i))
  const { partitions, first } = initialPartitions(spec, brokerIndex)
  const producers = spec.clients.flatMap((c, i) => (c.kind === 'producer' ? [i] : []))
  const topicIndex = new Map(spec.topics.map((t, i) => [t.name, i]))
  const { members, groups } = groupMembers(spec, topicIndex)
  const n = spec.cluster.brokers.length
  const kafkaVersion = spec.cluster.kafkaVersion ?? DEFAULT_KAFKA_VERSION
  return {
    nowMs: 0,
    queue: createQueue(),
    prng: prngFromSeed(spec.seed),
    faults: spec.faults.map((f) => ({ ...f })),
    zones: spec.cluster.zones.map((name) => ({ name, stopped: false, isolatedFrom: [] })),
    brokers: spec.cluster.brokers.map((b) => ({
      id: asBrokerId(b.id),
      zone: zoneIndex.get(b.zone) as number,
      processUp: true,
      hostUp: true,
      status: 'online',
      gen: 0,
      isolatedFrom: [],
      fetchDelayMs: 0,
      registered: true,
      fenced: false,
      listening: true,
      zkBounced: false,
      lastHeartbeatMs: 0,
      inControlledShutdown: false,
      metadataVersion: 0,
      reportedMetadataVersion: 0,
      controlledShutdownVersion: -1,
      softwareVersion: kafkaVersion,
      cleanShutdown: false,
    })),
    controllers: spec.cluster.controllers.map((c) => ({
      id: c.id,
      zone: zoneIndex.get(c.zone) as number,
      up: true,
    })),
    activeController: 0,
    controllerGen: 0,
    controllerElectionDueMs: -1,
    balanceScheduled: false,
    balanceImmediately: false,
    quorumHasMajority: true,
    metadataVersion: 0,
    metadataChanges: [],
    partitions,
    topicFirstPartition: first,
    pairs: new Array<null>(n * n).fill(null),
    producers: producers.map((client, index) => {
      const spec0 = spec.clients[client] as { topic: string }
      const t = topicIndex.get(spec0.topic) as number
      const count = (spec.topics[t] as { partitions: number }).partitions
      return {
        index: asProducerIndex(index),
        client,
        topic: t,
        firstPartition: first[t] as number,
        carryMilli: 0,
        nextPartition: 0,
        nextSequence: new Int32Array(count),
        ...newClientNet((spec.clients[client] as ProducerSpec).config, n),
        metadata: new Int32Array(count).fill(-1),
        leaderEpochs: new Int32Array(count).fill(-1),
        retryEpoch: new Int32Array(count).fill(-1),
        queues: Array.from({ length: count }, () => []),
        ready: [],
        inFlight: new Array<null>(count).fill(null),
        backoffUntilMs: new Float64Array(count),
        requests: [],
        nextRequestId: 0,
        openRequests: 0,
        latency: newHistogram(),
        blockedSinceMs: -1,
        bufferUsed: 0,
        inFlightExpiryMs: Number.MAX_SAFE_INTEGER,
        bufferBlockedSinceMs: -1,
        sent: 0,
        acked: 0,
        failed: 0,
        errors: {},
        lostAcked: 0,
        unavailableAcked: 0,
        alive: true,
        life: 0,
        lostAtCrash: 0,
      }
    }),
    consumers: members.map(({ client, member, group }, index) => {
      const consumerSpec = spec.clients[client] as ConsumerSpec
      const t = topicIndex.get(consumerSpec.topic) as number
      const count = (spec.topics[t] as { partitions: number }).partitions
      return {
        index: asConsumerIndex(index),
        client,
        topic: t,
        ...newClientNet(consumerSpec.config, n, group >= 0),
        metadata: null,
        metadataEpochs: new Array<number>(count).fill(-1),
        positions: new Array<number>(count).fill(0),
        positionEpochs: new Array<number>(count).fill(-1),
        validatedEpochs: new Array<number>(count).fill(-1),
        seenStamps: new Int32Array(count).fill(-1),
        seenPositions: new Float64Array(count),
        seenLeaders: new Int32Array(count).fill(-1),
        consumed: 0,
        lag: 0,
        duplicates: 0,
        skipped: 0,
        delivered: group >= 0 ? [] : new Array<number>(count).fill(0),
        alive: true,
        life: 0,
        group,
        member,
        gm: group >= 0 ? newGroupMember() : null,
      }
    }),
    groups: groups.map((g) => newGroup(spec, g.name, g.topic, g.slots, first)),
    events: [],
    clientLog: [],
    series: [],
    counters: {
      produced: 0,
      acked: 0,
      failed: 0,
    },
    lastSampleCounters: {
      produced: 0,
      acked: 0,
      failed: 0,
    },
    intervalLatency: newHistogram(),
    meters: { isrShrinks: newMeter(0), isrExpands: newMeter(0), uncleanElections: newMeter(0) },
    offlineCount: 0,
    unwritableCount: 0,
    offlinePartitionMs: 0,
    unwritablePartitionMs: 0,
    clientUnwritablePartitionMs: 0,
    clientStalledUntil: partitions.map(() => 0),
    partitionStamps: new Int32Array(partitions.length),
    failovers: [],
    openFailovers: [],
    failoverRevision: 0,
    rolling: null,
    kafkaVersion,
    capacity: capacityLimits(spec.cluster) === null ? null : createCapacityRunState(spec),
    quota: buildQuotaCtx(spec) === null ? null : createQuotaRunState(spec.cluster.brokers.length),
  }
}

/** Schedules the periodic timers, the clients and the fault script. */
export function scheduleStart(ctx: Ctx): void {
  const s = ctx.s
  const config = ctx.spec.cluster.config
  const q = s.queue
  s.brokers.forEach((broker, b) => {
    const heartbeat =
      ctx.spec.cluster.controller === 'kraft'
        ? config['broker.heartbeat.interval.ms']
        : Math.max(500, Math.floor(config['zookeeper.session.timeout.ms'] / 3))
    schedule(q, intInclusive(s.prng, 0, heartbeat - 1), EV.heartbeat, b, broker.gen)
    const isrCheckMs = isrCheckIntervalMs(config)
    schedule(q, intInclusive(s.prng, 1, isrCheckMs), EV.isrCheck, b, broker.gen)
  })
  schedule(q, FENCE_CHECK_INTERVAL_MS, EV.fenceCheck)
  schedule(q, 0, EV.sample)
  // ZooKeeper's KafkaController checks on a fixed schedule; KRaft's QuorumController schedules a
  // balance run only once partitions are imbalanced (controller.ts maybeScheduleBalance).
  if (config['auto.leader.rebalance.enable'] && ctx.spec.cluster.controller !== 'kraft') {
    schedule(q, config['leader.imbalance.check.interval.seconds'] * 1000, EV.autoRebalance)
  }
  if (ctx.spec.cluster.controller === 'kraft')
    schedule(q, config['unclean.leader.election.interval.ms'], EV.uncleanCheck)
  s.producers.forEach((producer) => {
    const spec = producerSpecOf(ctx, producer)
    schedule(q, intInclusive(s.prng, 0, producerTickMs(spec) - 1), EV.producerTick, producer.index)
  })
  s.consumers.forEach((consumer) => {
    schedule(q, intInclusive(s.prng, 0, 99), EV.consumerTick, consumer.index)
  })
  s.faults.forEach((fault, index) => schedule(q, fault.atMs, EV.fault, index))
}
