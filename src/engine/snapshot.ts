/** Builds the plain-data Snapshot the store publishes and the views draw. */
import { clientUnwritablePartitionMsNow } from './clients'
import { brokerAt, consumerSpecOf, producerSpecOf, replicaAt, type Ctx } from './context'
import { asBrokerIndex, asReplicaSlot } from './ids'
import { durabilityTotals } from './accounting'
import { currentMetrics } from './metrics'
import { summarize } from './latency-histogram'
import { serving } from './network'
import { effectiveMinIsr, uncleanElectionEnabled, type TopicSpec } from './spec'
import { committedOffset, memberPartitions } from './consumer-groups'
import type { BrokerState, ConsumerState, GroupState, PartitionState, ReplicaState } from './state'
import type {
  BrokerCapacityView,
  BrokerView,
  CapacityRunSummary,
  ConsumerView,
  GroupView,
  PartitionView,
  ReplicaView,
  Snapshot,
  TrafficRates,
  TrafficView,
} from './types'
import { trafficView } from './traffic'
import { trafficRates } from './traffic-rates'
import { LONG_AGO_MS, lastCaughtUpTimeMs } from './follower-table'
import { brokerCapacityView, capacityRunSummary } from './capacity/saturation'

/** One view per consumer entry, its members' figures summed. */
function consumerViews(ctx: Ctx): ConsumerView[] {
  const out: ConsumerView[] = []
  const byClient = new Map<number, ConsumerView>()
  for (const consumer of ctx.s.consumers) {
    const spec = consumerSpecOf(ctx, consumer)
    let view = byClient.get(consumer.client)
    if (view === undefined) {
      view = {
        kind: 'consumer',
        id: spec.id,
        topic: spec.topic,
        connected: false,
        consumed: 0,
        lag: 0,
        duplicates: 0,
        skipped: 0,
        alive: false,
      }
      if (consumer.group >= 0) {
        const group = ctx.s.groups[consumer.group] as GroupState
        view.group = group.name
        view.members = []
        view.lag = groupLags(ctx, group).get(consumer.client) ?? 0
      }
      byClient.set(consumer.client, view)
      out.push(view)
    }
    view.connected ||= consumer.connected
    view.alive ||= consumer.alive
    view.consumed += consumer.consumed
    if (consumer.group < 0) {
      view.lag += consumer.lag
      view.duplicates += consumer.duplicates
      view.skipped += consumer.skipped
    }
    view.members?.push({
      member: consumer.member,
      clientId: spec.clientId,
      alive: consumer.alive,
      partitions: (memberPartitions(consumer) ?? []).slice(),
      consumed: consumer.consumed,
    })
  }
  // A group's duplicates and skipped records are the group's, shown on its first entry.
  for (const group of ctx.s.groups) {
    const first = ctx.s.consumers[group.slots[0] as number]
    const view = first === undefined ? undefined : byClient.get(first.client)
    if (view === undefined) continue
    view.duplicates += group.duplicates
    view.skipped += group.skipped
  }
  return out
}

/**
 * Each entry's share of a group's lag, by spec client index: for each partition a live member
 * owns, the high watermark minus that member's position; for a partition no live member owns,
 * minus the committed offset (counted on the group's first entry).
 */
function groupLags(ctx: Ctx, group: GroupState): Map<number, number> {
  const first = ctx.s.topicFirstPartition[group.topic] as number
  const owners = new Array<ConsumerState | undefined>(group.delivered.length)
  for (const ci of group.slots) {
    const c = ctx.s.consumers[ci] as ConsumerState
    if (c.alive) for (const i of memberPartitions(c) ?? []) owners[i] = c
  }
  const firstClient = (ctx.s.consumers[group.slots[0] as number] as ConsumerState).client
  const coordinator = group.loadedBy >= 0 ? asBrokerIndex(group.loadedBy) : null
  const lags = new Map<number, number>()
  for (let i = 0; i < owners.length; i++) {
    const part = ctx.s.partitions[first + i] as PartitionState
    const slot = part.replicas.indexOf(part.leaderId)
    const hw = slot >= 0 ? replicaAt(part, asReplicaSlot(slot)).highWatermark : 0
    const owner = owners[i]
    const from =
      owner !== undefined
        ? Math.max(0, owner.positions[i] as number)
        : ((coordinator === null ? null : committedOffset(ctx, group, coordinator, i))?.offset ?? 0)
    const client = owner?.client ?? firstClient
    lags.set(client, (lags.get(client) ?? 0) + Math.max(0, hw - from))
  }
  return lags
}

function groupViews(ctx: Ctx): GroupView[] {
  return ctx.s.groups.map((group) => {
    let coordinator: number | null = null
    if (group.offsetsPartition >= 0) {
      const part = ctx.s.partitions[group.offsetsPartition] as PartitionState
      coordinator = part.leaderId >= 0 ? part.leaderId : null
    }
    return {
      name: group.name,
      topic: (ctx.spec.topics[group.topic] as TopicSpec).name,
      state: group.state,
      generation: group.generation,
      coordinator,
      offsetsPartition:
        group.offsetsPartition < 0
          ? -1
          : (ctx.s.partitions[group.offsetsPartition] as PartitionState).partition,
      knownMembers: group.inGroup.filter((x) => x).length,
      leavingMembers: group.ghostIds.filter((id) => id !== '').length,
      members: group.slots.length,
      duplicates: group.duplicates,
      skipped: group.skipped,
    }
  })
}

function brokerView(
  ctx: Ctx,
  broker: BrokerState,
  b: number,
  leaders: number[],
  hosted: number[],
): BrokerView {
  const s = ctx.s
  return {
    id: broker.id,
    zone: ctx.spec.cluster.zones[broker.zone] as string,
    status: broker.status,
    fenced: broker.fenced || !broker.registered,
    session: sessionOf(ctx, broker),
    isolatedFrom: broker.isolatedFrom.slice(),
    fetchDelayMs: broker.fetchDelayMs,
    isController: ctx.spec.cluster.controller === 'zookeeper' && s.activeController === b,
    leaderCount: leaders[b] as number,
    partitionCount: hosted[b] as number,
    ...capacityOf(ctx, b),
  }
}

/**
 * The broker's session as the controller sees it: KRaft fences a broker whose last heartbeat is
 * older than broker.session.timeout.ms (BrokerHeartbeatManager, checked every second here, as
 * control-plane.ts onFenceCheck); ZooKeeper expires its session after zookeeper.session.timeout.ms.
 * Null once fenced (or, in ZooKeeper mode, without a session).
 */
function sessionOf(ctx: Ctx, broker: BrokerState): BrokerView['session'] {
  const config = ctx.spec.cluster.config
  if (ctx.spec.cluster.controller === 'kraft') {
    if (broker.fenced || !broker.registered) return null
    return {
      lastHeartbeatMs: broker.lastHeartbeatMs,
      expiresAtMs: broker.lastHeartbeatMs + config['broker.session.timeout.ms'],
    }
  }
  if (!broker.registered) return null
  return {
    lastHeartbeatMs: broker.lastHeartbeatMs,
    expiresAtMs: broker.lastHeartbeatMs + config['zookeeper.session.timeout.ms'],
  }
}

/** Messages in flight and parked requests (small clusters only, traffic.ts) and rates (any size). */
function trafficOf(ctx: Ctx): { traffic?: TrafficView; rates?: TrafficRates } {
  const traffic = trafficView(ctx)
  const rates = trafficRates(ctx)
  return { ...(traffic === null ? {} : { traffic }), ...(rates === null ? {} : { rates }) }
}

function capacitySummaryOf(ctx: Ctx): { capacity?: CapacityRunSummary } {
  const summary = capacityRunSummary(ctx)
  return summary === undefined ? {} : { capacity: summary }
}

function capacityOf(ctx: Ctx, b: number): { capacity?: BrokerCapacityView } {
  const view = brokerCapacityView(ctx, b)
  return view === null ? {} : { capacity: view }
}

export function buildSnapshot(ctx: Ctx): Snapshot {
  const s = ctx.s
  const config = ctx.spec.cluster.config
  const leaders = s.brokers.map(() => 0)
  const hosted = s.brokers.map(() => 0)
  const partitions: PartitionView[] = s.partitions.map((part) => {
    const topic = ctx.spec.topics[part.topic] as TopicSpec
    const leaderSlot = part.replicas.indexOf(part.leaderId)
    const leaderRs = leaderSlot >= 0 ? replicaAt(part, asReplicaSlot(leaderSlot)) : null
    const leaderLeo = leaderRs?.log.logEndOffset ?? 0
    if (leaderSlot >= 0)
      leaders[(leaderRs as ReplicaState).brokerIndex] =
        (leaders[(leaderRs as ReplicaState).brokerIndex] ?? 0) + 1
    return {
      topic: topic.name,
      partition: part.partition,
      replicas: part.replicas.slice(),
      leader: part.leaderId,
      leaderEpoch: part.leaderEpoch,
      partitionEpoch: part.partitionEpoch,
      isr: part.isr.slice(),
      elr: part.elr.slice(),
      lastKnownElr: part.lastKnownElr.slice(),
      leaderRecoveryState: part.leaderRecoveryState,
      highWatermark:
        leaderRs?.highWatermark ?? Math.max(0, ...part.replicaStates.map((r) => r.highWatermark)),
      minIsr: effectiveMinIsr(topic, config),
      uncleanLeaderElectionEnable: uncleanElectionEnabled(topic, config),
      ...(topic.internal === true ? { internal: true as const } : {}),
      replicaStates: part.replicaStates.map((rs, slot) => {
        const broker = brokerAt(ctx, rs.brokerIndex)
        if (serving(broker)) hosted[rs.brokerIndex] = (hosted[rs.brokerIndex] ?? 0) + 1
        const view: ReplicaView = {
          broker: part.replicas[slot] as number,
          logEndOffset: rs.log.logEndOffset,
          highWatermark: rs.highWatermark,
          online: serving(broker),
          lag: leaderRs === null ? 0 : Math.max(0, leaderLeo - rs.log.logEndOffset),
        }
        const side = leaderRs?.leaderSide ?? null
        if (side !== null && slot !== leaderSlot) {
          const caughtUp = lastCaughtUpTimeMs(side.followers, asReplicaSlot(slot))
          if (caughtUp > LONG_AGO_MS) view.lastCaughtUpMs = caughtUp
        }
        return view
      }),
    }
  })
  const totals = durabilityTotals(ctx)
  const activeId =
    s.activeController < 0
      ? null
      : ctx.spec.cluster.controller === 'kraft'
        ? (s.controllers[s.activeController] as { id: number }).id
        : brokerAt(ctx, asBrokerIndex(s.activeController)).id
  return {
    nowMs: s.nowMs,
    seed: ctx.spec.seed,
    mode: ctx.spec.cluster.controller,
    zones: s.zones.map((z) => ({
      name: z.name,
      stopped: z.stopped,
      isolatedFrom: z.isolatedFrom.slice(),
    })),
    brokers: s.brokers.map((broker, b) => brokerView(ctx, broker, b, leaders, hosted)),
    controllers: s.controllers.map((c, i) => ({
      id: c.id,
      zone: ctx.spec.cluster.zones[c.zone] as string,
      up: c.up && !(s.zones[c.zone] as { stopped: boolean }).stopped,
      isolated: (s.zones[c.zone] as { isolatedFrom: string[] }).isolatedFrom.includes(
        'controllers',
      ),
      active: ctx.spec.cluster.controller === 'kraft' && s.activeController === i,
    })),
    activeController: activeId,
    quorumHasMajority: s.quorumHasMajority,
    controllerElectionDueMs:
      s.activeController < 0 && s.controllerElectionDueMs >= s.nowMs
        ? s.controllerElectionDueMs
        : null,
    partitions,
    clients: [
      ...s.producers.map((producer) => {
        const spec = producerSpecOf(ctx, producer)
        const loss = totals.perProducer[producer.index] ?? { lost: 0, unavailable: 0 }
        return {
          kind: 'producer' as const,
          id: spec.id,
          topic: spec.topic,
          acks: spec.config.acks,
          connected: producer.connected,
          sent: producer.sent,
          acked: producer.acked,
          failed: producer.failed,
          inFlight:
            producer.queues.reduce((n, q) => n + q.reduce((m, b) => m + b.records, 0), 0) +
            producer.requests.reduce(
              (n, r) =>
                r.closed
                  ? n
                  : n +
                    r.parts.reduce(
                      (m, part) =>
                        m + part.batches.reduce((t, b) => (b.expired ? t : t + b.records), 0),
                      0,
                    ),
              0,
            ),
          errors: { ...producer.errors },
          lostAcked: loss.lost,
          unavailableAcked: loss.unavailable,
          lostAtCrash: producer.lostAtCrash,
          latencyMs: summarize(producer.latency),
          alive: producer.alive,
        }
      }),
      ...consumerViews(ctx),
    ],
    groups: groupViews(ctx),
    metrics: currentMetrics(ctx),
    durability: {
      ackedRecords: totals.ackedRecords,
      lostAckedRecords: totals.lostAckedRecords,
      unavailableAckedRecords: totals.unavailableAckedRecords,
    },
    availability: {
      offlinePartitionMs: s.offlinePartitionMs,
      unwritablePartitionMs: s.unwritablePartitionMs,
      clientUnwritablePartitionMs: clientUnwritablePartitionMsNow(ctx),
    },
    eventCount: s.events.length,
    ...capacitySummaryOf(ctx),
    ...trafficOf(ctx),
  }
}
