/**
 * A pure version of KRaft's `PartitionChangeBuilder.build()` followed by
 * `PartitionRegistration.merge()` (metadata/src/main/java/org/apache/kafka/controller/
 * PartitionChangeBuilder.java at trunk 1eb7644; docs/kafka-rules.md §1.2).
 *
 * The controller describes what it wants (a target ISR, an election kind, who may lead) and gets
 * back the registration Kafka would write, or `changed: false` when Kafka would write no record.
 *
 * Simplifications, stated plainly:
 * - No reassignment: the target replica list is always the current one, so
 *   `completeReassignmentIfNeeded`, the adding/removing lists, directories and the
 *   replica-set-shrink epoch bump never apply.
 * - The metadata version is recent: leader recovery (MV >= 3.2-IV0) is supported, and an ISR
 *   shrink does not bump the leader epoch (MV >= 3.6-IV0, KAFKA-15021).
 * - `useLastKnownLeaderInBalancedRecovery` is always on, as in production. Kafka then never
 *   writes the target last-known ELR that `maybePopulateTargetElr` computes, so it is omitted.
 */
import { NO_LEADER, electLeader, type Election } from './elections'

export interface PartitionRegistrationLike {
  replicas: number[]
  isr: number[]
  elr: number[]
  lastKnownElr: number[]
  leader: number
  leaderEpoch: number
  partitionEpoch: number
  leaderRecoveryState: 'RECOVERED' | 'RECOVERING'
}

export interface PartitionChangeOptions {
  /** The ISR the caller wants, e.g. the current ISR minus a fenced broker. */
  targetIsr: number[]
  election: Election
  isAcceptableLeader: (b: number) => boolean
  eligibleLeaderReplicasEnabled: boolean
  /** `min(min.insync.replicas, replication factor)` (`getTopicEffectiveMinIsr`). */
  minIsr: number
  /** Replicas that restarted after an unclean shutdown; they leave the ELR (KIP-966). */
  uncleanShutdownReplicas?: number[]
  /** See `ElectLeaderOptions.fixLastKnownLeaderAcceptability` (KAFKA-19522). */
  fixLastKnownLeaderAcceptability?: boolean
  /**
   * `setTargetLeaderRecoveryState`: the leader reports through AlterPartition that it has
   * finished recovering. Defaults to the current state.
   */
  targetLeaderRecoveryState?: 'RECOVERED' | 'RECOVERING'
}

export interface PartitionChangeResult {
  /** False when Kafka's builder returns `Optional.empty()`: no record, nothing changes. */
  changed: boolean
  next: PartitionRegistrationLike
  /** The record carried a leader, so `leaderEpoch` went up by one. */
  leaderChanged: boolean
  /** The new leader came from an unclean election (including the last-known-leader path). */
  unclean: boolean
}

/** Kafka's `LeaderConstants.NO_LEADER_CHANGE`: the record leaves the leader and epoch alone. */
const NO_LEADER_CHANGE = -2

/**
 * Kafka's `PartitionChangeRecord`, reduced to the fields we model. `null` means "unset", which
 * `merge` reads as "unchanged".
 */
interface PartitionChangeRecord {
  leader: number
  isr: number[] | null
  elr: number[] | null
  lastKnownElr: number[] | null
  leaderRecoveryState: 'RECOVERED' | 'RECOVERING' | null
}

/**
 * Builds the partition change Kafka's controller would commit, and applies it.
 *
 * @example
 * // The only ISR member, broker 1, is fenced; ELR is off and unclean election disabled.
 * buildPartitionChange(
 *   { replicas: [1, 2, 3], isr: [1], elr: [], lastKnownElr: [], leader: 1, leaderEpoch: 5,
 *     partitionEpoch: 9, leaderRecoveryState: 'RECOVERED' },
 *   { targetIsr: [], election: 'ONLINE', isAcceptableLeader: (b) => b !== 1,
 *     eligibleLeaderReplicasEnabled: false, minIsr: 2 },
 * ) // next: leader -1, isr [1] (never emptied without ELR), leaderEpoch 6, partitionEpoch 10
 */
export function buildPartitionChange(
  partition: PartitionRegistrationLike,
  options: PartitionChangeOptions,
): PartitionChangeResult {
  assertValidInput(partition, options)
  const elrEnabled = options.eligibleLeaderReplicasEnabled
  const record: PartitionChangeRecord = {
    leader: NO_LEADER_CHANGE,
    isr: null,
    elr: null,
    lastKnownElr: null,
    leaderRecoveryState: null,
  }

  let targetIsr = options.targetIsr.slice()
  let targetElr = elrEnabled
    ? populateTargetElr(partition, targetIsr, options)
    : partition.elr.slice()

  // tryElection: elect, and if the leader changes, write it (merge then bumps the leader epoch).
  const election = electLeader(
    {
      replicas: partition.replicas,
      isr: targetIsr,
      elr: targetElr,
      leader: partition.leader,
      lastKnownElr: partition.lastKnownElr,
    },
    options,
  )
  const leaderMoves = election.leader !== partition.leader
  if (leaderMoves) {
    const elected = election.leader
    if (targetElr.includes(elected)) {
      // A clean election from the ELR (KIP-966): the new leader becomes the whole ISR.
      targetIsr = [elected]
      targetElr = targetElr.filter((r) => r !== elected)
    }
    record.leader = elected
    if (election.unclean) {
      // Kafka forces the ISR to the new leader alone; this is where acknowledged data can be
      // lost. The leader then recovers its log before accepting writes (KIP-704).
      assert(elected !== NO_LEADER, 'an unclean election must elect a broker')
      record.isr = [elected]
      if (partition.leaderRecoveryState !== 'RECOVERING') record.leaderRecoveryState = 'RECOVERING'
    }
  }

  // maybeUpdateRecordElr: an unclean election, or ELR being off, clears the ELR.
  if (record.isr !== null || !elrEnabled) targetElr = []
  if (!sameList(targetElr, partition.elr)) record.elr = targetElr

  // Without ELR an empty ISR is never written: the last member stays in the ISR, leaderless.
  if (
    record.isr === null &&
    (targetIsr.length > 0 || elrEnabled) &&
    !sameList(targetIsr, partition.isr)
  ) {
    record.isr = targetIsr
  }

  maybeUpdateLastKnownLeader(partition, record, elrEnabled)

  const targetLeaderRecoveryState =
    options.targetLeaderRecoveryState ?? partition.leaderRecoveryState
  if (targetLeaderRecoveryState !== partition.leaderRecoveryState) {
    record.leaderRecoveryState = targetLeaderRecoveryState
  }

  if (changeRecordIsNoOp(record)) {
    return {
      changed: false,
      next: copyRegistration(partition),
      leaderChanged: false,
      unclean: false,
    }
  }
  const next = merge(partition, record)
  assertValidOutput(partition, next)
  return {
    changed: true,
    next,
    leaderChanged: record.leader !== NO_LEADER_CHANGE,
    unclean: leaderMoves && election.unclean,
  }
}

/**
 * `maybePopulateTargetElr` (KIP-966). While the target ISR is at least min ISR there is no ELR.
 * Below it, every replica that was in the ISR (or already in the ELR) and is leaving it stays
 * eligible to lead, unless it restarted after an unclean shutdown and so may have lost data.
 *
 * Kafka collects the ELR in a `HashSet<Integer>`, which iterates small broker ids in ascending
 * order; sorting reproduces that order deterministically.
 */
function populateTargetElr(
  partition: PartitionRegistrationLike,
  targetIsr: number[],
  options: PartitionChangeOptions,
): number[] {
  if (targetIsr.length >= options.minIsr) return []
  const uncleanShutdown = options.uncleanShutdownReplicas ?? []
  const candidates = new Set([...partition.elr, ...partition.isr])
  return [...candidates]
    .filter((r) => !targetIsr.includes(r) && !uncleanShutdown.includes(r))
    .sort((a, b) => a - b)
}

/**
 * `maybeUpdateLastKnownLeader` (KIP-966 balanced recovery). When the ISR is written empty, the
 * leader just lost is remembered as the one-member last-known ELR, unless it already is. When the
 * partition has or keeps a leader, any last-known ELR is cleared.
 *
 * Note that Kafka remembers `partition.leader` even if it is already -1 (the leader left before
 * the last ISR member did); we keep that behaviour.
 */
function maybeUpdateLastKnownLeader(
  partition: PartitionRegistrationLike,
  record: PartitionChangeRecord,
  elrEnabled: boolean,
): void {
  if (!elrEnabled) return
  const alreadyRemembered =
    partition.lastKnownElr.length === 1 && partition.lastKnownElr[0] === partition.leader
  const hasLeaderAfter =
    record.leader >= 0 || (partition.leader !== NO_LEADER && record.leader !== NO_LEADER)
  if (record.isr !== null && record.isr.length === 0 && !alreadyRemembered) {
    record.lastKnownElr = [partition.leader]
  } else if (hasLeaderAfter && partition.lastKnownElr.length > 0) {
    record.lastKnownElr = []
  }
}

/** `PartitionChangeBuilder.changeRecordIsNoOp`, for the fields we model. */
function changeRecordIsNoOp(record: PartitionChangeRecord): boolean {
  return (
    record.leader === NO_LEADER_CHANGE &&
    record.isr === null &&
    record.elr === null &&
    record.lastKnownElr === null &&
    record.leaderRecoveryState === null
  )
}

/**
 * `PartitionRegistration.merge`: unset fields keep their value; a set leader (even the same one)
 * bumps the leader epoch; every record bumps the partition epoch.
 */
function merge(
  partition: PartitionRegistrationLike,
  record: PartitionChangeRecord,
): PartitionRegistrationLike {
  const leaderChanges = record.leader !== NO_LEADER_CHANGE
  return {
    replicas: partition.replicas.slice(),
    isr: (record.isr ?? partition.isr).slice(),
    elr: (record.elr ?? partition.elr).slice(),
    lastKnownElr: (record.lastKnownElr ?? partition.lastKnownElr).slice(),
    leader: leaderChanges ? record.leader : partition.leader,
    leaderEpoch: leaderChanges ? partition.leaderEpoch + 1 : partition.leaderEpoch,
    partitionEpoch: partition.partitionEpoch + 1,
    leaderRecoveryState: record.leaderRecoveryState ?? partition.leaderRecoveryState,
  }
}

function copyRegistration(partition: PartitionRegistrationLike): PartitionRegistrationLike {
  return {
    ...partition,
    replicas: partition.replicas.slice(),
    isr: partition.isr.slice(),
    elr: partition.elr.slice(),
    lastKnownElr: partition.lastKnownElr.slice(),
  }
}

function sameList(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`buildPartitionChange: ${message}`)
}

/** No value twice (replica lists are a handful of ids, so no Set is needed). */
function distinct(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs.indexOf(xs[i] as number) !== i) return false
  return true
}

// Runs on every partition change (10,000 at once when a zone fails), so the checks allocate
// nothing and a message is built only when a check fails.
function assertValidInput(partition: PartitionRegistrationLike, options: PartitionChangeOptions) {
  const replicas = partition.replicas
  assert(replicas.length > 0, 'a partition has at least one replica')
  assert(distinct(replicas), 'replicas are distinct')
  if (!options.targetIsr.every((r) => replicas.includes(r)))
    assert(false, `target ISR ${JSON.stringify(options.targetIsr)} is not within replicas`)
  assert(distinct(options.targetIsr), 'target ISR is distinct')
  assert(Number.isInteger(options.minIsr) && options.minIsr >= 1, 'minIsr is a positive integer')
  assert(
    partition.leader === NO_LEADER || replicas.includes(partition.leader),
    'leader is a replica',
  )
}

function assertValidOutput(before: PartitionRegistrationLike, next: PartitionRegistrationLike) {
  assert(next.partitionEpoch === before.partitionEpoch + 1, 'partition epoch goes up by one')
  assert(next.leaderEpoch >= before.leaderEpoch, 'leader epoch never decreases')
  if (next.leader !== before.leader) {
    assert(next.leaderEpoch === before.leaderEpoch + 1, 'a new leader gets a new epoch')
  }
  assert(
    next.isr.every((r) => next.replicas.includes(r)),
    'the ISR stays within the replicas',
  )
  assert(!next.elr.some((r) => next.isr.includes(r)), 'the ELR and the ISR are disjoint')
}
