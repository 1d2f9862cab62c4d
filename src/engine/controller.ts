/**
 * The controller: partition registrations and how they change.
 *
 * KRaft (default) follows ReplicationControlManager + PartitionChangeBuilder: broker fencing,
 * unfencing and controlled shutdown all run `generateLeaderAndIsrUpdates` (kafka-semantics §1.2).
 * ZooKeeper mode follows KafkaController + PartitionStateMachine (§1.1): offline elections on
 * broker failure, then the dead replica leaves the ISR with a leader-epoch bump.
 *
 * Every committed change goes through `commitPartitionChange`, the one place that writes a
 * registration, logs the events and pushes the new metadata to the replicas' brokers.
 */
import { brokerId, emit, minIsrOf, sameMembers, sortedIds, topicOf, type Ctx } from './context'
import { connectedToController, serving } from './network'
import {
  controlledShutdownPartitionLeaderElection,
  offlinePartitionLeaderElection,
  preferredReplicaPartitionLeaderElection,
} from './protocol/elections'
import { buildPartitionChange, type PartitionRegistrationLike } from './protocol/partition-change'
import { applyMetadataToReplica } from './replica-manager'
import { recomputeLoss } from './accounting'
import { effectiveMinIsr, uncleanElectionEnabled } from './spec'
import type { BrokerState, PartitionState } from './state'
import type { ElectionKind } from './types'

export interface ChangeCause {
  election: ElectionKind | null
  /** Who removed replicas from the ISR, for IsrShrunk and IsrShrinksPerSec. */
  isrBy: 'leader' | 'controller'
}

function registration(part: PartitionState): PartitionRegistrationLike {
  return {
    replicas: part.replicas,
    isr: part.isr,
    elr: part.elr,
    lastKnownElr: part.lastKnownElr,
    leader: part.leader,
    leaderEpoch: part.leaderEpoch,
    partitionEpoch: part.partitionEpoch,
    leaderRecoveryState: part.leaderRecoveryState,
  }
}

export function isOffline(part: PartitionState): boolean {
  return part.leader === -1
}

export function isUnwritable(ctx: Ctx, p: number): boolean {
  const part = ctx.s.partitions[p] as PartitionState
  return part.leader === -1 || part.isr.length < minIsrOf(ctx, p)
}

/** Writes a new registration, logs what changed and pushes the metadata to the replicas. */
export function commitPartitionChange(
  ctx: Ctx,
  p: number,
  next: PartitionRegistrationLike,
  cause: ChangeCause,
): void {
  const s = ctx.s
  const part = s.partitions[p] as PartitionState
  const topic = topicOf(ctx, p)
  const wasOffline = isOffline(part)
  const wasUnwritable = isUnwritable(ctx, p)
  const previousIsr = part.isr
  const previousLeader = part.leader
  const previousEpoch = part.leaderEpoch
  const previousElr = part.elr
  const previousLastKnownElr = part.lastKnownElr

  // The derived totals count a partition's loss only while it has a leader.
  if (previousLeader !== -1) ctx.lostWithLeader -= part.lostRecords
  if (previousLeader !== part.replicas[0]) ctx.imbalanced -= 1
  part.leader = next.leader
  if (next.leader !== -1) ctx.lostWithLeader += part.lostRecords
  if (next.leader !== part.replicas[0]) ctx.imbalanced += 1
  part.leaderEpoch = next.leaderEpoch
  part.partitionEpoch = next.partitionEpoch
  // Registration lists are never edited in place (every change writes new ones), so the new
  // registration's lists are taken as they are.
  part.isr = next.isr
  part.elr = next.elr
  part.lastKnownElr = next.lastKnownElr
  part.leaderRecoveryState = next.leaderRecoveryState
  s.metadataVersion += 1
  s.metadataChanges.push(p)
  part.changedAtVersion = s.metadataVersion

  const leaderChanged = previousLeader !== next.leader || previousEpoch !== next.leaderEpoch
  if (leaderChanged) part.leaderHistory.push([s.metadataVersion, next.leader, next.leaderEpoch])
  if (leaderChanged && next.leader >= 0) {
    const unclean = !previousIsr.includes(next.leader)
    if (unclean) {
      s.counters.uncleanElections += 1
      part.uncleanSinceEpoch = next.leaderEpoch
    }
    emit(ctx, {
      atMs: s.nowMs,
      type: 'LeaderElected',
      topic: topic.name,
      partition: part.partition,
      leader: next.leader,
      leaderEpoch: next.leaderEpoch,
      election: cause.election ?? 'ONLINE',
      unclean,
    })
  } else if (next.leader === -1 && previousLeader !== -1) {
    emit(ctx, {
      atMs: s.nowMs,
      type: 'PartitionOffline',
      topic: topic.name,
      partition: part.partition,
      leaderEpoch: next.leaderEpoch,
      isr: part.isr.slice(),
    })
  }
  const removed = previousIsr.filter((r) => !next.isr.includes(r))
  const added = next.isr.filter((r) => !previousIsr.includes(r))
  if (removed.length > 0) {
    // IsrShrinksPerSec is marked only for shrinks the leader proposed (kafka-semantics §6).
    if (cause.isrBy === 'leader') s.counters.isrShrinks += 1
    emit(ctx, {
      atMs: s.nowMs,
      type: 'IsrShrunk',
      topic: topic.name,
      partition: part.partition,
      isr: part.isr.slice(),
      removed,
      by: cause.isrBy,
    })
  }
  if (added.length > 0) {
    if (cause.isrBy === 'leader') s.counters.isrExpands += 1
    emit(ctx, {
      atMs: s.nowMs,
      type: 'IsrExpanded',
      topic: topic.name,
      partition: part.partition,
      isr: part.isr.slice(),
      added,
    })
  }
  if (
    !sameMembers(previousElr, part.elr) ||
    !sameMembers(previousLastKnownElr, part.lastKnownElr)
  ) {
    emit(ctx, {
      atMs: s.nowMs,
      type: 'ElrChanged',
      topic: topic.name,
      partition: part.partition,
      elr: part.elr.slice(),
      lastKnownElr: part.lastKnownElr.slice(),
    })
  }

  const nowOffline = isOffline(part)
  const nowUnwritable = isUnwritable(ctx, p)
  s.offlineCount += (nowOffline ? 1 : 0) - (wasOffline ? 1 : 0)
  s.unwritableCount += (nowUnwritable ? 1 : 0) - (wasUnwritable ? 1 : 0)

  for (let slot = 0; slot < part.replicas.length; slot++) {
    const b = ctx.brokerIndex.get(part.replicas[slot] as number) as number
    if (connectedToController(ctx, b)) applyMetadataToReplica(ctx, p, slot)
  }
  if (leaderChanged) recomputeLoss(ctx, p)
}

/** KRaft `ClusterControlManager.isActive`: registered, unfenced, not in controlled shutdown. */
export function isActiveBroker(ctx: Ctx, id: number): boolean {
  const b = ctx.brokerIndex.get(id)
  if (b === undefined) return false
  const broker = ctx.s.brokers[b] as BrokerState
  return broker.registered && !broker.fenced && !broker.inControlledShutdown
}

/**
 * ReplicationControlManager.generateLeaderAndIsrUpdates for one partition: remove
 * `brokerToRemove` from the ISR, accept `brokerToAdd` as a leader even before it is active, and
 * run the election the topic's `unclean.leader.election.enable` selects.
 */
export function kraftUpdate(
  ctx: Ctx,
  p: number,
  brokerToRemove: number,
  brokerToAdd: number,
  election: ElectionKind | null,
): boolean {
  const part = ctx.s.partitions[p] as PartitionState
  const topic = topicOf(ctx, p)
  const config = ctx.spec.cluster.config
  const unclean = uncleanElectionEnabled(topic, config)
  const kind =
    election === 'PREFERRED'
      ? 'PREFERRED'
      : unclean || election === 'UNCLEAN'
        ? 'UNCLEAN'
        : 'ONLINE'
  const result = buildPartitionChange(registration(part), {
    targetIsr: part.isr.filter((r) => r !== brokerToRemove),
    election: kind,
    isAcceptableLeader: (r) =>
      r !== brokerToRemove && (r === brokerToAdd || isActiveBroker(ctx, r)),
    eligibleLeaderReplicasEnabled: config['eligible.leader.replicas.enable'],
    minIsr: effectiveMinIsr(topic, config),
    fixLastKnownLeaderAcceptability: true,
  })
  if (!result.changed) return false
  commitPartitionChange(ctx, p, result.next, {
    election: result.unclean
      ? 'UNCLEAN'
      : kind === 'PREFERRED'
        ? 'PREFERRED'
        : (election ?? 'ONLINE'),
    isrBy: 'controller',
  })
  return true
}

/** KRaft: the controller fences a broker whose session timed out, or which shut down. */
export function fenceBroker(ctx: Ctx, b: number): void {
  const broker = ctx.s.brokers[b] as BrokerState
  if (broker.fenced) return
  broker.fenced = true
  emit(ctx, { atMs: ctx.s.nowMs, type: 'BrokerFenced', broker: broker.id })
  for (const p of ctx.hostedBy[b] as number[]) {
    const part = ctx.s.partitions[p] as PartitionState
    if (part.isr.includes(broker.id) || part.leader === broker.id)
      kraftUpdate(ctx, p, broker.id, -1, null)
  }
}

/** KRaft: a registered broker caught up and is unfenced; leaderless partitions may elect it. */
export function unfenceBroker(ctx: Ctx, b: number): void {
  const broker = ctx.s.brokers[b] as BrokerState
  if (!broker.fenced) return
  broker.fenced = false
  emit(ctx, { atMs: ctx.s.nowMs, type: 'BrokerUnfenced', broker: broker.id })
  for (const p of ctx.hostedBy[b] as number[]) {
    if ((ctx.s.partitions[p] as PartitionState).leader === -1)
      kraftUpdate(ctx, p, -1, broker.id, null)
  }
}

/**
 * ZooKeeper: `onReplicasBecomeOffline` for a broker whose session ended. First an offline
 * election for the partitions it led, then the dead replica leaves every ISR (unless it is the
 * last member), each change bumping the leader epoch (LeaderAndIsr.newLeaderAndIsr).
 */
export function zkBrokerFailure(ctx: Ctx, b: number): void {
  const id = brokerId(ctx, b)
  const config = ctx.spec.cluster.config
  for (const p of ctx.hostedBy[b] as number[]) {
    const part = ctx.s.partitions[p] as PartitionState
    if (part.leader !== id) continue
    zkOfflineElection(ctx, p, uncleanElectionEnabled(topicOf(ctx, p), config))
  }
  for (const p of ctx.hostedBy[b] as number[]) {
    const part = ctx.s.partitions[p] as PartitionState
    if (!part.isr.includes(id) && part.leader !== id) continue
    const isr = part.isr.length > 1 ? part.isr.filter((r) => r !== id) : part.isr
    const leader = part.leader === id ? -1 : part.leader
    if (leader === part.leader && isr.length === part.isr.length) continue
    commitPartitionChange(
      ctx,
      p,
      {
        ...registration(part),
        leader,
        isr,
        leaderEpoch: part.leaderEpoch + 1,
        partitionEpoch: part.partitionEpoch + 1,
      },
      { election: null, isrBy: 'controller' },
    )
  }
}

/**
 * ZooKeeper offline election (PartitionLeaderElectionAlgorithms.offlinePartitionLeaderElection
 * with Election.scala's ISR rule): the first live assigned replica in the ISR, else, when unclean
 * election is allowed, the first live one with ISR [leader] and leader recovery RECOVERING.
 * Commits with a leader-epoch bump and returns whether a leader was found.
 */
function zkOfflineElection(ctx: Ctx, p: number, uncleanAllowed: boolean): boolean {
  const part = ctx.s.partitions[p] as PartitionState
  const live = part.replicas.filter((r) => zkLive(ctx, r))
  const leader = offlinePartitionLeaderElection(part.replicas, part.isr, live, uncleanAllowed)
  if (leader === null) return false
  const clean = part.isr.includes(leader)
  commitPartitionChange(
    ctx,
    p,
    {
      ...registration(part),
      leader,
      isr: clean ? part.isr.filter((r) => live.includes(r)) : [leader],
      leaderEpoch: part.leaderEpoch + 1,
      partitionEpoch: part.partitionEpoch + 1,
      leaderRecoveryState: clean ? part.leaderRecoveryState : 'RECOVERING',
    },
    { election: clean ? 'ONLINE' : 'UNCLEAN', isrBy: 'controller' },
  )
  return true
}

/** ZooKeeper: the broker holds a live session and is not shutting down. */
export function zkLive(ctx: Ctx, id: number): boolean {
  const b = ctx.brokerIndex.get(id)
  if (b === undefined) return false
  const broker = ctx.s.brokers[b] as BrokerState
  return broker.registered && !broker.inControlledShutdown && serving(broker)
}

/** ZooKeeper: offline partitions get an offline election (triggerOnlinePartitionStateChange). */
export function zkElectOfflinePartitions(ctx: Ctx, among: readonly number[] | null): void {
  const config = ctx.spec.cluster.config
  const list = among ?? ctx.s.partitions.map((_, i) => i)
  for (const p of list) {
    const part = ctx.s.partitions[p] as PartitionState
    if (part.leader !== -1) continue
    zkOfflineElection(ctx, p, uncleanElectionEnabled(topicOf(ctx, p), config))
  }
}

/**
 * Controlled shutdown as the controller handles it. Returns the number of partitions the broker
 * still leads afterwards (ZooKeeper's "partitions remaining"); KRaft always moves or drops them.
 */
export function controlledShutdown(ctx: Ctx, b: number): number {
  const broker = ctx.s.brokers[b] as BrokerState
  const id = broker.id
  broker.inControlledShutdown = true
  if (ctx.spec.cluster.controller === 'kraft') {
    for (const p of ctx.hostedBy[b] as number[]) {
      const part = ctx.s.partitions[p] as PartitionState
      if (part.isr.includes(id) || part.leader === id)
        kraftUpdate(ctx, p, id, -1, 'CONTROLLED_SHUTDOWN')
    }
    return 0
  }
  // ZooKeeper doControlledShutdown: only partitions with RF > 1 move.
  let remaining = 0
  for (const p of ctx.hostedBy[b] as number[]) {
    const part = ctx.s.partitions[p] as PartitionState
    if (part.replicas.length <= 1) {
      if (part.leader === id) remaining += 1
      continue
    }
    if (part.leader === id) {
      const liveOrShuttingDown = part.replicas.filter((r) => r === id || zkLive(ctx, r))
      const leader = controlledShutdownPartitionLeaderElection(
        part.replicas,
        part.isr,
        liveOrShuttingDown,
        [id],
      )
      if (leader === null) {
        remaining += 1
        continue
      }
      commitPartitionChange(
        ctx,
        p,
        {
          ...registration(part),
          leader,
          isr: part.isr.filter((r) => r !== id),
          leaderEpoch: part.leaderEpoch + 1,
          partitionEpoch: part.partitionEpoch + 1,
        },
        { election: 'CONTROLLED_SHUTDOWN', isrBy: 'controller' },
      )
    } else if (part.isr.includes(id) && part.isr.length > 1) {
      commitPartitionChange(
        ctx,
        p,
        {
          ...registration(part),
          isr: part.isr.filter((r) => r !== id),
          leaderEpoch: part.leaderEpoch + 1,
          partitionEpoch: part.partitionEpoch + 1,
        },
        { election: null, isrBy: 'controller' },
      )
    }
  }
  return remaining
}

/** A leader's AlterPartition request: returns true when the controller committed it. */
export function alterPartition(
  ctx: Ctx,
  p: number,
  leaderId: number,
  leaderEpoch: number,
  newIsr: number[],
): boolean {
  const part = ctx.s.partitions[p] as PartitionState
  const b = ctx.brokerIndex.get(leaderId) as number
  if (!connectedToController(ctx, b)) return false
  if (part.leader !== leaderId || part.leaderEpoch !== leaderEpoch) return false
  // New members must be eligible (KRaft: active; ZooKeeper: alive), else INELIGIBLE_REPLICA.
  const kraft = ctx.spec.cluster.controller === 'kraft'
  for (const r of newIsr) {
    if (part.isr.includes(r)) continue
    if (kraft ? !isActiveBroker(ctx, r) : !zkLive(ctx, r)) return false
  }
  if (!newIsr.includes(leaderId)) return false
  if (kraft) {
    const topic = topicOf(ctx, p)
    const config = ctx.spec.cluster.config
    const result = buildPartitionChange(registration(part), {
      targetIsr: newIsr,
      election: 'ONLINE',
      isAcceptableLeader: (r) => isActiveBroker(ctx, r),
      eligibleLeaderReplicasEnabled: config['eligible.leader.replicas.enable'],
      minIsr: effectiveMinIsr(topic, config),
      fixLastKnownLeaderAcceptability: true,
    })
    if (result.changed)
      commitPartitionChange(ctx, p, result.next, { election: null, isrBy: 'leader' })
    return true
  }
  commitPartitionChange(
    ctx,
    p,
    {
      ...registration(part),
      isr: sortedIds(newIsr),
      partitionEpoch: part.partitionEpoch + 1,
    },
    { election: null, isrBy: 'leader' },
  )
  return true
}

/** Admin or auto-rebalance preferred election for one partition. */
export function preferredElection(
  ctx: Ctx,
  p: number,
): 'NONE' | 'ELECTION_NOT_NEEDED' | 'PREFERRED_LEADER_NOT_AVAILABLE' {
  const part = ctx.s.partitions[p] as PartitionState
  if (part.leader === part.replicas[0]) return 'ELECTION_NOT_NEEDED'
  if (ctx.spec.cluster.controller === 'kraft') {
    return kraftUpdate(ctx, p, -1, -1, 'PREFERRED') && part.leader === part.replicas[0]
      ? 'NONE'
      : 'PREFERRED_LEADER_NOT_AVAILABLE'
  }
  const live = part.replicas.filter((r) => zkLive(ctx, r))
  const leader = preferredReplicaPartitionLeaderElection(part.replicas, part.isr, live)
  if (leader === null) return 'PREFERRED_LEADER_NOT_AVAILABLE'
  commitPartitionChange(
    ctx,
    p,
    {
      ...registration(part),
      leader,
      leaderEpoch: part.leaderEpoch + 1,
      partitionEpoch: part.partitionEpoch + 1,
    },
    { election: 'PREFERRED', isrBy: 'controller' },
  )
  return 'NONE'
}

/** Admin unclean election (works even when the topic config is false). */
export function uncleanElection(
  ctx: Ctx,
  p: number,
): 'NONE' | 'ELECTION_NOT_NEEDED' | 'ELIGIBLE_LEADERS_NOT_AVAILABLE' {
  const part = ctx.s.partitions[p] as PartitionState
  if (part.leader !== -1) return 'ELECTION_NOT_NEEDED'
  if (ctx.spec.cluster.controller === 'kraft') {
    return kraftUpdate(ctx, p, -1, -1, 'UNCLEAN') && part.leader !== -1
      ? 'NONE'
      : 'ELIGIBLE_LEADERS_NOT_AVAILABLE'
  }
  if (!zkOfflineElection(ctx, p, true)) return 'ELIGIBLE_LEADERS_NOT_AVAILABLE'
  return 'NONE'
}

/**
 * Auto leader rebalance. KRaft (`maybeBalancePartitionLeaders`): a PREFERRED election for every
 * partition whose leader is not replicas[0], at most 1000 per run. ZooKeeper
 * (`checkAndTriggerAutoLeaderRebalance`): per preferred broker, only when its imbalance ratio
 * exceeds `leader.imbalance.per.broker.percentage`.
 */
export function autoRebalance(ctx: Ctx): void {
  const parts = ctx.s.partitions
  if (ctx.spec.cluster.controller === 'kraft') {
    let budget = 1000
    for (let p = 0; p < parts.length && budget > 0; p++) {
      const part = parts[p] as PartitionState
      if (part.leader !== part.replicas[0]) {
        budget -= 1
        kraftUpdate(ctx, p, -1, -1, 'PREFERRED')
      }
    }
    return
  }
  const threshold = ctx.spec.cluster.config['leader.imbalance.per.broker.percentage']
  const byPreferred = new Map<number, number[]>()
  parts.forEach((part, p) => {
    const preferred = part.replicas[0] as number
    const list = byPreferred.get(preferred) ?? []
    list.push(p)
    byPreferred.set(preferred, list)
  })
  for (const [preferred, list] of [...byPreferred.entries()].sort((a, b) => a[0] - b[0])) {
    const imbalanced = list.filter((p) => (parts[p] as PartitionState).leader !== preferred)
    if (imbalanced.length * 100 <= threshold * list.length) continue
    for (const p of imbalanced) {
      const part = parts[p] as PartitionState
      if (zkLive(ctx, preferred) && part.isr.includes(preferred)) preferredElection(ctx, p)
    }
  }
}
