/**
 * Leader election rules, as pure functions (docs/kafka-rules.md §1.1 and §1.2).
 *
 * Two families live here:
 * - The ZooKeeper controller's `PartitionLeaderElectionAlgorithms`
 *   (core/src/main/scala/kafka/controller/PartitionStateMachine.scala, branch 3.9). Each returns
 *   the chosen broker or `null` for Kafka's `None`; deciding the new ISR is the caller's job, as it
 *   is in Kafka's `Election.scala`.
 * - KRaft's `PartitionChangeBuilder.electLeader`
 *   (metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java, trunk at
 *   1eb7644). It returns `{ leader, unclean }` with `leader = NO_LEADER (-1)` when nobody can lead.
 *
 * Broker sets are passed as plain arrays; membership is all that matters, and the order only
 * matters for `assignment` / `replicas`, whose order is the preference order.
 */

/** Kafka's `LeaderConstants.NO_LEADER`: the partition has no leader. */
export const NO_LEADER = -1

/** KRaft's `PartitionChangeBuilder.Election` kinds. */
export type Election = 'ONLINE' | 'PREFERRED' | 'UNCLEAN'

/** Kafka's `PartitionChangeBuilder.ElectionResult`: `leader` is -1 when none could be found. */
export interface ElectionResult {
  leader: number
  unclean: boolean
}

/**
 * The partition as the election sees it. Following Kafka, `isr` and `elr` are the *target* ISR
 * and ELR (what the builder has computed so far), while `lastKnownElr` is the one stored in the
 * current registration.
 */
export interface ElectablePartition {
  replicas: number[]
  isr: number[]
  leader: number
  elr?: number[]
  lastKnownElr?: number[]
}

export interface ElectLeaderOptions {
  election: Election
  isAcceptableLeader: (brokerId: number) => boolean
  eligibleLeaderReplicasEnabled: boolean
  /**
   * Off (the default) models Kafka up to 4.0, where `canElectLastKnownLeader` logs but does not
   * check whether the last known leader is acceptable, so a fenced broker can be elected. On models
   * the KAFKA-19522 fix (apache/kafka PR #20200, Kafka 4.1): a last known leader that is not
   * acceptable is not elected.
   */
  fixLastKnownLeaderAcceptability?: boolean
}

// ---------------------------------------------------------------------------------------------
// ZooKeeper controller: PartitionLeaderElectionAlgorithms (docs/kafka-rules.md §1.1).
// ---------------------------------------------------------------------------------------------

/**
 * `PartitionLeaderElectionAlgorithms.offlinePartitionLeaderElection`: the first assigned replica
 * that is both live and in the ISR. If none is, and unclean election is enabled, the first live
 * assigned replica, even though it is out of sync (Kafka marks `UncleanLeaderElectionsPerSec`
 * then; the caller can tell by checking `isr.includes(leader)`).
 *
 * @example
 * offlinePartitionLeaderElection([2, 4], [2], [4], true) // 4, an unclean election
 */
export function offlinePartitionLeaderElection(
  assignment: number[],
  isr: number[],
  liveReplicas: number[],
  uncleanLeaderElectionEnabled: boolean,
): number | null {
  const clean = assignment.find((r) => liveReplicas.includes(r) && isr.includes(r))
  if (clean !== undefined) return clean
  if (!uncleanLeaderElectionEnabled) return null
  return assignment.find((r) => liveReplicas.includes(r)) ?? null
}

/**
 * `PartitionLeaderElectionAlgorithms.reassignPartitionLeaderElection`: the first replica of the
 * *target* replica list that is live and in the ISR. Never unclean.
 */
export function reassignPartitionLeaderElection(
  reassignment: number[],
  isr: number[],
  liveReplicas: number[],
): number | null {
  return reassignment.find((r) => liveReplicas.includes(r) && isr.includes(r)) ?? null
}

/**
 * `PartitionLeaderElectionAlgorithms.preferredReplicaPartitionLeaderElection`: the preferred
 * replica (`assignment[0]`) if it is live and in the ISR. Unlike KRaft's PREFERRED election it
 * never falls back to another replica: a preferred election that cannot move leadership to the
 * preferred replica fails.
 */
export function preferredReplicaPartitionLeaderElection(
  assignment: number[],
  isr: number[],
  liveReplicas: number[],
): number | null {
  const preferred = assignment[0]
  if (preferred === undefined) return null
  return liveReplicas.includes(preferred) && isr.includes(preferred) ? preferred : null
}

/**
 * `PartitionLeaderElectionAlgorithms.controlledShutdownPartitionLeaderElection`: the first
 * assigned replica that is live (here "live" includes shutting-down brokers, as Kafka computes it
 * with `includeShuttingDownBrokers = true`), in the ISR and not itself shutting down.
 */
export function controlledShutdownPartitionLeaderElection(
  assignment: number[],
  isr: number[],
  liveReplicas: number[],
  shuttingDownBrokers: number[],
): number | null {
  return (
    assignment.find(
      (r) => liveReplicas.includes(r) && isr.includes(r) && !shuttingDownBrokers.includes(r),
    ) ?? null
  )
}

// ---------------------------------------------------------------------------------------------
// KRaft controller: PartitionChangeBuilder.electLeader (docs/kafka-rules.md §1.2).
// ---------------------------------------------------------------------------------------------

/**
 * `PartitionChangeBuilder.electLeader`.
 *
 * - PREFERRED (`electPreferredLeader`): `replicas[0]` if valid; else the current leader if still
 *   valid; else the first valid replica after `replicas[0]`; else the last known leader.
 * - ONLINE and UNCLEAN (`electAnyLeader`): the current leader if still valid (leadership is
 *   sticky); else the first valid replica; else the last known leader; and for UNCLEAN only, the
 *   first acceptable replica even if it is out of sync.
 *
 * A replica is valid (`isValidNewLeader`) when it is acceptable and in the ISR, or, when the ISR
 * is empty, in the ELR (KIP-966). Like Kafka, this does not look at
 * `eligibleLeaderReplicasEnabled`: with ELR off the registration's ELR is always empty.
 *
 * Electing the last known leader (`canElectLastKnownLeader`) is reported as unclean. See
 * `fixLastKnownLeaderAcceptability` for the KAFKA-19522 quirk.
 *
 * @example
 * electLeader(
 *   { replicas: [2, 1, 3], isr: [2, 1, 3], leader: 1 },
 *   { election: 'PREFERRED', isAcceptableLeader: () => true, eligibleLeaderReplicasEnabled: false },
 * ) // { leader: 2, unclean: false }
 */
export function electLeader(
  partition: ElectablePartition,
  options: ElectLeaderOptions,
): ElectionResult {
  const isValid = (r: number): boolean => isValidNewLeader(partition, options, r)
  const preferred = partition.replicas[0]

  if (options.election === 'PREFERRED') {
    if (preferred !== undefined && isValid(preferred)) return { leader: preferred, unclean: false }
    if (isValid(partition.leader)) return { leader: partition.leader, unclean: false }
    const other = partition.replicas.slice(1).find(isValid)
    if (other !== undefined) return { leader: other, unclean: false }
    return electLastKnownLeaderOrNone(partition, options)
  }

  if (isValid(partition.leader)) return { leader: partition.leader, unclean: false }
  const clean = partition.replicas.find(isValid)
  if (clean !== undefined) return { leader: clean, unclean: false }
  const lastKnown = electLastKnownLeaderOrNone(partition, options)
  if (lastKnown.leader !== NO_LEADER || options.election !== 'UNCLEAN') return lastKnown
  // Unclean election: any acceptable replica will do, in replica order. This may lose data.
  const unclean = partition.replicas.find((r) => options.isAcceptableLeader(r))
  if (unclean !== undefined) return { leader: unclean, unclean: true }
  return { leader: NO_LEADER, unclean: false }
}

/** `PartitionChangeBuilder.isValidNewLeader`. */
function isValidNewLeader(
  partition: ElectablePartition,
  options: ElectLeaderOptions,
  replica: number,
): boolean {
  const elr = partition.elr ?? []
  const eligible =
    partition.isr.includes(replica) || (partition.isr.length === 0 && elr.includes(replica))
  return eligible && options.isAcceptableLeader(replica)
}

/**
 * `PartitionChangeBuilder.canElectLastKnownLeader`, then the election itself: with ELR on and
 * both the ISR and the ELR empty, a one-member `lastKnownElr` names the last leader, which KIP-966's
 * "balanced" recovery brings back as an unclean leader. `useLastKnownLeaderInBalancedRecovery` is
 * never turned off in production, so it is always on here.
 *
 * At trunk 1eb7644 (and in releases up to 4.0) Kafka only logs when that broker is not an
 * acceptable leader and elects it anyway; KAFKA-19522 added the missing check in 4.1.
 */
function electLastKnownLeaderOrNone(
  partition: ElectablePartition,
  options: ElectLeaderOptions,
): ElectionResult {
  const none: ElectionResult = { leader: NO_LEADER, unclean: false }
  if (!options.eligibleLeaderReplicasEnabled) return none
  if ((partition.elr ?? []).length > 0 || partition.isr.length > 0) return none
  const lastKnownElr = partition.lastKnownElr ?? []
  const lastKnownLeader = lastKnownElr[0]
  if (lastKnownElr.length !== 1 || lastKnownLeader === undefined) return none
  if (options.fixLastKnownLeaderAcceptability === true) {
    if (!options.isAcceptableLeader(lastKnownLeader)) return none
  }
  return { leader: lastKnownLeader, unclean: true }
}
