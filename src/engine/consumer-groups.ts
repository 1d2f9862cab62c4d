/**
 * Consumer groups with the classic group protocol: the member's side as Kafka's
 * AbstractCoordinator and ConsumerCoordinator run it, the coordinator's as the broker's
 * GroupCoordinator and GroupMetadataManager do (docs/kafka-rules.md §5.4).
 *
 * - The coordinator of a group is the broker leading partition abs(hash(group.id)) % N of
 *   `__consumer_offsets` (GroupMetadataManager.partitionFor). A member finds it with
 *   FindCoordinator sent to its least loaded node, then talks to it over a separate connection to
 *   node Integer.MAX_VALUE − broker id (so "Connection to node 2147483645" is broker 2 as
 *   coordinator).
 * - JoinGroup (a first one without a member id is answered MEMBER_ID_REQUIRED, KIP-394), then
 *   SyncGroup: the coordinator waits for every known member (and, for a new group,
 *   group.initial.rebalance.delay.ms), the leader's RangeAssignor assignment is handed out, and the
 *   members start from the committed offsets (else auto.offset.reset). Eager rebalancing: the
 *   default partition.assignment.strategy [RangeAssignor, CooperativeStickyAssignor] can only agree
 *   on EAGER, so every member revokes everything and rejoins.
 * - Heartbeats every heartbeat.interval.ms; the coordinator removes a member after
 *   session.timeout.ms without one and rebalances the rest. A member that sees no successful
 *   heartbeat for session.timeout.ms marks the coordinator unknown and rediscovers it.
 * - enable.auto.commit: positions are committed every auto.commit.interval.ms and before a
 *   rebalance (ConsumerCoordinator.onJoinPrepare). A commit is one record appended to the group's
 *   offsets partition; a coordinator elected later sees the commits its own log holds.
 *
 * Simplifications, stated plainly:
 * - The coordinator loads a group at once when it becomes leader of its partition (Kafka answers
 *   COORDINATOR_LOAD_IN_PROGRESS while it reads the partition, usually milliseconds).
 * - An offset commit is answered once appended, not once replicated (Kafka waits for acks=-1);
 *   it is refused (COORDINATOR_NOT_AVAILABLE) below min.insync.replicas.
 * - The committed offsets come with the SyncGroup answer (Kafka fetches them with OffsetFetch).
 * - The heartbeat "thread" runs on the consumer's poll tick (fetch.max.wait.ms, 500 ms).
 * - The group's membership and generation are kept as the coordinator's own (Kafka stores them
 *   in the same partition); a rebalance cut short by a coordinator move starts again.
 */
import {
  at,
  brokerAt,
  brokerIdx,
  clientLine,
  consumerSpecOf,
  emit,
  partitionAt,
  partitionName,
  type Ctx,
} from './context'
import { asBrokerIndex, asPartitionIndex, clientCode, type BrokerIndex } from './ids'
import { EV } from './state'
import { clientToBroker } from './network'
import { nextInt } from './prng'
import { appendBatch } from './log'
import {
  CONN_DISCONNECTED,
  CONN_READY,
  LOGGER,
  canConnect,
  canSendRequest,
  clientLog,
  clientRules,
  coordinatorNode,
  initiateConnect,
  leastLoadedNode,
  maxInFlight,
  nodeBroker,
  nodeId,
  nodeText,
  type ClientSpecOf,
} from './client-network'
import { leaderAtVersion, metadataVersionSeenBy } from './metadata-view'
import { noteLeaderAppend } from './broker/leader-side'
import { maybeIncrementLeaderHighWatermark } from './broker/high-watermark'
import { wakeFollowers } from './broker/replication'
import { slotOf } from './broker/replica-manager'
import { leaderMinIsr } from './context'
import { atLeast } from './versions'
import {
  javaHashMapOrder,
  javaHashMapPutOrder,
  javaStringHash,
  topicPartitionHash,
} from './java-hash'
import { OFFSETS_TOPIC, type SimulationSpec } from './spec'
import type { ClientConnection, ConsumerState, GroupMemberState, GroupState } from './state'
import type { GroupError } from './types'

/** The group requests a member sends, by kind (the event queue carries the number). */
export { javaStringHash } from './java-hash'

export const GROUP_REQ = { find: 0, join: 1, sync: 2, heartbeat: 3, commit: 4 } as const
const KINDS = 5

const PHASE_UNJOINED = 0
const PHASE_JOINING = 1
const PHASE_SYNCING = 2
const PHASE_STABLE = 3

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

/** GroupMetadataManager.partitionFor: Utils.abs(groupId.hashCode) % partitions. */
export function offsetsPartitionFor(groupId: string, partitions: number): number {
  const h = javaStringHash(groupId)
  const abs = h === -2147483648 ? 0 : Math.abs(h)
  return abs % partitions
}

export interface MemberPlan {
  /** Index into spec.clients. */
  client: number
  member: number
  /** Index into the groups, -1 for none. */
  group: number
}

/**
 * The consumer states a spec makes: one per consumer entry, or one per member of an entry with
 * a group, in client order; and the groups, in order of first mention (entries naming the same
 * group are members of one group).
 */
export function groupMembers(
  spec: SimulationSpec,
  topicIndex: Map<string, number>,
): { members: MemberPlan[]; groups: { name: string; topic: number; slots: number[] }[] } {
  const members: MemberPlan[] = []
  const groups: { name: string; topic: number; slots: number[] }[] = []
  spec.clients.forEach((c, client) => {
    if (c.kind !== 'consumer') return
    if (c.group === undefined) {
      members.push({ client, member: 0, group: -1 })
      return
    }
    let g = groups.findIndex((x) => x.name === c.group)
    if (g < 0) {
      g = groups.length
      groups.push({ name: c.group, topic: topicIndex.get(c.topic) as number, slots: [] })
    }
    for (let m = 0; m < (c.members ?? 1); m++) {
      ;(groups[g] as { slots: number[] }).slots.push(members.length)
      members.push({ client, member: m, group: g })
    }
  })
  return { members, groups }
}

export function newGroup(
  spec: SimulationSpec,
  name: string,
  topic: number,
  slots: number[],
  first: number[],
): GroupState {
  const offsets = spec.topics.findIndex((t) => t.name === OFFSETS_TOPIC)
  const count = (spec.topics[topic] as { partitions: number }).partitions
  const n = slots.length
  return {
    name,
    topic,
    offsetsPartition:
      offsets < 0
        ? -1
        : (first[offsets] as number) +
          offsetsPartitionFor(name, (spec.topics[offsets] as { partitions: number }).partitions),
    slots: slots.slice(),
    state: 'Empty',
    generation: 0,
    inGroup: new Array<boolean>(n).fill(false),
    memberIds: new Array<string>(n).fill(''),
    joined: new Array<boolean>(n).fill(false),
    syncWaiting: new Array<boolean>(n).fill(false),
    heartbeats: new Array<number>(n).fill(0),
    lastHeartbeatMs: new Array<number>(n).fill(0),
    ghostIds: new Array<string>(n).fill(''),
    ghostExpiryMs: new Array<number>(n).fill(-1),
    assignment: Array.from({ length: n }, () => []),
    leaderSlot: -1,
    joinDeadlineMs: -1,
    rebalanceGen: 0,
    loadedBy: -1,
    loadedEpoch: -1,
    newMemberAdded: false,
    delayRemainingMs: 0,
    commits: [],
    delivered: new Array<number>(count).fill(0),
    duplicates: 0,
    skipped: 0,
  }
}

export function newGroupMember(): GroupMemberState {
  return {
    phase: PHASE_UNJOINED,
    coordinator: -1,
    memberId: '',
    generation: -1,
    assigned: [],
    open: new Array<boolean>(KINDS).fill(false),
    gen: new Array<number>(KINDS).fill(0),
    conn: new Array<number>(KINDS).fill(-1),
    connGen: new Array<number>(KINDS).fill(0),
    sentAtMs: new Array<number>(KINDS).fill(0),
    answerError: new Array<GroupError | null>(KINDS).fill(null),
    answerBroker: -1,
    answerMemberId: '',
    answerGeneration: -1,
    findAllowedAtMs: 0,
    lastHeartbeatSentMs: -1e9,
    sessionStartMs: 0,
    nextCommitAtMs: 0,
    commitPartitions: [],
    commitGeneration: '',
    commitOffsets: [],
    commitEpochs: [],
    prepared: false,
    noCoordinatorNoted: false,
    rejoinCommit: false,
    pendingCommitWarning: '',
    confirmed: false,
    announced: -1,
  }
}

function groupOf(ctx: Ctx, consumer: ConsumerState): GroupState {
  return ctx.s.groups[consumer.group] as GroupState
}

function memberOf(consumer: ConsumerState): GroupMemberState {
  return consumer.gm as GroupMemberState
}

function slotOfMember(group: GroupState, consumer: ConsumerState): number {
  return group.slots.indexOf(consumer.index)
}

// ---------------------------------------------------------------------------------------------
// Log line texts
// ---------------------------------------------------------------------------------------------

const COORDINATOR_LOGGER = 'org.apache.kafka.clients.consumer.internals.ConsumerCoordinator'

/** From 3.7 the rebalance listener lines come from ConsumerRebalanceListenerInvoker. */
function listenerLogger(ctx: Ctx): string {
  return atLeast(clientRules(ctx).version, '3.7')
    ? 'org.apache.kafka.clients.consumer.internals.ConsumerRebalanceListenerInvoker'
    : COORDINATOR_LOGGER
}

/** From 3.7 "Setting offset … to the committed offset" comes from ConsumerUtils. */
function committedOffsetLogger(ctx: Ctx): string {
  return atLeast(clientRules(ctx).version, '3.7')
    ? 'org.apache.kafka.clients.consumer.internals.ConsumerUtils'
    : COORDINATOR_LOGGER
}

/** AbstractCoordinator.Generation.toString; no protocol until a join succeeded. */
function generationText(gm: GroupMemberState): string {
  return `Generation{generationId=${gm.generation}, memberId='${gm.memberId}', protocol='${gm.generation >= 0 ? 'range' : 'null'}'}`
}

function coordinatorText(ctx: Ctx, spec: ClientSpecOf, b: number): string {
  return nodeText(ctx, spec, coordinatorNode(ctx, spec, asBrokerIndex(b)))
}

function partitionList(ctx: Ctx, consumer: ConsumerState, partitions: number[]): string {
  const topic = (ctx.spec.topics[consumer.topic] as { name: string }).name
  return partitions.map((p) => `${topic}-${p}`).join(', ')
}

function log(
  ctx: Ctx,
  consumer: ConsumerState,
  level: 'INFO' | 'WARN' | 'ERROR',
  logger: string,
  message: string,
): void {
  clientLog(ctx, consumerSpecOf(ctx, consumer), level, logger, message)
}

// ---------------------------------------------------------------------------------------------
// The member
// ---------------------------------------------------------------------------------------------

/**
 * The member's coordinator work for this poll (ConsumerCoordinator.poll and the heartbeat
 * thread): find the coordinator, connect, join and sync, heartbeat, auto-commit.
 */
export function memberStep(ctx: Ctx, consumer: ConsumerState, discovered = false): void {
  if (!consumer.alive || consumer.gm === null) return
  const gm = consumer.gm
  const spec = consumerSpecOf(ctx, consumer)
  const now = ctx.s.nowMs
  if (gm.coordinator < 0) {
    if (!gm.open[GROUP_REQ.find] && now >= gm.findAllowedAtMs && consumer.connected)
      lookupCoordinator(ctx, consumer)
    return
  }
  const k = coordinatorNode(ctx, spec, asBrokerIndex(gm.coordinator))
  const conn = consumer.conns[k] as ClientConnection
  if (conn.state !== CONN_READY) {
    if (conn.state === CONN_DISCONNECTED) {
      if (canConnect(conn, now)) initiateConnect(ctx, clientCode('consumer', consumer.index), k)
      // checkAndGetCoordinator: the coordinator's connection failed and is still in its backoff
      // (NetworkClient.connectionFailed and a connection delay above 0).
      else if (conn.failedAttempts > 0)
        // Right after a discovery it is ensureCoordinatorReady that finds the node unavailable
        // (markCoordinatorUnknown(String): isDisconnected false); otherwise checkAndGetCoordinator.
        markCoordinatorUnknown(ctx, consumer, !discovered, 'coordinator unavailable')
    }
    return
  }
  const config = spec.config
  // The heartbeat thread runs from a successful JoinGroup on, and through onJoinPrepare (the
  // member's state stays STABLE until it sends its JoinGroup): not while it (re)joins.
  if (gm.phase === PHASE_UNJOINED) {
    if (gm.open[GROUP_REQ.join] || gm.open[GROUP_REQ.sync]) return
    if (!gm.prepared) {
      // onJoinPrepare: commit the positions before giving the partitions up (auto-commit on),
      // heartbeating meanwhile.
      if (gm.open[GROUP_REQ.commit]) {
        heartbeatIfDue(ctx, consumer, gm, k, now)
        return
      }
      if (config['enable.auto.commit'] && hasConsumed(consumer)) {
        if (gm.generation >= 0) {
          sendCommit(ctx, consumer, k, true)
          return
        }
        failCommitLocally(ctx, consumer)
      }
      revokeAll(ctx, consumer)
    }
    log(ctx, consumer, 'INFO', COORDINATOR_LOGGER, '(Re-)joining group')
    send(ctx, consumer, GROUP_REQ.join, k)
    gm.phase = PHASE_JOINING
    return
  }
  if (gm.phase === PHASE_SYNCING) {
    heartbeatIfDue(ctx, consumer, gm, k, now)
    return
  }
  if (gm.phase !== PHASE_STABLE) return
  if (now - gm.sessionStartMs >= config['session.timeout.ms']) {
    markCoordinatorUnknown(
      ctx,
      consumer,
      false,
      'session timed out without receiving a heartbeat response',
    )
    return
  }
  heartbeatIfDue(ctx, consumer, gm, k, now)
  if (config['enable.auto.commit'] && now >= gm.nextCommitAtMs && !gm.open[GROUP_REQ.commit]) {
    gm.nextCommitAtMs = now + config['auto.commit.interval.ms']
    // sendOffsetCommitRequest: no offsets, nothing sent (RequestFuture.voidSuccess).
    if (hasConsumed(consumer)) sendCommit(ctx, consumer, k)
  }
}

/** HeartbeatThread: a heartbeat every heartbeat.interval.ms, one at a time. */
function heartbeatIfDue(
  ctx: Ctx,
  consumer: ConsumerState,
  gm: GroupMemberState,
  k: number,
  now: number,
): void {
  if (gm.open[GROUP_REQ.heartbeat]) return
  if (now - gm.lastHeartbeatSentMs < consumerSpecOf(ctx, consumer).config['heartbeat.interval.ms'])
    return
  gm.lastHeartbeatSentMs = now
  send(ctx, consumer, GROUP_REQ.heartbeat, k)
}

function lookupCoordinator(ctx: Ctx, consumer: ConsumerState): void {
  const code = clientCode('consumer', consumer.index)
  const spec = consumerSpecOf(ctx, consumer)
  const k = leastLoadedNode(ctx, consumer, spec)
  if (k < 0) return
  const conn = consumer.conns[k] as ClientConnection
  if (canSendRequest(conn, maxInFlight(spec))) {
    send(ctx, consumer, GROUP_REQ.find, k)
    return
  }
  if (canConnect(conn, ctx.s.nowMs)) initiateConnect(ctx, code, k)
}

function send(ctx: Ctx, consumer: ConsumerState, kind: number, k: number): void {
  const gm = memberOf(consumer)
  const conn = consumer.conns[k] as ClientConnection
  conn.inFlight += 1
  gm.open[kind] = true
  gm.gen[kind] = (gm.gen[kind] as number) + 1
  gm.conn[kind] = k
  gm.connGen[kind] = conn.gen
  gm.sentAtMs[kind] = ctx.s.nowMs
  gm.answerError[kind] = null
  at(ctx, ctx.latencyClientMs, EV.groupRequestArrive, consumer.index, kind, gm.gen[kind])
}

/** SubscriptionState.allConsumed: the assigned partitions with a valid position. */
function consumedPartitions(consumer: ConsumerState): number[] {
  return memberOf(consumer).assigned.filter((p) => (consumer.positions[p] as number) >= 0)
}

/** Some assigned partition has a valid position (else allConsumed is empty). */
function hasConsumed(consumer: ConsumerState): boolean {
  return memberOf(consumer).assigned.some((p) => (consumer.positions[p] as number) >= 0)
}

/**
 * An OffsetCommit of the positions now. `forRejoin`: onJoinPrepare's, which the rejoin waits
 * for (an auto-commit already in flight carries older positions and does not count).
 */
function sendCommit(ctx: Ctx, consumer: ConsumerState, k: number, forRejoin = false): void {
  const gm = memberOf(consumer)
  gm.commitPartitions = consumedPartitions(consumer)
  gm.commitGeneration = generationText(gm)
  gm.commitOffsets = gm.commitPartitions.map((p) => consumer.positions[p] as number)
  gm.commitEpochs = gm.commitPartitions.map((p) => consumer.positionEpochs[p] as number)
  send(ctx, consumer, GROUP_REQ.commit, k)
  gm.rejoinCommit = forRejoin
}

/** Closes a request slot; false when the response is stale or cannot reach the member. */
function takeResponse(ctx: Ctx, consumer: ConsumerState, kind: number, gen: number): boolean {
  const gm = memberOf(consumer)
  if (!gm.open[kind] || gm.gen[kind] !== gen) return false
  const k = gm.conn[kind] as number
  const conn = consumer.conns[k] as ClientConnection
  if (conn.gen !== gm.connGen[kind]) return false
  const b = nodeBroker(ctx, consumerSpecOf(ctx, consumer), k)
  if (!clientToBroker(ctx, b)) return false
  gm.open[kind] = false
  conn.inFlight = Math.max(0, conn.inFlight - 1)
  return true
}

/** AbstractCoordinator.markCoordinatorUnknown. */
function markCoordinatorUnknown(
  ctx: Ctx,
  consumer: ConsumerState,
  isDisconnected: boolean,
  cause: string,
): void {
  const gm = memberOf(consumer)
  if (gm.coordinator < 0) return
  const spec = consumerSpecOf(ctx, consumer)
  const text = coordinatorText(ctx, spec, gm.coordinator)
  log(
    ctx,
    consumer,
    'INFO',
    COORDINATOR_LOGGER,
    `Group coordinator ${text} is unavailable or invalid due to cause: ${cause}. isDisconnected: ${isDisconnected}. Rediscovery will be attempted.`,
  )
  if (!isDisconnected)
    log(
      ctx,
      consumer,
      'INFO',
      COORDINATOR_LOGGER,
      `Requesting disconnect from last known coordinator ${text}`,
    )
  const k = coordinatorNode(ctx, spec, asBrokerIndex(gm.coordinator))
  gm.coordinator = -1
  // Requests to it are cancelled (client.disconnectAsync): a join or sync under way starts over.
  for (let kind = 1; kind < KINDS; kind++) {
    if (gm.open[kind] && gm.conn[kind] === k) cancel(ctx, consumer, kind)
  }
  const conn = consumer.conns[k] as ClientConnection
  if (!isDisconnected && conn.state !== CONN_DISCONNECTED) {
    // NetworkClient.disconnect (for a node already disconnected it logs at DEBUG only).
    clientLog(
      ctx,
      spec,
      'INFO',
      LOGGER.network,
      `Client requested disconnect from node ${nodeId(ctx, spec, k)}`,
    )
    conn.state = CONN_DISCONNECTED
    conn.gen += 1
    conn.inFlight = 0
    conn.lastAttemptMs = ctx.s.nowMs
  }
  // The event marks losing a coordinator that answered; the retries of a rediscovery that keeps
  // naming a dead broker are in the client log only.
  if (gm.confirmed) {
    gm.confirmed = false
    emit(ctx, {
      atMs: ctx.s.nowMs,
      type: 'GroupCoordinatorLost',
      client: spec.id,
      group: groupOf(ctx, consumer).name,
      cause,
    })
  }
}

/** CommitFailedException's default message. */
const COMMIT_FAILED =
  'Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member. This means that the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time message processing. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records.'

/**
 * An OffsetCommit answered with an error (ConsumerCoordinator.OffsetCommitResponseHandler): the
 * first partition of the answer is logged, WARN for a retriable error and ERROR otherwise (the
 * handler returns after it). Retriable ones (the coordinator moved or is unavailable) mark the
 * coordinator unknown and the auto-commit is retried after retry.backoff.ms (autoCommitOffsetsAsync
 * logs that at DEBUG); the others reach the auto-commit callback, which logs a WARN, and an
 * onJoinPrepare commit gives up and continues the rejoin with an ERROR.
 */
function commitFailed(
  ctx: Ctx,
  consumer: ConsumerState,
  error: GroupError,
  preparing: boolean,
): void {
  const gm = memberOf(consumer)
  const spec = consumerSpecOf(ctx, consumer)
  const now = ctx.s.nowMs
  const message = ERROR_MESSAGES[error] ?? error
  const retriable = error === 'NOT_COORDINATOR' || error === 'COORDINATOR_NOT_AVAILABLE'
  const first = hashOrder(ctx, consumer, gm.commitPartitions)[0]
  if (first !== undefined)
    log(
      ctx,
      consumer,
      retriable ? 'WARN' : 'ERROR',
      COORDINATOR_LOGGER,
      `Offset commit failed on partition ${partitionList(ctx, consumer, [gm.commitPartitions[first] as number])} at offset ${gm.commitOffsets[first] as number}: ${message}`,
    )
  if (retriable) {
    markCoordinatorUnknown(ctx, consumer, false, `error response ${error}`)
    gm.nextCommitAtMs = now + spec.config['retry.backoff.ms']
    return
  }
  let exception: string
  if (error === 'REBALANCE_IN_PROGRESS') {
    requestRejoin(ctx, consumer, 'offset commit failed since group is already rebalancing')
    exception =
      'Offset commit cannot be completed since the consumer group is executing a rebalance at the moment. You can try completing the rebalance by calling poll() and then retry commit again'
  } else {
    // The member resets and the callback gets a CommitFailedException (Kafka answers
    // RebalanceInProgressException instead when the member joined a newer generation while the
    // commit was out and is preparing a rebalance; not distinguished here).
    log(
      ctx,
      consumer,
      'INFO',
      COORDINATOR_LOGGER,
      `OffsetCommit failed with ${gm.commitGeneration}: ${message}`,
    )
    resetGeneration(ctx, consumer, error, 'OFFSET_COMMIT')
    exception = COMMIT_FAILED
  }
  const offsets = offsetsText(ctx, consumer, gm.commitPartitions, gm.commitOffsets, gm.commitEpochs)
  log(
    ctx,
    consumer,
    'WARN',
    COORDINATOR_LOGGER,
    `Asynchronous auto-commit of offsets {${offsets}} failed: ${exception}`,
  )
  if (preparing)
    log(
      ctx,
      consumer,
      'ERROR',
      COORDINATOR_LOGGER,
      `Asynchronous auto-commit of offsets failed: ${exception}. Will continue to join group.`,
    )
}

/**
 * The order of these partitions in a HashMap of TopicPartition filled in this order, as
 * SubscriptionState.allConsumed's (which a commit's request and its answer follow).
 */
function hashOrder(ctx: Ctx, consumer: ConsumerState, partitions: readonly number[]): number[] {
  const topic = (ctx.spec.topics[consumer.topic] as { name: string }).name
  return javaHashMapPutOrder(partitions.map((p) => topicPartitionHash(topic, p)))
}

/** A map of offsets as Kafka prints it: `T-P=OffsetAndMetadata{…}, …` in HashMap order. */
function offsetsText(
  ctx: Ctx,
  consumer: ConsumerState,
  partitions: readonly number[],
  offsets: readonly number[],
  epochs: readonly number[],
): string {
  return hashOrder(ctx, consumer, partitions)
    .map((j) => {
      const epoch = epochs[j] as number
      return `${partitionList(ctx, consumer, [partitions[j] as number])}=OffsetAndMetadata{offset=${offsets[j] as number}, leaderEpoch=${epoch < 0 ? 'null' : epoch}, metadata=''}`
    })
    .join(', ')
}

function cancel(ctx: Ctx, consumer: ConsumerState, kind: number): void {
  const gm = memberOf(consumer)
  gm.open[kind] = false
  gm.gen[kind] = (gm.gen[kind] as number) + 1
  if ((kind === GROUP_REQ.join || kind === GROUP_REQ.sync) && gm.phase !== PHASE_STABLE) {
    gm.phase = PHASE_UNJOINED
    // joinGroupIfNeeded: the future failed with DisconnectException.INSTANCE (no message).
    rebalanceFailed(ctx, consumer, 'null', 'DisconnectException')
  }
  if (kind === GROUP_REQ.commit) {
    if (gm.phase === PHASE_UNJOINED) gm.prepared = false
    // A DisconnectException is retriable: autoCommitOffsetsAsync's callback resets the
    // auto-commit timer to retry.backoff.ms (nextAutoCommitTimer.updateAndReset).
    gm.nextCommitAtMs = ctx.s.nowMs + consumerSpecOf(ctx, consumer).config['retry.backoff.ms']
  }
}

/**
 * A member's connection closed (the network layer has logged it and cancelled its requests):
 * requests on it fail with a DisconnectException, and a lost coordinator connection marks the
 * coordinator unknown (CoordinatorResponseHandler.onFailure).
 */
export function groupConnectionClosed(ctx: Ctx, consumer: ConsumerState, k: number): void {
  const gm = consumer.gm
  if (gm === null) return
  const spec = consumerSpecOf(ctx, consumer)
  let hadRequest = false
  for (let kind = 0; kind < KINDS; kind++) {
    if (!gm.open[kind] || gm.conn[kind] !== k) continue
    hadRequest = true
    cancel(ctx, consumer, kind)
    if (kind === GROUP_REQ.find) gm.findAllowedAtMs = ctx.s.nowMs + spec.config['retry.backoff.ms']
  }
  if (gm.coordinator >= 0 && k === coordinatorNode(ctx, spec, asBrokerIndex(gm.coordinator)))
    // A request in flight fails with DisconnectException.INSTANCE, whose message is null;
    // otherwise the next check finds the node unavailable.
    markCoordinatorUnknown(ctx, consumer, true, hadRequest ? 'null' : 'coordinator unavailable')
}

/** The connection of a group request in flight past its timeout, else -1. */
export function expiredGroupRequest(ctx: Ctx, consumer: ConsumerState): number {
  const gm = consumer.gm
  if (gm === null) return -1
  const config = consumerSpecOf(ctx, consumer).config
  const now = ctx.s.nowMs
  for (let kind = 0; kind < KINDS; kind++) {
    if (!gm.open[kind]) continue
    // JoinGroup may wait for the whole rebalance (AbstractCoordinator.sendJoinGroupRequest).
    const timeout =
      kind === GROUP_REQ.join
        ? Math.max(config['request.timeout.ms'], config['max.poll.interval.ms'] + 5000)
        : config['request.timeout.ms']
    if (now - (gm.sentAtMs[kind] as number) >= timeout) return gm.conn[kind] as number
  }
  return -1
}

/** A group response reaches the member. */
export function onGroupResponse(
  ctx: Ctx,
  consumer: ConsumerState,
  kind: number,
  gen: number,
): void {
  if (!consumer.alive || consumer.gm === null) return
  if (!takeResponse(ctx, consumer, kind, gen)) return
  const gm = consumer.gm
  if (kind !== GROUP_REQ.find) gm.confirmed = true
  const error = gm.answerError[kind] as GroupError | null
  const spec = consumerSpecOf(ctx, consumer)
  const now = ctx.s.nowMs
  switch (kind) {
    case GROUP_REQ.find: {
      if (error !== null) {
        gm.findAllowedAtMs = now + spec.config['retry.backoff.ms']
        if (error === 'COORDINATOR_NOT_AVAILABLE') noteNoCoordinator(ctx, consumer)
        return
      }
      gm.coordinator = gm.answerBroker
      gm.sessionStartMs = now
      log(
        ctx,
        consumer,
        'INFO',
        COORDINATOR_LOGGER,
        `Discovered group coordinator ${coordinatorText(ctx, spec, gm.coordinator)}`,
      )
      if (gm.announced !== gm.coordinator) {
        gm.announced = gm.coordinator
        emit(ctx, {
          atMs: now,
          type: 'GroupCoordinatorFound',
          client: spec.id,
          group: groupOf(ctx, consumer).name,
          broker: brokerAt(ctx, asBrokerIndex(gm.coordinator)).id,
        })
      }
      break
    }
    case GROUP_REQ.join: {
      if (error === 'MEMBER_ID_REQUIRED') {
        gm.memberId = gm.answerMemberId
        gm.phase = PHASE_UNJOINED
        gm.prepared = true
        log(
          ctx,
          consumer,
          'INFO',
          COORDINATOR_LOGGER,
          `Request joining group due to: need to re-join with the given member-id: ${gm.memberId}`,
        )
        break
      }
      if (error !== null) {
        joinFailed(ctx, consumer, 'JoinGroup', error)
        break
      }
      gm.generation = gm.answerGeneration
      log(
        ctx,
        consumer,
        'INFO',
        COORDINATOR_LOGGER,
        `Successfully joined group with generation ${generationText(gm)}`,
      )
      // HeartbeatThread.enable → Heartbeat.resetTimeouts: the session and the heartbeat interval
      // run from the join.
      gm.sessionStartMs = now
      gm.lastHeartbeatSentMs = now
      const group = groupOf(ctx, consumer)
      if (group.leaderSlot === slotOfMember(group, consumer)) {
        const members = group.slots.flatMap((_, slot) => (group.inGroup[slot] ? [slot] : []))
        const parts = javaHashMapOrder(members.map((slot) => group.memberIds[slot] as string)).map(
          (i) => {
            const slot = members[i] as number
            return `${group.memberIds[slot]}=Assignment(partitions=[${partitionList(ctx, consumer, group.assignment[slot] as number[])}])`
          },
        )
        log(
          ctx,
          consumer,
          'INFO',
          COORDINATOR_LOGGER,
          `Finished assignment for group at generation ${gm.generation}: {${parts.join(', ')}}`,
        )
      }
      gm.phase = PHASE_SYNCING
      sendIfReady(ctx, consumer, GROUP_REQ.sync)
      break
    }
    case GROUP_REQ.sync: {
      if (error !== null) {
        joinFailed(ctx, consumer, 'SyncGroup', error)
        break
      }
      log(
        ctx,
        consumer,
        'INFO',
        COORDINATOR_LOGGER,
        `Successfully synced group in generation ${generationText(gm)}`,
      )
      onAssignment(ctx, consumer)
      break
    }
    case GROUP_REQ.heartbeat: {
      if (error === null || error === 'REBALANCE_IN_PROGRESS') gm.sessionStartMs = now
      if (error === null) break
      if (error === 'REBALANCE_IN_PROGRESS') {
        if (gm.phase === PHASE_STABLE) requestRejoin(ctx, consumer, 'group is already rebalancing')
      } else if (error === 'NOT_COORDINATOR' || error === 'COORDINATOR_NOT_AVAILABLE') {
        log(
          ctx,
          consumer,
          'INFO',
          COORDINATOR_LOGGER,
          `Attempt to heartbeat failed since coordinator ${coordinatorText(ctx, spec, gm.coordinator)} is either not started or not valid`,
        )
        markCoordinatorUnknown(ctx, consumer, false, `error response ${error}`)
      } else if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') {
        log(
          ctx,
          consumer,
          'INFO',
          COORDINATOR_LOGGER,
          `Attempt to heartbeat with ${generationText(gm)} and group instance id Optional.empty failed due to ${error}, resetting generation`,
        )
        resetGeneration(ctx, consumer, error, 'HEARTBEAT')
      }
      break
    }
    case GROUP_REQ.commit: {
      const preparing = gm.phase === PHASE_UNJOINED && gm.rejoinCommit
      gm.rejoinCommit = false
      if (error !== null) commitFailed(ctx, consumer, error, preparing)
      if (preparing && gm.coordinator >= 0 && gm.phase === PHASE_UNJOINED) revokeAll(ctx, consumer)
      break
    }
  }
  memberStep(ctx, consumer, kind === GROUP_REQ.find && error === null)
}

function sendIfReady(ctx: Ctx, consumer: ConsumerState, kind: number): void {
  const gm = memberOf(consumer)
  if (gm.coordinator < 0) return
  const k = coordinatorNode(ctx, consumerSpecOf(ctx, consumer), asBrokerIndex(gm.coordinator))
  if ((consumer.conns[k] as ClientConnection).state === CONN_READY) send(ctx, consumer, kind, k)
  else gm.phase = PHASE_UNJOINED
}

/** Errors.java's messages, as `error.message()` puts them in the coordinator's lines. */
const ERROR_MESSAGES: Partial<Record<GroupError, string>> = {
  COORDINATOR_NOT_AVAILABLE: 'The coordinator is not available.',
  NOT_COORDINATOR: 'This is not the correct coordinator.',
  ILLEGAL_GENERATION: 'Specified group generation id is not valid.',
  UNKNOWN_MEMBER_ID: 'The coordinator is not aware of this member.',
  REBALANCE_IN_PROGRESS: 'The group is rebalancing, so a rejoin is needed.',
}

/** The exception classes of these errors (Errors.java), as getSimpleName prints them. */
const EXCEPTION_NAMES: Partial<Record<GroupError, string>> = {
  COORDINATOR_NOT_AVAILABLE: 'CoordinatorNotAvailableException',
  NOT_COORDINATOR: 'NotCoordinatorException',
  ILLEGAL_GENERATION: 'IllegalGenerationException',
  UNKNOWN_MEMBER_ID: 'UnknownMemberIdException',
  REBALANCE_IN_PROGRESS: 'RebalanceInProgressException',
}

/** joinGroupIfNeeded after a failed JoinGroup or SyncGroup: requestRejoin(shortReason, fullReason). */
function rebalanceFailed(ctx: Ctx, consumer: ConsumerState, message: string, name: string): void {
  log(
    ctx,
    consumer,
    'INFO',
    COORDINATOR_LOGGER,
    `Request joining group due to: rebalance failed due to '${message}' (${name})`,
  )
}

/** JoinGroupResponseHandler / SyncGroupResponseHandler on an error answer. */
function joinFailed(
  ctx: Ctx,
  consumer: ConsumerState,
  what: 'JoinGroup' | 'SyncGroup',
  error: GroupError,
): void {
  handleJoinError(ctx, consumer, what, error)
  rebalanceFailed(
    ctx,
    consumer,
    ERROR_MESSAGES[error] ?? error,
    EXCEPTION_NAMES[error] ?? 'KafkaException',
  )
}

function handleJoinError(
  ctx: Ctx,
  consumer: ConsumerState,
  what: 'JoinGroup' | 'SyncGroup',
  error: GroupError,
): void {
  const gm = memberOf(consumer)
  const sent = generationText(gm)
  const message = ERROR_MESSAGES[error] ?? error
  gm.phase = PHASE_UNJOINED
  gm.prepared = true
  if (error === 'NOT_COORDINATOR' || error === 'COORDINATOR_NOT_AVAILABLE') {
    // JoinGroup marks the coordinator unknown first, SyncGroup logs first.
    if (what === 'SyncGroup')
      log(
        ctx,
        consumer,
        'INFO',
        COORDINATOR_LOGGER,
        `SyncGroup failed: ${message} Marking coordinator unknown. Sent generation was ${sent}`,
      )
    markCoordinatorUnknown(ctx, consumer, false, `error response ${error}`)
    if (what === 'JoinGroup')
      log(
        ctx,
        consumer,
        'INFO',
        COORDINATOR_LOGGER,
        `JoinGroup failed: ${message} Marking coordinator unknown. Sent generation was ${sent}`,
      )
    return
  }
  if (error === 'REBALANCE_IN_PROGRESS') {
    log(
      ctx,
      consumer,
      'INFO',
      COORDINATOR_LOGGER,
      what === 'SyncGroup'
        ? `SyncGroup failed: The group began another rebalance. Need to re-join the group. Sent generation was ${sent}`
        : 'JoinGroup failed due to non-fatal error: REBALANCE_IN_PROGRESS, which could indicate a replication timeout on the broker. Will retry.',
    )
    return
  }
  if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') {
    log(
      ctx,
      consumer,
      'INFO',
      COORDINATOR_LOGGER,
      `${what} failed: ${message} Need to re-join the group. Sent generation was ${sent}`,
    )
    resetGeneration(ctx, consumer, error, what === 'JoinGroup' ? 'JOIN_GROUP' : 'SYNC_GROUP')
  }
}

/** AbstractCoordinator.requestRejoin. */
function requestRejoin(ctx: Ctx, consumer: ConsumerState, reason: string): void {
  const gm = memberOf(consumer)
  log(ctx, consumer, 'INFO', COORDINATOR_LOGGER, `Request joining group due to: ${reason}`)
  gm.phase = PHASE_UNJOINED
  gm.prepared = false
}

/**
 * resetStateOnResponseError: UNKNOWN_MEMBER_ID drops the member id, ILLEGAL_GENERATION only the
 * generation; the partitions are lost (not revoked: nothing is committed for them), and the
 * member rejoins.
 */
function resetGeneration(ctx: Ctx, consumer: ConsumerState, error: GroupError, api: string): void {
  const gm = memberOf(consumer)
  const resetMemberId = error === 'UNKNOWN_MEMBER_ID'
  const reason = `encountered ${error} from ${api} response`
  log(
    ctx,
    consumer,
    'INFO',
    COORDINATOR_LOGGER,
    `Resetting generation ${resetMemberId ? 'and member id ' : ''}due to: ${reason}`,
  )
  if (resetMemberId) gm.memberId = ''
  gm.generation = -1
  // The partitions stay assigned until onJoinPrepare gives them away as lost (memberStep).
  requestRejoin(ctx, consumer, reason)
}

const NOT_IN_ACTIVE_GROUP =
  'Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.'

/**
 * onJoinPrepare's auto-commit after the generation was reset: sendOffsetCommitRequest fails it
 * at once (generationIfStable is null) with a CommitFailedException; onJoinPrepare continues the
 * rejoin, and the commit's callback logs at the next poll.
 */
function failCommitLocally(ctx: Ctx, consumer: ConsumerState): void {
  const gm = memberOf(consumer)
  log(
    ctx,
    consumer,
    'INFO',
    COORDINATOR_LOGGER,
    'Failing OffsetCommit request since the consumer is not part of an active group',
  )
  log(
    ctx,
    consumer,
    'ERROR',
    COORDINATOR_LOGGER,
    `Asynchronous auto-commit of offsets failed: ${NOT_IN_ACTIVE_GROUP}. Will continue to join group.`,
  )
  const partitions = consumedPartitions(consumer)
  gm.pendingCommitWarning = `Asynchronous auto-commit of offsets {${offsetsText(
    ctx,
    consumer,
    partitions,
    partitions.map((p) => consumer.positions[p] as number),
    partitions.map((p) => consumer.positionEpochs[p] as number),
  )}} failed: ${NOT_IN_ACTIVE_GROUP}`
}

/** ConsumerCoordinator.poll → invokeCompletedOffsetCommitCallbacks: callbacks due since. */
export function invokeCommitCallbacks(ctx: Ctx, consumer: ConsumerState): void {
  const gm = consumer.gm
  if (gm === null || gm.pendingCommitWarning === '') return
  log(ctx, consumer, 'WARN', COORDINATOR_LOGGER, gm.pendingCommitWarning)
  gm.pendingCommitWarning = ''
}

/**
 * onJoinPrepare gives the partitions up: revoked (EAGER), or lost when the generation or member
 * id was reset (nothing is committed for them).
 */
function revokeAll(ctx: Ctx, consumer: ConsumerState): void {
  const gm = memberOf(consumer)
  gm.prepared = true
  if (gm.generation < 0) {
    // This branch logs only partitions it loses (the EAGER one below logs even an empty set).
    if (gm.assigned.length === 0) return
    log(
      ctx,
      consumer,
      'INFO',
      COORDINATOR_LOGGER,
      'Giving away all assigned partitions as lost since generation/memberID has been reset,indicating that consumer is in old state or no longer part of the group',
    )
    log(
      ctx,
      consumer,
      'INFO',
      listenerLogger(ctx),
      `Lost previously assigned partitions ${partitionList(ctx, consumer, gm.assigned)}`,
    )
    gm.assigned = []
    return
  }
  log(
    ctx,
    consumer,
    'INFO',
    listenerLogger(ctx),
    `Revoke previously assigned partitions ${partitionList(ctx, consumer, gm.assigned)}`,
  )
  gm.assigned = []
}

/** The SyncGroup answer: the assignment, and where each partition starts. */
function onAssignment(ctx: Ctx, consumer: ConsumerState): void {
  const gm = memberOf(consumer)
  const group = groupOf(ctx, consumer)
  const slot = slotOfMember(group, consumer)
  const spec = consumerSpecOf(ctx, consumer)
  gm.phase = PHASE_STABLE
  gm.prepared = false
  gm.assigned = (group.assignment[slot] as number[]).slice()
  gm.nextCommitAtMs = ctx.s.nowMs + spec.config['auto.commit.interval.ms']
  const list = partitionList(ctx, consumer, gm.assigned)
  log(
    ctx,
    consumer,
    'INFO',
    COORDINATOR_LOGGER,
    `Notifying assignor about the new Assignment(partitions=[${list}])`,
  )
  log(ctx, consumer, 'INFO', listenerLogger(ctx), `Adding newly assigned partitions: ${list}`)
  const first = ctx.s.topicFirstPartition[consumer.topic] as number
  const coordinator = group.loadedBy >= 0 ? asBrokerIndex(group.loadedBy) : null
  // OffsetFetchResponseHandler logs the partitions without a commit as it reads the answer;
  // refreshCommittedOffsets then seeks the others, logging each.
  const committed = gm.assigned.map((p) =>
    coordinator === null ? null : committedOffset(ctx, group, coordinator, p),
  )
  gm.assigned.forEach((p, j) => {
    consumer.validatedEpochs[p] = -1
    consumer.seenStamps[p] = -1
    if (committed[j] !== null) return
    const gp = asPartitionIndex(first + p)
    log(
      ctx,
      consumer,
      'INFO',
      COORDINATOR_LOGGER,
      `Found no committed offset for partition ${partitionName(ctx, gp)}`,
    )
    // auto.offset.reset, applied at the first fetch (clients.ts resetPosition).
    consumer.positions[p] = -1
    consumer.positionEpochs[p] = -1
  })
  gm.assigned.forEach((p, j) => {
    const c = committed[j]
    if (c === null || c === undefined) return
    const gp = asPartitionIndex(first + p)
    consumer.positions[p] = c.offset
    consumer.positionEpochs[p] = c.epoch
    const line = `Setting offset for partition ${partitionName(ctx, gp)} to the committed offset ${committedPosition(ctx, consumer, gp, p, c)}`
    // From 3.7 ConsumerUtils logs it through a static logger: no [Consumer clientId=…] prefix.
    if (atLeast(clientRules(ctx).version, '3.7'))
      clientLine(ctx, spec.id, 'INFO', line, committedOffsetLogger(ctx))
    else log(ctx, consumer, 'INFO', committedOffsetLogger(ctx), line)
  })
  emit(ctx, {
    atMs: ctx.s.nowMs,
    type: 'GroupAssignmentReceived',
    client: spec.id,
    group: group.name,
    member: consumer.member,
    generation: gm.generation,
    partitions: gm.assigned.slice(),
  })
}

/**
 * FetchPosition.toString of a committed offset, with the leader the consumer's metadata names
 * (Metadata.currentLeader).
 */
function committedPosition(
  ctx: Ctx,
  consumer: ConsumerState,
  gp: number,
  p: number,
  c: { offset: number; epoch: number },
): string {
  const part = partitionAt(ctx, asPartitionIndex(gp))
  const leaderId = consumer.metadata?.[p] ?? -1
  const leader =
    leaderId >= 0
      ? `Optional[b-${leaderId}:9092 (id: ${leaderId} rack: ${ctx.spec.cluster.zones[brokerAt(ctx, brokerIdx(ctx, leaderId)).zone] as string})]`
      : 'Optional.empty'
  const epoch = c.epoch >= 0 ? `Optional[${c.epoch}]` : 'Optional.empty'
  return `FetchPosition{offset=${c.offset}, offsetEpoch=${epoch}, currentLeader=LeaderAndEpoch{leader=${leader}, epoch=${leaderId >= 0 ? part.leaderEpoch : 'absent'}}}`
}

/** No coordinator (the offsets topic does not exist, or its partition has no leader). */
function noteNoCoordinator(ctx: Ctx, consumer: ConsumerState): void {
  const group = groupOf(ctx, consumer)
  if (group.state !== 'Empty' || group.generation > 0) return
  // Logged once per member: the lookup fails at debug level in Kafka, so the application sees
  // nothing but a consumer that never gets partitions. The event says why.
  const gm = memberOf(consumer)
  if (gm.noCoordinatorNoted) return
  gm.noCoordinatorNoted = true
  emit(ctx, {
    atMs: ctx.s.nowMs,
    type: 'GroupCoordinatorNotAvailable',
    client: consumerSpecOf(ctx, consumer).id,
    group: group.name,
    reason: group.offsetsPartition < 0 ? 'no-offsets-topic' : 'no-leader',
  })
}

/** The partitions a member reads now: its assignment while stable, none otherwise. */
export function memberPartitions(consumer: ConsumerState): number[] | null {
  const gm = consumer.gm
  if (gm === null) return null
  return gm.phase === PHASE_STABLE ? gm.assigned : EMPTY
}
const EMPTY: number[] = []

// ---------------------------------------------------------------------------------------------
// The application process
// ---------------------------------------------------------------------------------------------

/** crashClient on a member: its group state goes with the process (the caller marks it dead); the coordinator notices by the session timeout. */
export function crashMember(consumer: ConsumerState): void {
  if (consumer.gm !== null) consumer.gm = newGroupMember()
}

// ---------------------------------------------------------------------------------------------
// The coordinator
// ---------------------------------------------------------------------------------------------

/** A group request reaches a broker, which answers it (or parks a JoinGroup / SyncGroup). */
export function onGroupRequestArrive(
  ctx: Ctx,
  consumer: ConsumerState,
  kind: number,
  gen: number,
): void {
  const gm = consumer.gm
  if (gm === null || !gm.open[kind] || gm.gen[kind] !== gen) return
  const spec = consumerSpecOf(ctx, consumer)
  const b = nodeBroker(ctx, spec, gm.conn[kind] as number)
  if (b < 0 || !clientToBroker(ctx, b)) return
  const group = groupOf(ctx, consumer)
  const slot = slotOfMember(group, consumer)
  if (kind === GROUP_REQ.find) {
    const found = findCoordinator(ctx, group, b)
    gm.answerBroker = found
    answer(ctx, consumer, kind, found < 0 ? 'COORDINATOR_NOT_AVAILABLE' : null)
    return
  }
  if (!isCoordinator(ctx, group, b)) {
    answer(ctx, consumer, kind, 'NOT_COORDINATOR')
    return
  }
  loadIfNeeded(ctx, group, b)
  switch (kind) {
    case GROUP_REQ.join:
      handleJoin(ctx, group, slot, consumer)
      return
    case GROUP_REQ.sync:
      handleSync(ctx, group, slot, consumer)
      return
    case GROUP_REQ.heartbeat:
      answer(ctx, consumer, kind, handleHeartbeat(ctx, group, slot, consumer))
      return
    case GROUP_REQ.commit:
      answer(ctx, consumer, kind, handleCommit(ctx, group, slot, consumer, b))
      return
  }
}

function answer(ctx: Ctx, consumer: ConsumerState, kind: number, error: GroupError | null): void {
  const gm = memberOf(consumer)
  gm.answerError[kind] = error
  at(ctx, ctx.latencyClientMs, EV.groupResponse, consumer.index, kind, gm.gen[kind])
}

/**
 * FindCoordinator: the broker index of the leader of the group's offsets partition as this
 * broker's metadata names it, -1 for none (COORDINATOR_NOT_AVAILABLE).
 */
function findCoordinator(ctx: Ctx, group: GroupState, b: BrokerIndex): number {
  if (group.offsetsPartition < 0) return -1
  const part = partitionAt(ctx, asPartitionIndex(group.offsetsPartition))
  const leader = leaderAtVersion(part, metadataVersionSeenBy(ctx, b))
  return leader < 0 ? -1 : brokerIdx(ctx, leader)
}

/** Whether broker `b` coordinates the group: it leads the group's offsets partition. */
function isCoordinator(ctx: Ctx, group: GroupState, b: BrokerIndex): boolean {
  if (group.offsetsPartition < 0) return false
  const part = partitionAt(ctx, asPartitionIndex(group.offsetsPartition))
  const rs = part.replicaStates[slotOf(ctx, part, b)]
  return rs !== undefined && rs.leaderSide !== null && rs.knownLeaderId === brokerAt(ctx, b).id
}

/**
 * GroupMetadataManager.scheduleLoadGroupAndOffsets / GroupCoordinator.onGroupLoaded: a broker
 * that became leader of the group's partition takes the group over and starts every member's
 * session afresh. A rebalance under way at the old coordinator starts again.
 */
function loadIfNeeded(ctx: Ctx, group: GroupState, b: BrokerIndex): void {
  const part = partitionAt(ctx, asPartitionIndex(group.offsetsPartition))
  const rs = part.replicaStates[slotOf(ctx, part, b)]
  const epoch = rs === undefined ? -1 : rs.knownLeaderEpoch
  if (group.loadedBy === b && group.loadedEpoch === epoch) return
  group.loadedBy = b
  group.loadedEpoch = epoch
  group.joined.fill(false)
  group.syncWaiting.fill(false)
  if (group.state === 'PreparingRebalance' || group.state === 'CompletingRebalance') {
    group.state = 'PreparingRebalance'
    group.joinDeadlineMs = -1
  }
  for (let slot = 0; slot < group.slots.length; slot++) {
    if (group.inGroup[slot]) touchSession(ctx, group, slot)
    if (group.ghostIds[slot] !== '') {
      const consumer = ctx.s.consumers[group.slots[slot] as number] as ConsumerState
      const timeout = consumerSpecOf(ctx, consumer).config['session.timeout.ms']
      group.ghostExpiryMs[slot] = ctx.s.nowMs + timeout
      at(ctx, timeout, EV.groupSessionExpire, ctx.s.groups.indexOf(group), slot, GHOST)
    }
  }
}

/**
 * Broker `b` stopped leading offsets partition `p` while it runs (GroupCoordinator.onResignation,
 * GroupMetadataManager.removeGroupsForPartition): its groups are unloaded, and a JoinGroup or
 * SyncGroup parked there is answered NOT_COORDINATOR, so its member looks for the new
 * coordinator instead of waiting out its request timeout.
 */
export function unloadGroups(ctx: Ctx, p: number, b: BrokerIndex): void {
  for (const group of ctx.s.groups) {
    if (group.offsetsPartition !== p || group.loadedBy !== b) continue
    group.loadedBy = -1
    group.loadedEpoch = -1
    for (const ci of group.slots) {
      const consumer = ctx.s.consumers[ci] as ConsumerState
      const gm = consumer.gm
      if (gm === null || !consumer.alive) continue
      const spec = consumerSpecOf(ctx, consumer)
      for (const kind of [GROUP_REQ.join, GROUP_REQ.sync]) {
        if (gm.open[kind] && nodeBroker(ctx, spec, gm.conn[kind] as number) === b)
          answer(ctx, consumer, kind, 'NOT_COORDINATOR')
      }
    }
    group.joined.fill(false)
    group.syncWaiting.fill(false)
  }
}

/** completeAndScheduleNextHeartbeatExpiration: the member's session runs from now. */
function touchSession(ctx: Ctx, group: GroupState, slot: number): void {
  const count = (group.heartbeats[slot] as number) + 1
  group.heartbeats[slot] = count
  group.lastHeartbeatMs[slot] = ctx.s.nowMs
  const consumer = ctx.s.consumers[group.slots[slot] as number] as ConsumerState
  const timeout = consumerSpecOf(ctx, consumer).config['session.timeout.ms']
  at(ctx, timeout, EV.groupSessionExpire, ctx.s.groups.indexOf(group), slot, count)
}

/** A member id as Kafka makes one: client.id, "-", a random UUID (GroupCoordinator). */
function newMemberId(ctx: Ctx, consumer: ConsumerState): string {
  const hex = (digits: number): string => {
    let out = ''
    for (let i = 0; i < digits; i++) out += '0123456789abcdef'[nextInt(ctx.s.prng, 16)] as string
    return out
  }
  // UUID.randomUUID: version 4, variant 10.
  const variant = '89ab'[nextInt(ctx.s.prng, 4)] as string
  return `${consumerSpecOf(ctx, consumer).clientId}-${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`
}

function handleJoin(ctx: Ctx, group: GroupState, slot: number, consumer: ConsumerState): void {
  const gm = memberOf(consumer)
  const now = ctx.s.nowMs
  if (gm.memberId === '') {
    // KIP-394: the member must come back with the id it is given.
    gm.answerMemberId = newMemberId(ctx, consumer)
    answer(ctx, consumer, GROUP_REQ.join, 'MEMBER_ID_REQUIRED')
    return
  }
  const known = group.inGroup[slot] === true && group.memberIds[slot] === gm.memberId
  if (
    known &&
    (group.state === 'CompletingRebalance' ||
      (group.state === 'Stable' && slot !== group.leaderSlot))
  ) {
    // GroupCoordinator.doCurrentMemberJoinGroup: a known member with unchanged metadata (always
    // so here) gets the current generation back, with no rebalance: while it completes (it may
    // have missed its JoinGroup answer), or in Stable unless it is the leader (a leader's
    // JoinGroup forces a rebalance). The member then syncs and gets its assignment again.
    touchSession(ctx, group, slot)
    gm.answerGeneration = group.generation
    answer(ctx, consumer, GROUP_REQ.join, null)
    return
  }
  if (!known) {
    if (group.inGroup[slot]) {
      // A restarted process joins as a new member (dynamic membership: a new member id); its
      // old self stays in the group until its session runs out (GroupCoordinator
      // .onExpireHeartbeat), and the rebalance cannot complete before (GroupMetadata
      // .hasAllMembersJoined). One old member id per process is kept.
      if (group.ghostIds[slot] === '') {
        const timeout = consumerSpecOf(ctx, consumer).config['session.timeout.ms']
        group.ghostIds[slot] = group.memberIds[slot] as string
        group.ghostExpiryMs[slot] = (group.lastHeartbeatMs[slot] as number) + timeout
        at(
          ctx,
          Math.max(0, group.ghostExpiryMs[slot] - now),
          EV.groupSessionExpire,
          ctx.s.groups.indexOf(group),
          slot,
          GHOST,
        )
      } else removeMember(ctx, group, slot, 'replaced')
      group.assignment[slot] = []
    }
    group.inGroup[slot] = true
    group.memberIds[slot] = gm.memberId
  }
  group.joined[slot] = true
  touchSession(ctx, group, slot)
  const delay = ctx.spec.cluster.config['group.initial.rebalance.delay.ms']
  if (group.state === 'Empty') {
    // InitialDelayedJoin: a new group waits group.initial.rebalance.delay.ms, then again (up to
    // the rebalance timeout) for as long as members keep arriving during each wait.
    const maxPoll = consumerSpecOf(ctx, consumer).config['max.poll.interval.ms']
    group.state = 'PreparingRebalance'
    group.newMemberAdded = false
    group.delayRemainingMs = Math.max(0, maxPoll - delay)
    group.joinDeadlineMs = now + delay
    scheduleJoinCheck(ctx, group, delay)
  } else if (group.state === 'Stable' || group.state === 'CompletingRebalance') {
    // A new member, or the leader rejoining a Stable group: a rebalance.
    prepareRebalance(ctx, group)
  } else if (!known && group.generation === 0) {
    // GroupCoordinator.addMemberAndRebalance: "the join group can be further delayed".
    group.newMemberAdded = true
  }
  tryCompleteJoin(ctx, group)
}

function scheduleJoinCheck(ctx: Ctx, group: GroupState, delayMs: number): void {
  group.rebalanceGen += 1
  at(ctx, delayMs, EV.groupJoinCheck, ctx.s.groups.indexOf(group), group.rebalanceGen)
}

/** InitialDelayedJoin.onComplete: wait once more if a member came meanwhile, else complete. */
export function onGroupJoinCheck(ctx: Ctx, g: number, rebalanceGen: number): void {
  const group = ctx.s.groups[g] as GroupState
  if (group.rebalanceGen !== rebalanceGen) return
  if (ctx.s.nowMs < group.joinDeadlineMs) return
  if (group.newMemberAdded && group.delayRemainingMs > 0) {
    const delay = Math.min(
      ctx.spec.cluster.config['group.initial.rebalance.delay.ms'],
      group.delayRemainingMs,
    )
    group.newMemberAdded = false
    group.delayRemainingMs -= delay
    group.joinDeadlineMs = ctx.s.nowMs + delay
    scheduleJoinCheck(ctx, group, delay)
    return
  }
  group.joinDeadlineMs = -1
  tryCompleteJoin(ctx, group)
}

/** GroupCoordinator.prepareRebalance: members learn of it from their next heartbeat. */
function prepareRebalance(ctx: Ctx, group: GroupState): void {
  // resetAndPropagateAssignmentError: SyncGroups waiting for the leader's get REBALANCE_IN_PROGRESS.
  if (group.state === 'CompletingRebalance') {
    for (let slot = 0; slot < group.slots.length; slot++) {
      if (!group.syncWaiting[slot]) continue
      const consumer = ctx.s.consumers[group.slots[slot] as number] as ConsumerState
      if (consumer.gm?.open[GROUP_REQ.sync] === true)
        answer(ctx, consumer, GROUP_REQ.sync, 'REBALANCE_IN_PROGRESS')
    }
  }
  group.state = 'PreparingRebalance'
  group.joinDeadlineMs = -1
  group.syncWaiting.fill(false)
}

/**
 * The join completes when every member the coordinator knows has rejoined (dead ones leave by
 * their session timeout): a new generation, the leader's RangeAssignor assignment.
 */
function tryCompleteJoin(ctx: Ctx, group: GroupState): void {
  if (group.state !== 'PreparingRebalance' || group.joinDeadlineMs >= 0) return
  if (group.loadedBy < 0 || !isCoordinator(ctx, group, asBrokerIndex(group.loadedBy))) return
  for (let slot = 0; slot < group.slots.length; slot++)
    if ((group.inGroup[slot] && !group.joined[slot]) || group.ghostIds[slot] !== '') return
  group.generation += 1
  const members: number[] = []
  for (let slot = 0; slot < group.slots.length; slot++) if (group.inGroup[slot]) members.push(slot)
  if (members.length === 0) {
    group.state = 'Empty'
    return
  }
  group.state = 'CompletingRebalance'
  if (group.leaderSlot < 0 || !group.inGroup[group.leaderSlot])
    group.leaderSlot = members[0] as number
  rangeAssign(ctx, group, members)
  emit(ctx, {
    atMs: ctx.s.nowMs,
    type: 'GroupRebalanced',
    group: group.name,
    generation: group.generation,
    members: members.length,
    broker: brokerAt(ctx, asBrokerIndex(group.loadedBy)).id,
  })
  for (const slot of members) {
    group.joined[slot] = false
    const consumer = ctx.s.consumers[group.slots[slot] as number] as ConsumerState
    touchSession(ctx, group, slot)
    const gm = memberOf(consumer)
    gm.answerGeneration = group.generation
    if (gm.open[GROUP_REQ.join]) answer(ctx, consumer, GROUP_REQ.join, null)
  }
}

/**
 * RangeAssignor for one topic: members sorted by member id, each gets partitions / members
 * consecutive partitions, the first partitions % members one more.
 */
export function rangeAssignment(memberIds: string[], partitions: number): number[][] {
  const order = memberIds
    .map((id, i) => ({ id, i }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const out: number[][] = memberIds.map(() => [])
  const per = Math.floor(partitions / memberIds.length)
  const extra = partitions % memberIds.length
  let next = 0
  order.forEach(({ i }, rank) => {
    const count = per + (rank < extra ? 1 : 0)
    for (let j = 0; j < count; j++) (out[i] as number[]).push(next++)
  })
  return out
}

function rangeAssign(ctx: Ctx, group: GroupState, members: number[]): void {
  const partitions = (ctx.spec.topics[group.topic] as { partitions: number }).partitions
  const assignment = rangeAssignment(
    members.map((slot) => group.memberIds[slot] as string),
    partitions,
  )
  group.assignment = group.slots.map(() => [])
  members.forEach((slot, i) => {
    group.assignment[slot] = assignment[i] as number[]
  })
}

function handleSync(ctx: Ctx, group: GroupState, slot: number, consumer: ConsumerState): void {
  const gm = memberOf(consumer)
  const error = memberError(group, slot, gm)
  if (error !== null) {
    answer(ctx, consumer, GROUP_REQ.sync, error)
    return
  }
  if (group.state === 'PreparingRebalance') {
    answer(ctx, consumer, GROUP_REQ.sync, 'REBALANCE_IN_PROGRESS')
    return
  }
  touchSession(ctx, group, slot)
  if (group.state === 'Stable') {
    answer(ctx, consumer, GROUP_REQ.sync, null)
    return
  }
  // CompletingRebalance: the followers wait for the leader's SyncGroup and its assignment.
  group.syncWaiting[slot] = true
  if (slot !== group.leaderSlot) return
  group.state = 'Stable'
  for (let s2 = 0; s2 < group.slots.length; s2++) {
    if (!group.syncWaiting[s2]) continue
    group.syncWaiting[s2] = false
    answer(ctx, ctx.s.consumers[group.slots[s2] as number] as ConsumerState, GROUP_REQ.sync, null)
  }
}

function memberError(group: GroupState, slot: number, gm: GroupMemberState): GroupError | null {
  if (!group.inGroup[slot] || group.memberIds[slot] !== gm.memberId) return 'UNKNOWN_MEMBER_ID'
  if (gm.generation !== group.generation) return 'ILLEGAL_GENERATION'
  return null
}

function handleHeartbeat(
  ctx: Ctx,
  group: GroupState,
  slot: number,
  consumer: ConsumerState,
): GroupError | null {
  const gm = memberOf(consumer)
  if (!group.inGroup[slot] || group.memberIds[slot] !== gm.memberId) return 'UNKNOWN_MEMBER_ID'
  if (group.state === 'CompletingRebalance' || group.state === 'PreparingRebalance') {
    touchSession(ctx, group, slot)
    return 'REBALANCE_IN_PROGRESS'
  }
  if (gm.generation !== group.generation) return 'ILLEGAL_GENERATION'
  touchSession(ctx, group, slot)
  return null
}

/**
 * OffsetCommit: one record appended to the group's offsets partition (the commit's offsets live
 * in `group.commits` by its log offset). The leader refuses it below min.insync.replicas
 * (NOT_ENOUGH_REPLICAS, which the coordinator answers as COORDINATOR_NOT_AVAILABLE).
 */
function handleCommit(
  ctx: Ctx,
  group: GroupState,
  slot: number,
  consumer: ConsumerState,
  b: BrokerIndex,
): GroupError | null {
  const gm = memberOf(consumer)
  if (!group.inGroup[slot] || group.memberIds[slot] !== gm.memberId) return 'UNKNOWN_MEMBER_ID'
  if (gm.generation !== group.generation) return 'ILLEGAL_GENERATION'
  // A member of the current generation may commit while a rebalance is prepared (onJoinPrepare).
  if (group.state === 'CompletingRebalance') return 'REBALANCE_IN_PROGRESS'
  const p = asPartitionIndex(group.offsetsPartition)
  const part = partitionAt(ctx, p)
  const slotB = slotOf(ctx, part, b)
  const rs = part.replicaStates[slotB]
  if (rs === undefined || rs.leaderSide === null) return 'NOT_COORDINATOR'
  if (rs.leaderSide.knownIsrSize < leaderMinIsr(ctx, p, b)) return 'COORDINATOR_NOT_AVAILABLE'
  touchSession(ctx, group, slot)
  const logOffset = rs.log.logEndOffset
  // Commits past the leader's log end were truncated away with it.
  while (
    group.commits.length > 0 &&
    (group.commits[group.commits.length - 1] as { logOffset: number }).logOffset >= logOffset
  )
    group.commits.pop()
  appendBatch(rs.log, {
    baseOffset: logOffset,
    count: 1,
    epoch: rs.knownLeaderEpoch,
    producer: -1,
    baseSequence: -1,
  })
  noteLeaderAppend(ctx, rs.leaderSide)
  wakeFollowers(ctx, p, b)
  maybeIncrementLeaderHighWatermark(ctx, p, slotB)
  group.commits.push({
    logOffset,
    partitions: gm.commitPartitions.slice(),
    offsets: gm.commitOffsets.slice(),
    epochs: gm.commitEpochs.slice(),
  })
  return null
}

/** The committed offset of partition `p` as the coordinator on `b` reads its log, or null. */
export function committedOffset(
  ctx: Ctx,
  group: GroupState,
  b: BrokerIndex,
  p: number,
): { offset: number; epoch: number } | null {
  if (group.offsetsPartition < 0) return null
  const part = partitionAt(ctx, asPartitionIndex(group.offsetsPartition))
  const rs = part.replicaStates[slotOf(ctx, part, b)]
  const end = rs === undefined ? 0 : rs.log.logEndOffset
  for (let i = group.commits.length - 1; i >= 0; i--) {
    const c = group.commits[i] as {
      logOffset: number
      partitions: number[]
      offsets: number[]
      epochs: number[]
    }
    if (c.logOffset >= end) continue
    const j = c.partitions.indexOf(p)
    if (j >= 0 && (c.offsets[j] as number) >= 0)
      return { offset: c.offsets[j] as number, epoch: c.epochs[j] as number }
  }
  return null
}

/** A member's session expired at the coordinator (GroupCoordinator.onExpireHeartbeat). */
export function onGroupSessionExpire(ctx: Ctx, g: number, slot: number, count: number): void {
  const group = ctx.s.groups[g] as GroupState
  if (count === GHOST) {
    expireGhost(ctx, group, slot)
    return
  }
  if (group.heartbeats[slot] !== count || !group.inGroup[slot]) return
  // Only a running coordinator expires members; a new one restarts their sessions on load.
  if (group.loadedBy < 0 || !isCoordinator(ctx, group, asBrokerIndex(group.loadedBy))) return
  const b = asBrokerIndex(group.loadedBy)
  if (!brokerAt(ctx, b).processUp) return
  // A member waiting in JoinGroup is kept alive until the join completes.
  if (group.joined[slot]) return
  removeMember(ctx, group, slot, 'session-timeout')
}

function emitMemberRemoved(
  ctx: Ctx,
  group: GroupState,
  slot: number,
  memberId: string,
  reason: 'session-timeout' | 'replaced',
): void {
  const consumer = ctx.s.consumers[group.slots[slot] as number] as ConsumerState
  emit(ctx, {
    atMs: ctx.s.nowMs,
    type: 'GroupMemberRemoved',
    group: group.name,
    client: consumerSpecOf(ctx, consumer).id,
    member: consumer.member,
    memberId,
    reason,
  })
}

/** The session timer of a restarted member's old self: `count` in EV.groupSessionExpire. */
const GHOST = -1

function expireGhost(ctx: Ctx, group: GroupState, slot: number): void {
  if (group.ghostIds[slot] === '' || ctx.s.nowMs < (group.ghostExpiryMs[slot] as number)) return
  // Only a running coordinator expires it; a new one restarts its session on load.
  if (group.loadedBy < 0 || !isCoordinator(ctx, group, asBrokerIndex(group.loadedBy))) return
  emitMemberRemoved(ctx, group, slot, group.ghostIds[slot] as string, 'session-timeout')
  group.ghostIds[slot] = ''
  group.ghostExpiryMs[slot] = -1
  tryCompleteJoin(ctx, group)
}

function removeMember(
  ctx: Ctx,
  group: GroupState,
  slot: number,
  reason: 'session-timeout' | 'replaced',
): void {
  emitMemberRemoved(ctx, group, slot, group.memberIds[slot] as string, reason)
  group.inGroup[slot] = false
  group.joined[slot] = false
  group.syncWaiting[slot] = false
  group.memberIds[slot] = ''
  group.assignment[slot] = []
  if (group.leaderSlot === slot) group.leaderSlot = -1
  if (reason === 'replaced') return
  if (group.state === 'Stable' || group.state === 'CompletingRebalance')
    prepareRebalance(ctx, group)
  tryCompleteJoin(ctx, group)
}

// ---------------------------------------------------------------------------------------------
// Delivery accounting
// ---------------------------------------------------------------------------------------------

/** What a position's move hands out: records consumed twice are counted as duplicates. */
export function noteDelivered(
  ctx: Ctx,
  consumer: ConsumerState,
  p: number,
  from: number,
  to: number,
): void {
  const delivered = consumer.group >= 0 ? groupOf(ctx, consumer).delivered : consumer.delivered
  const end = delivered[p] as number
  const again = Math.max(0, Math.min(to, end) - from)
  if (again > 0) {
    if (consumer.group >= 0) groupOf(ctx, consumer).duplicates += again
    else consumer.duplicates += again
  }
  if (to > end) delivered[p] = to
}

/**
 * A position jumps from `from` to `to`. Records from `validEnd` on were replaced in the log (a
 * truncation, or a position past the leader's log end), so what was delivered there no longer
 * counts as delivered; a forward jump past undelivered records below the high watermark counts
 * them as skipped (`firstStart`: a member starts a partition without a committed offset, which
 * is only a skip when the group had read from it before).
 */
export function notePositionJump(
  ctx: Ctx,
  consumer: ConsumerState,
  p: number,
  from: number,
  to: number,
  validEnd: number,
  firstStart = false,
): void {
  const delivered = consumer.group >= 0 ? groupOf(ctx, consumer).delivered : consumer.delivered
  const end = Math.min(delivered[p] as number, validEnd)
  delivered[p] = end
  // Where a group that never read the partition starts is auto.offset.reset's choice, not a skip.
  if (firstStart && end === 0) return
  const skipped = Math.max(0, to - Math.max(from, end))
  if (skipped === 0) return
  if (consumer.group >= 0) groupOf(ctx, consumer).skipped += skipped
  else consumer.skipped += skipped
  delivered[p] = to
}
