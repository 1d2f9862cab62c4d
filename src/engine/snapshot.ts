/** Builds the plain-data Snapshot the store publishes and the views draw. */
import { clientUnwritablePartitionMsNow } from './clients'
import { brokerAt, consumerSpecOf, producerSpecOf, replicaAt, type Ctx } from './context'
import { asBrokerIndex, asReplicaSlot } from './ids'
import { durabilityTotals } from './accounting'
import { currentMetrics } from './metrics'
import { summarize } from './latency-histogram'
import { serving } from './network'
import { effectiveMinIsr, uncleanElectionEnabled, type TopicSpec } from './spec'
import type { BrokerState, ReplicaState } from './state'
import type { BrokerView, PartitionView, Snapshot } from './types'

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
    isolatedFrom: broker.isolatedFrom.slice(),
    fetchDelayMs: broker.fetchDelayMs,
    isController: ctx.spec.cluster.controller === 'zookeeper' && s.activeController === b,
    leaderCount: leaders[b] as number,
    partitionCount: hosted[b] as number,
  }
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
      replicaStates: part.replicaStates.map((rs, slot) => {
        const broker = brokerAt(ctx, rs.brokerIndex)
        if (serving(broker)) hosted[rs.brokerIndex] = (hosted[rs.brokerIndex] ?? 0) + 1
        return {
          broker: part.replicas[slot] as number,
          logEndOffset: rs.log.logEndOffset,
          highWatermark: rs.highWatermark,
          online: serving(broker),
          lag: leaderRs === null ? 0 : Math.max(0, leaderLeo - rs.log.logEndOffset),
        }
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
              (n, r) => (r.closed ? n : n + r.batches.reduce((m, b) => m + b.records, 0)),
              0,
            ),
          errors: { ...producer.errors },
          lostAcked: loss.lost,
          unavailableAcked: loss.unavailable,
          latencyMs: summarize(producer.latency),
        }
      }),
      ...s.consumers.map((consumer) => {
        const spec = consumerSpecOf(ctx, consumer)
        return {
          kind: 'consumer' as const,
          id: spec.id,
          topic: spec.topic,
          connected: consumer.connected,
          consumed: consumer.consumed,
          lag: consumer.lag,
        }
      }),
    ],
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
  }
}
