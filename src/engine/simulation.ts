/**
 * The discrete-event loop: `step` pops the next event, dispatches it to the rule modules, and
 * integrates the time-weighted counters (offline and unwritable partition-milliseconds).
 */
import type { Simulation, SimulationCheckpoint, SimulationOptions } from './api'
import { autoRebalance, isUnwritable, kraftUpdate } from './controller'
import {
  consumerTick,
  drain,
  onMetadataResponse,
  onMetadataRetry,
  onProduceArrive,
  onProduceResponse,
  producerTick,
} from './clients'
import { type Ctx } from './context'
import {
  onBrokerReady,
  onControlledShutdown,
  onControllerElection,
  onFenceCheck,
  onHeartbeat,
} from './control-plane'
import { mapEvents, peekTime, pop, rebuild, scheduledItems, schedule } from './event-queue'
import { applyFault, onRollingStep } from './faults'
import { buildCtx, createInitialState, scheduleStart } from './init'
import { checkInvariants, createInvariantChecker, type InvariantChecker } from './invariants'
import { sampleMetrics } from './metrics'
import { applyMetadataToReplica, getPair } from './replica-manager'
import { isrCheck, onFetchIdleTimeout, onFetchRequest, onFetchResponse } from './replication'
import { buildSnapshot } from './snapshot'
import type { Fault, SimulationSpec, TimedFault } from './spec'
import { uncleanElectionEnabled } from './spec'
import type { EngineState, InternalEvent, PartitionState } from './state'

function advanceClock(ctx: Ctx, toMs: number): void {
  const s = ctx.s
  const dt = toMs - s.nowMs
  if (dt <= 0) return
  s.offlinePartitionMs += s.offlineCount * dt
  s.unwritablePartitionMs += s.unwritableCount * dt
  s.nowMs = toMs
}

function dispatch(ctx: Ctx, e: InternalEvent): void {
  const s = ctx.s
  switch (e.k) {
    case 'fault': {
      const fault = s.faults[e.index]
      if (fault !== undefined) applyFault(ctx, fault)
      return
    }
    case 'heartbeat':
      if ((s.brokers[e.b] as { gen: number }).gen === e.gen) onHeartbeat(ctx, e.b)
      return
    case 'fenceCheck':
      onFenceCheck(ctx)
      return
    case 'controllerElection':
      onControllerElection(ctx, e.gen)
      return
    case 'brokerReady':
      if ((s.brokers[e.b] as { gen: number }).gen === e.gen) onBrokerReady(ctx, e.b)
      return
    case 'isrCheck': {
      const broker = s.brokers[e.b] as { gen: number; processUp: boolean }
      if (broker.gen !== e.gen || !broker.processUp) return
      isrCheck(ctx, e.b)
      schedule(
        s.queue,
        s.nowMs + Math.max(1, Math.floor(ctx.spec.cluster.config['replica.lag.time.max.ms'] / 2)),
        e,
      )
      return
    }
    case 'fetchRequest':
    case 'fetchResponse':
    case 'fetchIdleTimeout': {
      const n = s.brokers.length
      const pair = getPair(ctx, Math.floor(e.pair / n), e.pair % n)
      if (pair.gen !== e.gen) return
      if (e.k === 'fetchRequest') onFetchRequest(ctx, pair)
      else if (e.k === 'fetchResponse') onFetchResponse(ctx, pair, e.entries)
      else onFetchIdleTimeout(ctx, pair)
      return
    }
    case 'producerTick':
      producerTick(ctx, s.producers[e.c] as EngineState['producers'][number])
      return
    case 'producerDrain':
      drain(ctx, s.producers[e.c] as EngineState['producers'][number])
      return
    case 'produceArrive':
      onProduceArrive(ctx, s.producers[e.c] as EngineState['producers'][number], e.request, e.lp)
      return
    case 'produceResponse':
      onProduceResponse(
        ctx,
        s.producers[e.c] as EngineState['producers'][number],
        e.request,
        e.lp,
        false,
      )
      return
    case 'metadataResponse':
      onMetadataResponse(ctx, e.c, e.broker, e.gen)
      return
    case 'metadataRetry':
      onMetadataRetry(ctx, e.c, e.gen)
      return
    case 'consumerTick':
      consumerTick(ctx, s.consumers[e.c] as EngineState['consumers'][number])
      return
    case 'sample':
      sampleMetrics(ctx)
      schedule(s.queue, s.nowMs + ctx.sampleIntervalMs, e)
      return
    case 'autoRebalance':
      if (s.activeController >= 0) autoRebalance(ctx)
      schedule(
        s.queue,
        s.nowMs + ctx.spec.cluster.config['leader.imbalance.check.interval.seconds'] * 1000,
        e,
      )
      return
    case 'uncleanCheck':
      // ReplicationControlManager.maybeElectUncleanLeaders: leaderless partitions of topics with unclean enabled.
      if (s.activeController >= 0) {
        s.partitions.forEach((part: PartitionState, p) => {
          const topic = ctx.spec.topics[part.topic]
          if (
            part.leader === -1 &&
            topic !== undefined &&
            uncleanElectionEnabled(topic, ctx.spec.cluster.config)
          ) {
            kraftUpdate(ctx, p, -1, -1, 'UNCLEAN')
          }
        })
      }
      schedule(s.queue, s.nowMs + ctx.spec.cluster.config['unclean.leader.election.interval.ms'], e)
      return
    case 'controlledShutdown':
      if ((s.brokers[e.b] as { gen: number }).gen === e.gen)
        onControlledShutdown(ctx, e.b, e.attempt)
      return
    case 'rollingStep':
      onRollingStep(ctx, e.gen)
      return
  }
}

class Runner {
  ctx: Ctx
  checker: InvariantChecker | null
  constructor(ctx: Ctx) {
    this.ctx = ctx
    this.checker = ctx.checkInvariants ? createInvariantChecker() : null
  }

  /** Processes one event; returns false when the queue is empty. */
  processNext(limitMs: number): boolean {
    const s = this.ctx.s
    const t = peekTime(s.queue)
    if (t === null || t > limitMs) return false
    const event = pop(s.queue)
    if (event === null) return false
    advanceClock(this.ctx, t)
    dispatch(this.ctx, event)
    if (this.checker !== null) checkInvariants(this.ctx, this.checker)
    return true
  }
}

export function initialise(ctx: Ctx): void {
  const s = ctx.s
  s.partitions.forEach((part, p) => {
    for (let slot = 0; slot < part.replicas.length; slot++) applyMetadataToReplica(ctx, p, slot)
    if (part.leader === -1) s.offlineCount += 1
    if (isUnwritable(ctx, p)) s.unwritableCount += 1
  })
  scheduleStart(ctx)
}

export function makeSimulation(ctx: Ctx): Simulation {
  const runner = new Runner(ctx)
  const s = () => ctx.s
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
      mapEvents(s().queue, (event): InternalEvent =>
        event.k === 'fault' && event.index >= i ? { k: 'fault', index: event.index + 1 } : event,
      )
      applyFault(ctx, timed)
      if (runner.checker !== null) checkInvariants(ctx, runner.checker)
    },
    faults: () => s().faults,
    snapshot: () => buildSnapshot(ctx),
    events: (from = 0) => (from === 0 ? s().events : s().events.slice(from)),
    metricsSeries: () => s().series,
    clientLog: (from = 0) => (from === 0 ? s().clientLog : s().clientLog.slice(from)),
    checkpoint(): SimulationCheckpoint {
      return { atMs: s().nowMs, state: structuredClone(s()) }
    },
  }
  return sim
}

export function createSimulationFromSpec(
  spec: SimulationSpec,
  options: SimulationOptions = {},
): Simulation {
  const state = createInitialState(spec)
  const ctx = buildCtx(spec, state, {
    checkInvariants: options.checkInvariants ?? false,
    throwOnViolation: options.throwOnViolation ?? false,
    sampleIntervalMs: options.sampleIntervalMs ?? 1000,
  })
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
    scheduledItems(state.queue).filter((item) => item.event.k !== 'fault'),
  )
  state.faults = [...past, ...future]
  future.forEach((f, i) => schedule(state.queue, f.atMs, { k: 'fault', index: past.length + i }))
  const ctx = buildCtx(spec, state, {
    checkInvariants: options.checkInvariants ?? false,
    throwOnViolation: options.throwOnViolation ?? false,
    sampleIntervalMs: options.sampleIntervalMs ?? 1000,
  })
  return makeSimulation(ctx)
}
