/**
 * The controller: partition registrations and how they change.
 *
 * KRaft (default) follows ReplicationControlManager + PartitionChangeBuilder: broker fencing,
 * unfencing and controlled shutdown all run `generateLeaderAndIsrUpdates` (docs/kafka-rules.md §1.2).
 * ZooKeeper mode follows KafkaController + PartitionStateMachine (docs/kafka-rules.md §1.1): offline elections on
 * broker failure, then the dead replica leaves the ISR with a leader-epoch bump.
 *
 * Every committed change goes through `commitPartitionChange`, the one place that writes a
 * registration, logs the events and pushes the new metadata to the replicas' brokers.
 */
import {
  at,
  brokerAt,
  brokerId,
  brokerIdx,
  emit,
  hostedOn,
  minIsrOf,
  clusterRules,
  elrEnabled,
  partitionAt,
  slotOfId,
  topicOf,
  type Ctx,
} from './context'
import {
  FIRST_PARTITION,
  FIRST_SLOT,
  asBrokerId,
  asPartitionIndex,
  type BrokerIndex,
  type PartitionIndex,
} from './ids'
import { eligibleForIsr, isActiveBroker, zkLive } from './liveness'
import { markMeter } from './meter'
import { connectedToController } from './network'
import { sameMembers, sortedIds } from './sorted-list'
import {
  controlledShutdownPartitionLeaderElection,
  offlinePartitionLeaderElection,
  preferredReplicaPartitionLeaderElection,
} from './protocol/elections'
import { buildPartitionChange, type PartitionRegistrationLike } from './protocol/partition-change'
import { applyMetadataToReplica } from './broker/replica-manager'
import { recomputeLoss } from './accounting'
import { countPartition } from './cluster-gauges'
import { effectiveMinIsr, uncleanElectionEnabled } from './spec'
import { EV } from './state'
import type { PartitionState } from './state'
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
    leader: part.leaderId,
    leaderEpoch: part.leaderEpoch,
    partitionEpoch: part.partitionEpoch,
    leaderRecoveryState: part.leaderRecoveryState,
  }
}

export function isOffline(part: PartitionState): boolean {
  return part.leaderId === -1
}

export function isUnwritable(ctx: Ctx, p: PartitionIndex): boolean {
  const part = partitionAt(ctx, p)
  return part.leaderId === -1 || part.isr.length < minIsrOf(ctx, p)
}

/** Writes a new registration, logs what changed and pushes the metadata to the replicas. */
export function commitPartitionChange(
  ctx: Ctx,
  p: PartitionIndex,
  next: PartitionRegistrationLike,
  cause: ChangeCause,
): void {
  const s = ctx.s
  const part = partitionAt(ctx, p)
  const topic = topicOf(ctx, p)
  const wasOffline = isOffline(part)
  const wasUnwritable = isUnwritable(ctx, p)
  const previousIsr = part.isr
  const previousLeader = part.leaderId
  const previousEpoch = part.leaderEpoch
  const previousElr = part.elr
  const previousLastKnownElr = part.lastKnownElr

  countPartition(ctx, part, -1)
  part.leaderId = asBrokerId(next.leader)
  countPartition(ctx, part, 1)
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
  // PartitionRegistration.electionWasClean: a leader from the previous ISR, or from 4.0 from the
  // previous ELR too (KAFKA-18940); before 4.0 an ELR election marked UncleanLeaderElectionsPerSec.
  const unclean =
    leaderChanged &&
    next.leader >= 0 &&
    !previousIsr.includes(next.leader) &&
    !(clusterRules(ctx).elrElectionIsClean && previousElr.includes(next.leader))
  if (leaderChanged && next.leader >= 0) {
    // An empty replica (a replaced volume) elected: its log is the partition's from now on.
    const elected = part.replicaStates[slotOfId(part, next.leader)]
    if (elected !== undefined && elected.volumeReplaced) {
      part.emptyLeaderSinceEpoch = next.leaderEpoch
      elected.volumeReplaced = false
    }
    if (unclean) {
      markMeter(s.meters.uncleanElections, s.nowMs)
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
      ...(!previousIsr.includes(next.leader) && previousElr.includes(next.leader)
        ? { fromElr: true as const }
        : {}),
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
  // An unclean election makes the new leader the whole ISR; LeaderElected (unclean) says so, and
  // an IsrExpanded "adding" the leader would report a change no follower made.
  const added = next.isr.filter((r) => !previousIsr.includes(r) && !(unclean && r === next.leader))
  if (removed.length > 0) {
    // IsrShrinksPerSec is marked only for shrinks the leader proposed (docs/kafka-rules.md §6).
    if (cause.isrBy === 'leader') markMeter(s.meters.isrShrinks, s.nowMs)
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
    // A replica that rejoins the ISR caught up to the high watermark: its new volume holds the
    // committed records again.
    for (const r of added) {
      const rs = part.replicaStates[slotOfId(part, r)]
      if (rs !== undefined) rs.volumeReplaced = false
    }
    if (cause.isrBy === 'leader') markMeter(s.meters.isrExpands, s.nowMs)
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

  for (let slot = FIRST_SLOT; slot < part.replicas.length; slot++) {
    const b = brokerIdx(ctx, part.replicas[slot] as number)
    if (connectedToController(ctx, b)) applyMetadataToReplica(ctx, p, slot)
  }
  if (leaderChanged) recomputeLoss(ctx, p)
  maybeScheduleBalance(ctx)
}

/**
 * ReplicationControlManager.generateLeaderAndIsrUpdates for one partition: remove
 * `brokerToRemove` from the ISR, accept `brokerToAdd` as a leader even before it is active, and
 * run the election the topic's `unclean.leader.election.enable` selects.
 */
export function kraftUpdate(
  ctx: Ctx,
  p: PartitionIndex,
  brokerToRemove: number,
  brokerToAdd: number,
  election: ElectionKind | null,
  brokerWithUncleanShutdown = -1,
): boolean {
  const part = partitionAt(ctx, p)
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
    targetIsr: part.isr.filter((r) => r !== brokerToRemove && r !== brokerWithUncleanShutdown),
    election: kind,
    isAcceptableLeader: (r) =>
      r !== brokerToRemove &&
      r !== brokerWithUncleanShutdown &&
      (r === brokerToAdd || isActiveBroker(ctx, r)),
    ...(brokerWithUncleanShutdown === -1
      ? {}
      : { uncleanShutdownReplicas: [brokerWithUncleanShutdown] }),
    eligibleLeaderReplicasEnabled: elrEnabled(ctx),
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
export function fenceBroker(ctx: Ctx, b: BrokerIndex): void {
  const broker = brokerAt(ctx, b)
  if (broker.fenced) return
  broker.fenced = true
  emit(ctx, { atMs: ctx.s.nowMs, type: 'BrokerFenced', broker: broker.id })
  for (const p of hostedOn(ctx, b)) {
    const part = partitionAt(ctx, p)
    if (part.isr.includes(broker.id) || part.leaderId === broker.id)
      kraftUpdate(ctx, p, broker.id, -1, null)
  }
}

/** KRaft: a registered broker caught up and is unfenced; leaderless partitions may elect it. */
export function unfenceBroker(ctx: Ctx, b: BrokerIndex): void {
  const broker = brokerAt(ctx, b)
  if (!broker.fenced) return
  broker.fenced = false
  broker.listening = true
  emit(ctx, { atMs: ctx.s.nowMs, type: 'BrokerUnfenced', broker: broker.id })
  for (const p of hostedOn(ctx, b)) {
    if (partitionAt(ctx, p).leaderId === -1) kraftUpdate(ctx, p, -1, broker.id, null)
  }
}

/**
 * ZooKeeper: `onReplicasBecomeOffline` for a broker whose session ended. First an offline
 * election for the partitions it led, then the dead replica leaves every ISR (unless it is the
 * last member), each change bumping the leader epoch (LeaderAndIsr.newLeaderAndIsr).
 */
export function zkBrokerFailure(ctx: Ctx, b: BrokerIndex): void {
  const id = brokerId(ctx, b)
  const config = ctx.spec.cluster.config
  for (const p of hostedOn(ctx, b)) {
    const part = partitionAt(ctx, p)
    if (part.leaderId !== id) continue
    zkOfflineElection(ctx, p, uncleanElectionEnabled(topicOf(ctx, p), config))
  }
  for (const p of hostedOn(ctx, b)) {
    const part = partitionAt(ctx, p)
    if (!part.isr.includes(id) && part.leaderId !== id) continue
    const isr = part.isr.length > 1 ? part.isr.filter((r) => r !== id) : part.isr
    const leader = part.leaderId === id ? -1 : part.leaderId
    if (leader === part.leaderId && isr.length === part.isr.length) continue
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
function zkOfflineElection(ctx: Ctx, p: PartitionIndex, uncleanAllowed: boolean): boolean {
  const part = partitionAt(ctx, p)
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

/** ZooKeeper: offline partitions get an offline election (triggerOnlinePartitionStateChange). */
export function zkElectOfflinePartitions(ctx: Ctx, among: readonly PartitionIndex[] | null): void {
  const config = ctx.spec.cluster.config
  const list = among ?? ctx.s.partitions.map((_, i) => asPartitionIndex(i))
  for (const p of list) {
    const part = partitionAt(ctx, p)
    if (part.leaderId !== -1) continue
    zkOfflineElection(ctx, p, uncleanElectionEnabled(topicOf(ctx, p), config))
  }
}

/**
 * Controlled shutdown as the controller handles it. Returns the number of partitions the broker
 * still leads afterwards (ZooKeeper's "partitions remaining"); KRaft always moves or drops them.
 */
export function controlledShutdown(ctx: Ctx, b: BrokerIndex): number {
  const broker = brokerAt(ctx, b)
  const id = broker.id
  broker.inControlledShutdown = true
  if (ctx.spec.cluster.controller === 'kraft') {
    for (const p of hostedOn(ctx, b)) {
      const part = partitionAt(ctx, p)
      if (part.isr.includes(id) || part.leaderId === id)
        kraftUpdate(ctx, p, id, -1, 'CONTROLLED_SHUTDOWN')
    }
    return 0
  }
  // ZooKeeper doControlledShutdown: only partitions with RF > 1 move.
  let remaining = 0
  for (const p of hostedOn(ctx, b)) {
    const part = partitionAt(ctx, p)
    if (part.replicas.length <= 1) {
      if (part.leaderId === id) remaining += 1
      continue
    }
    if (part.leaderId === id) {
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
  p: PartitionIndex,
  leaderId: number,
  leaderEpoch: number,
  newIsr: number[],
): boolean {
  const part = partitionAt(ctx, p)
  const b = brokerIdx(ctx, leaderId)
  if (!connectedToController(ctx, b)) return false
  const kraft = ctx.spec.cluster.controller === 'kraft'
  // ClusterControlManager.checkBrokerEpoch: a KRaft broker sends its registration's epoch. A new
  // incarnation that has not registered yet has none the controller accepts (STALE_BROKER_EPOCH),
  // so the request is refused and stays pending until the broker registers.
  if (kraft && !brokerAt(ctx, b).registered) return false
  if (part.leaderId !== leaderId || part.leaderEpoch !== leaderEpoch) return false
  // New members must be eligible (KRaft: active; ZooKeeper: alive), else INELIGIBLE_REPLICA.
  for (const r of newIsr) {
    if (part.isr.includes(r)) continue
    if (!eligibleForIsr(ctx, r)) return false
  }
  if (!newIsr.includes(leaderId)) return false
  if (kraft) {
    const topic = topicOf(ctx, p)
    const config = ctx.spec.cluster.config
    const result = buildPartitionChange(registration(part), {
      targetIsr: newIsr,
      election: 'ONLINE',
      isAcceptableLeader: (r) => isActiveBroker(ctx, r),
      eligibleLeaderReplicasEnabled: elrEnabled(ctx),
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
  p: PartitionIndex,
): 'NONE' | 'ELECTION_NOT_NEEDED' | 'PREFERRED_LEADER_NOT_AVAILABLE' {
  const part = partitionAt(ctx, p)
  if (part.leaderId === part.replicas[0]) return 'ELECTION_NOT_NEEDED'
  if (ctx.spec.cluster.controller === 'kraft') {
    return kraftUpdate(ctx, p, -1, -1, 'PREFERRED') && part.leaderId === part.replicas[0]
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
  p: PartitionIndex,
): 'NONE' | 'ELECTION_NOT_NEEDED' | 'ELIGIBLE_LEADERS_NOT_AVAILABLE' {
  const part = partitionAt(ctx, p)
  if (part.leaderId !== -1) return 'ELECTION_NOT_NEEDED'
  if (ctx.spec.cluster.controller === 'kraft') {
    return kraftUpdate(ctx, p, -1, -1, 'UNCLEAN') && part.leaderId !== -1
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
/**
 * KRaft QuorumController.maybeScheduleNextBalancePartitionLeaders, run after every committed
 * change and when a controller becomes active: with auto.leader.rebalance.enable and some
 * partition off its preferred leader (ReplicationControlManager.arePartitionLeadersImbalanced),
 * and no run scheduled, schedule one leader.imbalance.check.interval.seconds from now (10 ms when
 * the last run stopped at its limit with work left). The event carries the controller generation,
 * so a run scheduled by a former controller is dropped (cancelMaybeBalancePartitionLeaders).
 */
export function maybeScheduleBalance(ctx: Ctx): void {
  const s = ctx.s
  const config = ctx.spec.cluster.config
  if (ctx.spec.cluster.controller !== 'kraft' || !config['auto.leader.rebalance.enable']) return
  if (s.balanceScheduled || s.activeController < 0 || ctx.imbalanced === 0) return
  s.balanceScheduled = true
  const delayMs = s.balanceImmediately
    ? 10
    : config['leader.imbalance.check.interval.seconds'] * 1000
  at(ctx, delayMs, EV.autoRebalance, s.controllerGen)
}

/**
 * Auto leader rebalance. KRaft (ReplicationControlManager.maybeBalancePartitionLeaders): a
 * PREFERRED election for each partition not on its preferred leader, at most 1000 per run;
 * returns whether work is left. ZooKeeper (KafkaController.checkAndTriggerAutoLeaderRebalance):
 * per broker above leader.imbalance.per.broker.percentage.
 */
export function autoRebalance(ctx: Ctx): boolean {
  const parts = ctx.s.partitions
  if (ctx.spec.cluster.controller === 'kraft') {
    let budget = 1000
    let p = FIRST_PARTITION
    for (; p < parts.length && budget > 0; p++) {
      const part = partitionAt(ctx, p)
      if (part.leaderId !== part.replicas[0]) {
        budget -= 1
        kraftUpdate(ctx, p, -1, -1, 'PREFERRED')
      }
    }
    // The limit was reached with partitions left to look at.
    return budget === 0 && p < parts.length
  }
  const threshold = ctx.spec.cluster.config['leader.imbalance.per.broker.percentage']
  const byPreferred = new Map<number, PartitionIndex[]>()
  parts.forEach((part, p) => {
    const preferred = part.replicas[0] as number
    const list = byPreferred.get(preferred) ?? []
    list.push(asPartitionIndex(p))
    byPreferred.set(preferred, list)
  })
  for (const [preferred, list] of [...byPreferred.entries()].sort((a, b) => a[0] - b[0])) {
    const imbalanced = list.filter((p) => partitionAt(ctx, p).leaderId !== preferred)
    if (imbalanced.length * 100 <= threshold * list.length) continue
    for (const p of imbalanced) {
      const part = partitionAt(ctx, p)
      if (zkLive(ctx, preferred) && part.isr.includes(preferred)) preferredElection(ctx, p)
    }
  }
  return false
}

/**
 * KRaft, a broker registers with a new incarnation: with ELR on, the controller treats it as an
 * unclean shutdown and removes it from every ISR and ELR, so its possibly truncated log cannot be
 * elected from them (`ClusterControlManager.registerBroker` → `handleBrokerUncleanShutdown`,
 * KAFKA-15586). From 4.1 a broker whose previous stop was a controlled shutdown registers with
 * its previous broker epoch and is left alone (KAFKA-18635; versions.ts).
 */
export function handleBrokerRegistration(ctx: Ctx, b: BrokerIndex): void {
  if (!elrEnabled(ctx)) return
  const broker = brokerAt(ctx, b)
  if (clusterRules(ctx).cleanShutdownDetection && broker.cleanShutdown) return
  const id = broker.id
  for (const p of hostedOn(ctx, b)) {
    const part = partitionAt(ctx, p)
    if (part.isr.includes(id) || part.elr.includes(id)) kraftUpdate(ctx, p, -1, -1, null, id)
  }
}
