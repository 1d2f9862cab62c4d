/**
 * The discrete-event loop: `step` pops the next event, dispatches it to the rule modules, and
 * integrates the time-weighted counters (offline and unwritable partition-milliseconds).
 */
import { sampleCapacity } from './capacity/saturation'
import { brokerAt, producerAt, type Ctx } from './context'
import {
  FIRST_SLOT,
  asBrokerIndex,
  asPartitionIndex,
  asProducerIndex,
  type BrokerIndex,
} from './ids'
import type { Simulation, SimulationCheckpoint, SimulationOptions } from './api'
import { autoRebalance, isUnwritable, kraftUpdate, maybeScheduleBalance } from './controller'
import {
  consumerTick,
  drain,
  onMetadataResponse,
  onMetadataPoll,
  onConnectCheck,
  onBrokerSocketsClosed,
  onProduceArrive,
  onProduceResponse,
  producerTick,
} from './clients'
import {
  onBrokerReady,
  onControlledShutdown,
  onControllerElection,
  onFenceCheck,
  onHeartbeat,
} from './control-plane'
import {
  argOf,
  kindOf,
  popDue,
  rebuild,
  scheduledItems,
  schedule,
  sentTimeOf,
  setClock,
  timeOf,
} from './event-queue'
import { TRAFFIC_MAX_BROKERS, noteDelivery } from './traffic'
import { countDelivery } from './traffic-rates'
import { applyFault, onRollingStep } from './faults'
import {
  onGroupJoinCheck,
  onGroupRequestArrive,
  onGroupResponse,
  onGroupSessionExpire,
} from './consumer-groups'
import { buildCtx, createInitialState, scheduleStart, type CtxOptions } from './init'
import { checkInvariants, createInvariantChecker, type InvariantChecker } from './invariants'
import { sampleMetrics } from './metrics'
import { getPair } from './broker/fetch-pair'
import { applyMetadataToReplica } from './broker/replica-manager'
import { isrCheck, onFetchIdleTimeout, onFetchRequest, onFetchResponse } from './broker/replication'
import { buildSnapshot } from './snapshot'
import { createTruncationIndex, partitionLogView, updateTruncationIndex } from './log-view'
import { failoverRecords, type FailoverRecord } from './failovers'
import type { Fault, SimulationSpec, TimedFault } from './spec'
import { isrCheckIntervalMs, uncleanElectionEnabled } from './spec'
import { EV } from './state'
import type { EngineState, PartitionState } from './state'

function advanceClock(ctx: Ctx, toMs: number): void {
  const s = ctx.s
  const dt = toMs - s.nowMs
  if (dt <= 0) return
  s.offlinePartitionMs += s.offlineCount * dt
  s.unwritablePartitionMs += s.unwritableCount * dt
  s.nowMs = toMs
  // What is scheduled from now on is sent now (the queue keeps send times for traffic.ts).
  setClock(s.queue, toMs)
}

function brokerGen(ctx: Ctx, b: BrokerIndex): number {
  return brokerAt(ctx, b).gen
}

/**
 * ReplicationControlManager.maybeElectUncleanLeaders: leaderless partitions of topics with unclean
 * election enabled. Kept out of `dispatch`: a closure there would make V8 allocate a context for
 * dispatch's variables on every event, not just this one.
 */
function electUncleanLeaders(ctx: Ctx): void {
  const config = ctx.spec.cluster.config
  ctx.s.partitions.forEach((part: PartitionState, p) => {
    const topic = ctx.spec.topics[part.topic]
    if (part.leaderId === -1 && topic !== undefined && uncleanElectionEnabled(topic, config)) {
      kraftUpdate(ctx, asPartitionIndex(p), -1, -1, 'UNCLEAN')
    }
  })
}

/** Runs one event: its kind and integer arguments as `EV` documents them. */
function dispatch(ctx: Ctx, kind: number, a: number, b: number, c: number): void {
  const s = ctx.s
  const config = ctx.spec.cluster.config
  switch (kind) {
    case EV.fetchRequest:
    case EV.fetchResponse:
    case EV.fetchIdleTimeout: {
      const n = s.brokers.length
      const pair = getPair(ctx, asBrokerIndex(Math.floor(a / n)), asBrokerIndex(a % n))
      if (pair.gen !== b) return
      if (kind === EV.fetchRequest) onFetchRequest(ctx, pair)
      else if (kind === EV.fetchResponse) onFetchResponse(ctx, pair)
      else onFetchIdleTimeout(ctx, pair)
      return
    }
    case EV.producerTick:
      producerTick(ctx, producerAt(ctx, asProducerIndex(a)), b)
      return
    case EV.produceArrive:
      onProduceArrive(ctx, producerAt(ctx, asProducerIndex(a)), b, c)
      return
    case EV.produceResponse:
      onProduceResponse(ctx, producerAt(ctx, asProducerIndex(a)), b, c)
      return
    case EV.producerDrain:
      drain(ctx, producerAt(ctx, asProducerIndex(a)))
      return
    case EV.fault: {
      const fault = s.faults[a]
      if (fault !== undefined) applyFault(ctx, fault)
      return
    }
    case EV.heartbeat:
      if (brokerGen(ctx, asBrokerIndex(a)) === b) onHeartbeat(ctx, asBrokerIndex(a))
      return
    case EV.fenceCheck:
      onFenceCheck(ctx)
      return
    case EV.controllerElection:
      onControllerElection(ctx, a)
      return
    case EV.brokerReady:
      if (brokerGen(ctx, asBrokerIndex(a)) === b) onBrokerReady(ctx, asBrokerIndex(a))
      return
    case EV.isrCheck: {
      const broker = s.brokers[a] as { gen: number; processUp: boolean }
      if (broker.gen !== b || !broker.processUp) return
      isrCheck(ctx, asBrokerIndex(a))
      schedule(s.queue, s.nowMs + isrCheckIntervalMs(config), EV.isrCheck, a, b)
      return
    }
    case EV.metadataResponse:
      onMetadataResponse(ctx, a, b, c)
      return
    case EV.metadataRetry:
      onMetadataPoll(ctx, a)
      return
    case EV.connectCheck:
      onConnectCheck(ctx, a, b, c)
      return
    case EV.brokerSocketsClosed:
      onBrokerSocketsClosed(ctx, asBrokerIndex(a), b)
      return
    case EV.consumerTick:
      consumerTick(ctx, s.consumers[a] as EngineState['consumers'][number], b)
      return
    case EV.groupRequestArrive:
      onGroupRequestArrive(ctx, s.consumers[a] as EngineState['consumers'][number], b, c)
      return
    case EV.groupResponse:
      onGroupResponse(ctx, s.consumers[a] as EngineState['consumers'][number], b, c)
      return
    case EV.groupJoinCheck:
      onGroupJoinCheck(ctx, a, b)
      return
    case EV.groupSessionExpire:
      onGroupSessionExpire(ctx, a, b, c)
      return
    case EV.sample:
      sampleCapacity(ctx, ctx.sampleIntervalMs)
      sampleMetrics(ctx)
      schedule(s.queue, s.nowMs + ctx.sampleIntervalMs, EV.sample)
      return
    case EV.autoRebalance:
      if (ctx.spec.cluster.controller === 'kraft') {
        if (a !== s.controllerGen || s.activeController < 0) return
        s.balanceScheduled = false
        s.balanceImmediately = autoRebalance(ctx)
        maybeScheduleBalance(ctx)
        return
      }
      if (s.activeController >= 0) autoRebalance(ctx)
      schedule(
        s.queue,
        s.nowMs + config['leader.imbalance.check.interval.seconds'] * 1000,
        EV.autoRebalance,
      )
      return
    case EV.uncleanCheck:
      if (s.activeController >= 0) electUncleanLeaders(ctx)
      schedule(s.queue, s.nowMs + config['unclean.leader.election.interval.ms'], EV.uncleanCheck)
      return
    case EV.controlledShutdown:
      if (brokerGen(ctx, asBrokerIndex(a)) === b) onControlledShutdown(ctx, asBrokerIndex(a), c)
      return
    case EV.rollingStep:
      onRollingStep(ctx, a)
      return
  }
}

class Runner {
  ctx: Ctx
  checker: InvariantChecker | null
  /** Traffic asked for, on a small cluster: deliveries are kept for the dashboard (traffic.ts). */
  traffic: boolean
  /** Traffic asked for, any cluster size: deliveries are counted (traffic-rates.ts). */
  rates: boolean
  constructor(ctx: Ctx) {
    this.ctx = ctx
    this.checker = ctx.checkInvariants ? createInvariantChecker() : null
    this.traffic = ctx.traffic && ctx.s.brokers.length <= TRAFFIC_MAX_BROKERS
    this.rates = ctx.traffic
  }

  /** Processes one event; returns false when the queue is empty. */
  processNext(limitMs: number): boolean {
    const s = this.ctx.s
    const q = s.queue
    const slot = popDue(q, limitMs)
    if (slot === -1) return false
    // Whole milliseconds as a small integer: the queue's Float64Array hands out doubles, and one
    // double stored in `nowMs` would box every time field derived from it (V8 field
    // representations). Fractional times stay as they are.
    const at = timeOf(q, slot)
    const t = (at | 0) === at ? at | 0 : at
    // Read the event before dispatching: its slot is free for whatever the event schedules.
    const kind = kindOf(q, slot)
    const a = argOf(q, slot, 0)
    const b = argOf(q, slot, 1)
    const c = argOf(q, slot, 2)
    // Decoded before it is handled, while its request is still open (reads state, writes none).
    if (this.traffic) noteDelivery(this.ctx, kind, a, b, c, sentTimeOf(q, slot), t)
    if (this.rates) countDelivery(this.ctx, kind, a, b, c, t)
    advanceClock(this.ctx, t)
    dispatch(this.ctx, kind, a, b, c)
    if (this.checker !== null) checkInvariants(this.ctx, this.checker)
    return true
  }
}

export function initialise(ctx: Ctx): void {
  const s = ctx.s
  s.partitions.forEach((part, i) => {
    const p = asPartitionIndex(i)
    for (let slot = FIRST_SLOT; slot < part.replicas.length; slot++)
      applyMetadataToReplica(ctx, p, slot)
    if (part.leaderId === -1) s.offlineCount += 1
    if (isUnwritable(ctx, p)) s.unwritableCount += 1
  })
  scheduleStart(ctx)
}

export function makeSimulation(ctx: Ctx): Simulation {
  const runner = new Runner(ctx)
  const s = () => ctx.s
  let failoverCache: { key: string; records: FailoverRecord[] } | null = null
  // Built on the first partitionLog call, then fed only the events logged since.
  let truncations: ReturnType<typeof createTruncationIndex> | null = null
  const sim: Simulation = {
    spec: ctx.spec,
    nowMs: () => s().nowMs,
    runUntil(targetMs: number) {
      while (runner.processNext(targetMs)) {
        /* keep going */
      }
      advanceClock(ctx, Math.max(s().nowMs, targetMs))
    },
    step(limitMs = 60000) {
      const start = s().events.length
      const until = s().nowMs + limitMs
      while (s().events.length === start && runner.processNext(until)) {
        /* keep going */
      }
      // Finish every event at the same instant, so a step shows a whole moment.
      const now = s().nowMs
      while (runner.processNext(now)) {
        /* same instant */
      }
      if (s().events.length === start) advanceClock(ctx, until)
      return s().nowMs
    },
    inject(fault: Fault) {
      const timed: TimedFault = { ...fault, atMs: s().nowMs }
      const faults = s().faults
      let i = faults.length
      while (i > 0 && (faults[i - 1] as { atMs: number }).atMs > timed.atMs) i--
      // Later scheduled faults keep their events; re-index them after the insertion point.
      faults.splice(i, 0, timed)
      rebuild(
        s().queue,
        scheduledItems(s().queue).map((item) =>
          item.kind === EV.fault && item.a >= i ? { ...item, a: item.a + 1 } : item,
        ),
      )
      applyFault(ctx, timed)
      if (runner.checker !== null) checkInvariants(ctx, runner.checker)
    },
    faults: () => s().faults,
    snapshot: () => buildSnapshot(ctx),
    events: (from = 0) => (from === 0 ? s().events : s().events.slice(from)),
    metricsSeries: () => s().series,
    clientLog: (from = 0) => (from === 0 ? s().clientLog : s().clientLog.slice(from)),
    failovers: () => {
      // The records depend only on the watches and the event log: recomputed when either moved.
      const key = `${s().failoverRevision}:${s().events.length}:${s().nowMs}`
      if (failoverCache === null || failoverCache.key !== key)
        failoverCache = { key, records: failoverRecords(ctx) }
      return failoverCache.records
    },
    partitionLog(topic: string, partition: number) {
      truncations = updateTruncationIndex(truncations ?? createTruncationIndex(), s().events)
      return partitionLogView(ctx, topic, partition, truncations)
    },
    checkpoint(): SimulationCheckpoint {
      return { atMs: s().nowMs, state: structuredClone(s()) }
    },
  }
  return sim
}

function ctxOptions(options: SimulationOptions): CtxOptions {
  return {
    checkInvariants: options.checkInvariants ?? false,
    throwOnViolation: options.throwOnViolation ?? false,
    sampleIntervalMs: options.sampleIntervalMs ?? 1000,
    traffic: options.traffic ?? false,
  }
}

export function createSimulationFromSpec(
  spec: SimulationSpec,
  options: SimulationOptions = {},
): Simulation {
  const state = createInitialState(spec)
  const ctx = buildCtx(spec, state, ctxOptions(options))
  initialise(ctx)
  return makeSimulation(ctx)
}

/**
 * Restores a checkpoint. The spec's fault script after the checkpoint time replaces the one the
 * checkpoint had scheduled, which is how a fork (acting in the past) changes the future.
 */
export function restoreFromCheckpoint(
  spec: SimulationSpec,
  checkpoint: SimulationCheckpoint,
  options: SimulationOptions = {},
): Simulation {
  const state = structuredClone(checkpoint.state) as EngineState
  // Everything at or before the checkpoint time has been applied already.
  const past = state.faults.filter((f) => f.atMs <= state.nowMs)
  const future = spec.faults.filter((f) => f.atMs > state.nowMs).map((f) => ({ ...f }))
  rebuild(
    state.queue,
    scheduledItems(state.queue).filter((item) => item.kind !== EV.fault),
  )
  state.faults = [...past, ...future]
  future.forEach((f, i) => schedule(state.queue, f.atMs, EV.fault, past.length + i))
  const ctx = buildCtx(spec, state, ctxOptions(options))
  return makeSimulation(ctx)
}
