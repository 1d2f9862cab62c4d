/**
 * The control plane: controller quorum (KRaft) or ZooKeeper ensemble, the active controller,
 * broker liveness (heartbeats and fencing, or ZooKeeper sessions) and broker start/stop.
 *
 * KRaft: brokers heartbeat every `broker.heartbeat.interval.ms`; the active controller fences a
 * broker after `broker.session.timeout.ms` without one (BrokerHeartbeatManager). A new active
 * controller needs a connected majority of voters and is elected after the followers' fetch
 * timeout (`controller.quorum.fetch.timeout.ms`, 2 s) plus a random election backoff (≤ 1 s).
 *
 * ZooKeeper: a broker's session expires after `zookeeper.session.timeout.ms` without contact;
 * the controller is a broker, and a new one is chosen only when the old one's session ends.
 * Nothing changes while the ensemble has no majority.
 */
import { at, brokerAt, emit, hostedOn, partitionAt, replicaAt, type Ctx } from './context'
import { asBrokerIndex, type BrokerIndex } from './ids'
import { EV } from './state'
import {
  controlledShutdown,
  handleBrokerRegistration,
  fenceBroker,
  maybeScheduleBalance,
  unfenceBroker,
  zkBrokerFailure,
  zkElectOfflinePartitions,
} from './controller'
import {
  brokerToControllerNode,
  connectedToController,
  majorityComponent,
  serving,
  zkReachable,
} from './network'
import { truncateTo } from './log'
import { intInclusive } from './prng'
import { isrCheckIntervalMs } from './spec'
import { catchUpMetadata, forgetRoles, kickDownPairs, slotOf } from './broker/replica-manager'
import { resendPendingIsrChanges } from './broker/replication'

const KRAFT_ELECTION_DELAY_MS = 2000
const KRAFT_ELECTION_JITTER_MS = 1000
const ZK_CONTROLLER_ELECTION_DELAY_MS = 200
export const BROKER_STARTUP_MS = 5000
export const FENCE_CHECK_INTERVAL_MS = 1000

const isKraft = (ctx: Ctx) => ctx.spec.cluster.controller === 'kraft'

/** Freezes the metadata version of every broker before connectivity changes. */
export function syncMetadataVersions(ctx: Ctx): void {
  ctx.s.brokers.forEach((broker, i) => {
    const b = asBrokerIndex(i)
    if (connectedToController(ctx, b)) broker.metadataVersion = ctx.s.metadataVersion
  })
}

/** After any fault: recheck the quorum, the controller, and restart broken fetches. */
export function reevaluateControlPlane(ctx: Ctx): void {
  const s = ctx.s
  const majority = majorityComponent(ctx)
  const hadMajority = s.quorumHasMajority
  s.quorumHasMajority = majority.length > 0
  if (hadMajority && !s.quorumHasMajority) emit(ctx, { atMs: s.nowMs, type: 'QuorumLost' })
  if (!hadMajority && s.quorumHasMajority) {
    emit(ctx, { atMs: s.nowMs, type: 'QuorumRestored' })
    // Sessions and heartbeats are judged afresh once the quorum is back.
    for (const broker of s.brokers) broker.lastHeartbeatMs = s.nowMs
  }
  const active = s.activeController
  if (isKraft(ctx)) {
    if (active >= 0 && !majority.includes(active))
      resign(ctx, (s.controllers[active] as { id: number }).id)
    if (s.activeController < 0 && majority.length > 0)
      scheduleElection(
        ctx,
        KRAFT_ELECTION_DELAY_MS + intInclusive(s.prng, 0, KRAFT_ELECTION_JITTER_MS),
      )
  } else if (active < 0 && majority.length > 0) {
    scheduleElection(ctx, ZK_CONTROLLER_ELECTION_DELAY_MS)
  }
  // Brokers that can reach the controller again catch up on the metadata they missed.
  s.brokers.forEach((broker, i) => {
    const b = asBrokerIndex(i)
    if (
      serving(broker) &&
      broker.metadataVersion < s.metadataVersion &&
      connectedToController(ctx, b)
    ) {
      catchUpMetadata(ctx, b)
    }
  })
  kickDownPairs(ctx)
}

function resign(ctx: Ctx, id: number): void {
  ctx.s.activeController = -1
  ctx.s.controllerGen += 1
  emit(ctx, { atMs: ctx.s.nowMs, type: 'ControllerResigned', controller: id })
}

function scheduleElection(ctx: Ctx, delayMs: number): void {
  ctx.s.controllerGen += 1
  ctx.s.controllerElectionDueMs = ctx.s.nowMs + Math.max(0, Math.round(delayMs))
  at(ctx, delayMs, EV.controllerElection, ctx.s.controllerGen)
}

export function onControllerElection(ctx: Ctx, gen: number): void {
  const s = ctx.s
  if (gen !== s.controllerGen || s.activeController >= 0) return
  const majority = majorityComponent(ctx)
  if (majority.length === 0) return
  if (isKraft(ctx)) {
    const winner = majority[intInclusive(s.prng, 0, majority.length - 1)] as number
    s.activeController = winner
    emit(ctx, {
      atMs: s.nowMs,
      type: 'ControllerElected',
      controller: (s.controllers[winner] as { id: number }).id,
    })
    // A new active controller gives every broker a full session before fencing it.
    for (const broker of s.brokers) broker.lastHeartbeatMs = s.nowMs
    // Its own balance schedule starts afresh (the former controller's run was cancelled).
    s.balanceScheduled = false
    s.balanceImmediately = false
    maybeScheduleBalance(ctx)
    s.brokers.forEach((broker, i) => {
      const b = asBrokerIndex(i)
      if (serving(broker) && connectedToController(ctx, b)) catchUpMetadata(ctx, b)
    })
    return
  }
  // ZooKeeper: the first live broker with a session to win the /controller znode (lowest id here).
  const candidate = s.brokers.findIndex(
    (broker, i) =>
      broker.registered && serving(broker) && zkReachable(ctx, asBrokerIndex(i), majority),
  )
  if (candidate < 0) return
  s.activeController = candidate
  emit(ctx, {
    atMs: s.nowMs,
    type: 'ControllerElected',
    controller: brokerAt(ctx, asBrokerIndex(candidate)).id,
  })
  // onControllerFailover: brokers without a session are dead; their partitions move. So are
  // brokers that bounced while there was no controller (see onBrokerReady).
  s.brokers.forEach((broker, i) => {
    const b = asBrokerIndex(i)
    if (!broker.registered || broker.zkBounced) zkBrokerFailure(ctx, b)
    broker.zkBounced = false
  })
  zkElectOfflinePartitions(ctx, null)
  s.brokers.forEach((broker, i) => {
    const b = asBrokerIndex(i)
    if (serving(broker) && connectedToController(ctx, b)) catchUpMetadata(ctx, b)
  })
}

/** A broker's periodic heartbeat (KRaft) or ZooKeeper session ping. */
export function onHeartbeat(ctx: Ctx, b: BrokerIndex): void {
  const s = ctx.s
  const broker = brokerAt(ctx, b)
  const config = ctx.spec.cluster.config
  at(
    ctx,
    isKraft(ctx)
      ? config['broker.heartbeat.interval.ms']
      : Math.max(500, Math.floor(config['zookeeper.session.timeout.ms'] / 3)),
    EV.heartbeat,
    b,
    broker.gen,
  )
  if (!serving(broker)) return
  if (isKraft(ctx)) {
    const active = s.activeController
    if (active < 0 || !brokerToControllerNode(ctx, b, active)) return
    if (!broker.registered) {
      if (!broker.fenced) return // the old incarnation's session is still valid: refused
      broker.registered = true
      emit(ctx, { atMs: s.nowMs, type: 'BrokerRegistered', broker: broker.id })
      handleBrokerRegistration(ctx, b)
    }
    broker.lastHeartbeatMs = s.nowMs
    if (broker.metadataVersion < s.metadataVersion) catchUpMetadata(ctx, b)
    broker.reportedMetadataVersion = broker.metadataVersion
    resendPendingIsrChanges(ctx, b)
    if (broker.fenced && !broker.inControlledShutdown && broker.status === 'online') {
      unfenceBroker(ctx, b)
      // Its listeners open: followers waiting to fetch from it start now.
      kickDownPairs(ctx)
    }
    return
  }
  const majority = majorityComponent(ctx)
  if (majority.length === 0 || !zkReachable(ctx, b, majority)) return
  broker.lastHeartbeatMs = s.nowMs
  if (!broker.registered) {
    broker.registered = true
    broker.fenced = false
    emit(ctx, { atMs: s.nowMs, type: 'BrokerRegistered', broker: broker.id })
    if (s.activeController < 0) {
      scheduleElection(ctx, ZK_CONTROLLER_ELECTION_DELAY_MS)
    } else {
      // KafkaController.onBrokerStartup (from processBrokerChange, which also handles a bounced
      // broker as onBrokerFailure then onBrokerStartup): send it LeaderAndIsr, then
      // partitionStateMachine.triggerOnlinePartitionStateChange() elects every offline
      // partition that can now have a leader. The controller sees the registration in
      // ZooKeeper and elects by writing there, so the election does not wait for its channel
      // to this broker (only the LeaderAndIsr does: the broker catches up when it reconnects).
      // It is gated like the failure half (onBrokerReady, expireSession): a serving controller.
      // Gating it on the channel, as before, left a partition that went offline at the
      // broker's bounce leaderless for good, with nothing to retry the election.
      if (connectedToController(ctx, b)) catchUpMetadata(ctx, b)
      if (serving(brokerAt(ctx, asBrokerIndex(s.activeController))))
        zkElectOfflinePartitions(ctx, null)
    }
  } else if (connectedToController(ctx, b)) {
    if (broker.metadataVersion < s.metadataVersion) catchUpMetadata(ctx, b)
    resendPendingIsrChanges(ctx, b)
  }
}

/** The controller's periodic liveness check: fence stale brokers or expire ZooKeeper sessions. */
export function onFenceCheck(ctx: Ctx): void {
  const s = ctx.s
  const config = ctx.spec.cluster.config
  at(ctx, FENCE_CHECK_INTERVAL_MS, EV.fenceCheck)
  if (!s.quorumHasMajority) return
  if (isKraft(ctx)) {
    if (s.activeController < 0) return
    s.brokers.forEach((broker, i) => {
      const b = asBrokerIndex(i)
      if (
        !broker.fenced &&
        s.nowMs - broker.lastHeartbeatMs > config['broker.session.timeout.ms']
      ) {
        fenceBroker(ctx, b)
      }
    })
    return
  }
  s.brokers.forEach((broker, i) => {
    const b = asBrokerIndex(i)
    if (
      broker.registered &&
      s.nowMs - broker.lastHeartbeatMs > config['zookeeper.session.timeout.ms']
    ) {
      expireSession(ctx, b)
    }
  })
}

/** ZooKeeper: the broker's session ends (expiry, or closed by a clean shutdown). */
function expireSession(ctx: Ctx, b: BrokerIndex): void {
  const s = ctx.s
  const broker = brokerAt(ctx, b)
  broker.registered = false
  broker.fenced = true
  emit(ctx, { atMs: s.nowMs, type: 'BrokerSessionExpired', broker: broker.id })
  if (s.activeController === b) {
    resign(ctx, broker.id)
    scheduleElection(ctx, ZK_CONTROLLER_ELECTION_DELAY_MS)
    return
  }
  if (s.activeController >= 0 && serving(brokerAt(ctx, asBrokerIndex(s.activeController))))
    zkBrokerFailure(ctx, b)
}

/** Stops a broker process: `clean` for a completed controlled shutdown, else a crash. */
export function stopBroker(ctx: Ctx, b: BrokerIndex, clean: boolean): void {
  const s = ctx.s
  const broker = brokerAt(ctx, b)
  if (!broker.processUp) return
  syncMetadataVersions(ctx)
  // Delayed produce requests get no answer: a stopped process on a running host resets its
  // connections (the clients see it one latency later and fail what was in flight with
  // NETWORK_EXCEPTION); a dead host says nothing (the clients time out).
  forgetRoles(ctx, b, null)
  broker.processUp = false
  broker.status = 'offline'
  if (broker.hostUp) at(ctx, ctx.latencyClientMs, EV.brokerSocketsClosed, b, broker.gen)
  broker.gen += 1
  // A restarted broker rebuilds its replica roles from the metadata log.
  broker.metadataVersion = -1
  emit(ctx, { atMs: s.nowMs, type: 'BrokerStopped', broker: broker.id, clean })
  // A completed controlled shutdown writes the clean shutdown file with the broker epoch.
  broker.cleanShutdown = clean
  if (clean && s.quorumHasMajority) {
    // A clean shutdown tells the control plane at once: fenced (KRaft) or session closed (ZK).
    if (isKraft(ctx)) {
      if (s.activeController >= 0) fenceBroker(ctx, b)
    } else if (broker.registered) {
      expireSession(ctx, b)
    }
  }
  broker.inControlledShutdown = false
  broker.controlledShutdownVersion = -1
  reevaluateControlPlane(ctx)
}

/** Starts a broker process; it registers once log recovery and startup finish. */
export function startBroker(ctx: Ctx, b: BrokerIndex): void {
  const broker = brokerAt(ctx, b)
  if (broker.processUp || !broker.hostUp) return
  broker.processUp = true
  broker.status = 'starting'
  broker.gen += 1
  emit(ctx, { atMs: ctx.s.nowMs, type: 'BrokerStarted', broker: broker.id })
  at(ctx, BROKER_STARTUP_MS, EV.brokerReady, b, broker.gen)
}

/**
 * The broker's storage volume is replaced (MSK replaces a failed EBS volume; a self-managed
 * cluster swaps a disk): the process dies with the old volume (an unclean stop: there is no
 * clean shutdown file on the new one), every replica on it restarts from an empty log and an
 * empty leader epoch cache, and the broker starts again (once its zone is up). Its replicas then
 * fetch everything from their leaders, at the spare throughput the capacity model allows, and
 * rejoin the ISR when caught up (Partition.maybeExpandIsr). Registration, fencing and ISR removal
 * follow from the restart as for any unclean one.
 */
export function replaceVolume(ctx: Ctx, b: BrokerIndex): void {
  const broker = brokerAt(ctx, b)
  stopBroker(ctx, b, false)
  broker.cleanShutdown = false
  let replicas = 0
  let records = 0
  for (const p of hostedOn(ctx, b)) {
    const part = partitionAt(ctx, p)
    const rs = replicaAt(part, slotOf(ctx, part, b))
    replicas += 1
    records += rs.log.logEndOffset
    truncateTo(rs.log, 0)
    rs.highWatermark = 0
    rs.volumeReplaced = true
  }
  emit(ctx, { atMs: ctx.s.nowMs, type: 'VolumeReplaced', broker: broker.id, replicas, records })
  startBroker(ctx, b)
}

export function onBrokerReady(ctx: Ctx, b: BrokerIndex): void {
  const s = ctx.s
  const broker = brokerAt(ctx, b)
  const config = ctx.spec.cluster.config
  broker.status = 'online'
  // KRaft: no listener until the controller unfences this incarnation (unfenceBroker).
  broker.listening = !isKraft(ctx)
  if (isKraft(ctx)) {
    // A new incarnation must register again. While the old registration's session is still
    // valid the controller refuses it (DuplicateBrokerRegistrationException) until it fences it.
    broker.registered = false
  } else if (broker.registered) {
    // ZooKeeper sees a bounced broker (same id, new session): the controller handles it as a
    // failure and then a startup (KafkaController.processBrokerChange, bouncedBrokerIds).
    broker.registered = false
    broker.fenced = true
    if (
      s.activeController >= 0 &&
      s.activeController !== b &&
      serving(brokerAt(ctx, asBrokerIndex(s.activeController)))
    ) {
      zkBrokerFailure(ctx, b)
    } else {
      // No controller to see the bounce now (or the controller itself bounced): the next one
      // finds the broker dead at failover. In Kafka the new process cannot register while the
      // old session's /brokers/ids node exists (CheckedEphemeral: NODEEXISTS, startup fails);
      // when that session expires the other brokers race for /controller, and the winner's
      // onControllerFailover finds this broker gone, so its leaderships elect again before it
      // rejoins. (Kafka leaves a race there; the engine takes that usual outcome.) Without this
      // a broker that bounced, perhaps onto an empty volume, kept its leaderships.
      broker.zkBounced = true
      if (s.activeController === b) {
        resign(ctx, broker.id)
        scheduleElection(ctx, ZK_CONTROLLER_ELECTION_DELAY_MS)
      }
    }
  }
  // Registration happens on the first heartbeat; the ISR check runs every lag/2.
  at(ctx, 0, EV.heartbeat, b, broker.gen)
  at(ctx, isrCheckIntervalMs(config), EV.isrCheck, b, broker.gen)
  reevaluateControlPlane(ctx)
}

/**
 * Controlled shutdown, as the broker drives it. KRaft moves every leadership (or leaves the
 * partition leaderless) and lets the broker go; ZooKeeper may leave partitions behind, and the
 * broker retries `controlled.shutdown.max.retries` times before shutting down anyway.
 */
/** BrokerLifecycleManager's first re-heartbeat after a pending controlled shutdown answer. */
const FIRST_SHUTDOWN_HEARTBEAT_MS = 50

/**
 * KRaft: a heartbeat of a broker in controlled shutdown (wantShutDown). The controller grants
 * SHUTDOWN_NOW once the lowest metadata offset reported by the active brokers (unfenced, not
 * shutting down) has reached the broker's controlled shutdown offset
 * (BrokerHeartbeatManager.calculateNextBrokerState, lowestActiveOffset): every broker has then
 * applied the leadership moves. Until then the broker keeps running as a follower — produce
 * requests for its former partitions get NOT_LEADER_OR_FOLLOWER — and heartbeats every
 * broker.heartbeat.interval.ms.
 */
function shutdownHeartbeat(ctx: Ctx, b: BrokerIndex, attempt: number): void {
  const s = ctx.s
  const broker = brokerAt(ctx, b)
  const interval = ctx.spec.cluster.config['broker.heartbeat.interval.ms']
  if (s.activeController >= 0 && brokerToControllerNode(ctx, b, s.activeController)) {
    broker.lastHeartbeatMs = s.nowMs
    let lowest = Number.MAX_SAFE_INTEGER
    for (const other of s.brokers) {
      if (other === broker || !other.registered || other.fenced || other.inControlledShutdown)
        continue
      if (other.reportedMetadataVersion < lowest) lowest = other.reportedMetadataVersion
    }
    if (broker.controlledShutdownVersion <= lowest) {
      emit(ctx, { atMs: s.nowMs, type: 'ControlledShutdownCompleted', broker: broker.id })
      stopBroker(ctx, b, true)
      return
    }
  }
  at(ctx, interval, EV.controlledShutdown, b, broker.gen, attempt + 1)
}

export function onControlledShutdown(ctx: Ctx, b: BrokerIndex, attempt: number): void {
  const s = ctx.s
  const broker = brokerAt(ctx, b)
  const config = ctx.spec.cluster.config
  if (!broker.processUp) return
  if (!config['controlled.shutdown.enable']) {
    stopBroker(ctx, b, true)
    return
  }
  if (isKraft(ctx) && broker.controlledShutdownVersion >= 0) {
    shutdownHeartbeat(ctx, b, attempt)
    return
  }
  broker.status = 'shutting-down'
  const reachable = connectedToController(ctx, b)
  const ledSomething = hostedOn(ctx, b).some((p) => partitionAt(ctx, p).leaderId === broker.id)
  const remaining = reachable ? controlledShutdown(ctx, b) : -1
  emit(ctx, {
    atMs: s.nowMs,
    type: 'ControlledShutdownRequested',
    broker: broker.id,
    remainingLeaders: Math.max(0, remaining),
  })
  if (remaining === 0 && isKraft(ctx) && ledSomething) {
    // BrokerHeartbeatManager: a broker with leaderships enters CONTROLLED_SHUTDOWN; the answer
    // is shouldShutDown=false, and BrokerLifecycleManager asks again 50 ms later.
    broker.controlledShutdownVersion = s.metadataVersion
    at(ctx, FIRST_SHUTDOWN_HEARTBEAT_MS, EV.controlledShutdown, b, broker.gen, attempt + 1)
    return
  }
  if (remaining === 0) {
    emit(ctx, { atMs: s.nowMs, type: 'ControlledShutdownCompleted', broker: broker.id })
    stopBroker(ctx, b, true)
    return
  }
  if (attempt < config['controlled.shutdown.max.retries']) {
    at(
      ctx,
      config['controlled.shutdown.retry.backoff.ms'],
      EV.controlledShutdown,
      b,
      broker.gen,
      attempt + 1,
    )
    return
  }
  stopBroker(ctx, b, true)
}
