/**
 * A deterministic stand-in for the engine, for store tests: it logs a `LeaderElected` event every
 * second and a `FaultInjected` event per injection, supports checkpoints, and counts how often it
 * was created or restored so tests can check that seeking uses checkpoints.
 */
import type { Simulation, SimulationCheckpoint } from '../../engine/api'
import type { Fault, SimulationSpec, TimedFault } from '../../engine/spec'
import type { SimEvent, Snapshot } from '../../engine/types'
import type { EnginePort } from '../engine-port'

interface FakeState {
  nowMs: number
  events: SimEvent[]
  faults: TimedFault[]
  crashed: number[]
}

export interface FakeEngine extends EnginePort {
  created: number
  restored: number
}

function fakeSnapshot(spec: SimulationSpec, state: FakeState): Snapshot {
  return {
    nowMs: state.nowMs,
    seed: spec.seed,
    mode: spec.cluster.controller,
    zones: spec.cluster.zones.map((name) => ({ name, stopped: false, isolatedFrom: [] })),
    brokers: spec.cluster.brokers.map((broker) => ({
      id: broker.id,
      zone: broker.zone,
      status: state.crashed.includes(broker.id) ? 'offline' : 'online',
      fenced: state.crashed.includes(broker.id),
      session: state.crashed.includes(broker.id) ? null : { lastHeartbeatMs: 0, expiresAtMs: 9000 },
      isolatedFrom: [],
      fetchDelayMs: 0,
      isController: false,
      leaderCount: 0,
      partitionCount: 0,
    })),
    controllers: [],
    activeController: null,
    quorumHasMajority: true,
    controllerElectionDueMs: null,
    partitions: [],
    clients: [],
    metrics: {
      atMs: state.nowMs,
      UnderReplicatedPartitions: 0,
      UnderMinIsrPartitionCount: 0,
      AtMinIsrPartitionCount: 0,
      OfflinePartitionsCount: 0,
      ActiveControllerCount: 1,
      PreferredReplicaImbalanceCount: 0,
      LeaderCount: {},
      PartitionCount: {},
      IsrShrinksPerSec: { Count: 0, OneMinuteRate: 0 },
      IsrExpandsPerSec: { Count: 0, OneMinuteRate: 0 },
      UncleanLeaderElectionsPerSec: { Count: 0, OneMinuteRate: 0 },
      producedRecords: 0,
      ackedRecords: 0,
      failedRecords: 0,
      lostAckedRecords: 0,
      consumerLag: 0,
      producerLatencyP99Ms: null,
    },
    durability: { ackedRecords: 0, lostAckedRecords: 0, unavailableAckedRecords: 0 },
    availability: {
      offlinePartitionMs: 0,
      unwritablePartitionMs: 0,
      clientUnwritablePartitionMs: 0,
    },
    groups: [],
    eventCount: state.events.length,
  }
}

function fakeSimulation(spec: SimulationSpec, state: FakeState): Simulation {
  function runUntil(targetMs: number): void {
    for (let t = Math.floor(state.nowMs / 1000) * 1000 + 1000; t <= targetMs; t += 1000) {
      state.events.push({
        atMs: t,
        type: 'LeaderElected',
        topic: 't',
        partition: 0,
        leader: 1,
        leaderEpoch: t / 1000,
        election: 'ONLINE',
        unclean: false,
      })
    }
    state.nowMs = Math.max(state.nowMs, targetMs)
  }
  return {
    spec,
    nowMs: () => state.nowMs,
    runUntil,
    step(limitMs = 60_000) {
      runUntil(Math.min(Math.floor(state.nowMs / 1000) * 1000 + 1000, state.nowMs + limitMs))
      return state.nowMs
    },
    inject(fault: Fault) {
      state.faults.push({ ...fault, atMs: state.nowMs })
      if (fault.type === 'crashBroker') state.crashed.push(fault.broker)
      if (fault.type === 'startBroker') {
        state.crashed = state.crashed.filter((id) => id !== fault.broker)
      }
      state.events.push({ atMs: state.nowMs, type: 'FaultInjected', fault: fault.type, detail: '' })
    },
    faults: () => state.faults,
    snapshot: () => fakeSnapshot(spec, state),
    events: (from = 0) => state.events.slice(from),
    metricsSeries: () => [],
    clientLog: () => [],
    failovers: () => [],
    partitionLog: () => null,
    checkpoint: () => ({ atMs: state.nowMs, state: structuredClone(state) }),
  }
}

export function createFakeEngine(): FakeEngine {
  const engine: FakeEngine = {
    created: 0,
    restored: 0,
    createSimulation(spec) {
      engine.created += 1
      return fakeSimulation(spec, { nowMs: 0, events: [], faults: [], crashed: [] })
    },
    restoreSimulation(spec, checkpoint: SimulationCheckpoint) {
      engine.restored += 1
      return fakeSimulation(spec, structuredClone(checkpoint.state as FakeState))
    },
  }
  return engine
}

/** A minimal spec: three zones with one broker each and no topics. */
export function tinySpec(faults: TimedFault[] = []): SimulationSpec {
  return {
    name: 'tiny',
    description: '',
    seed: 7,
    durationMs: 60_000,
    cluster: {
      controller: 'kraft',
      zones: ['a', 'b', 'c'],
      brokers: [
        { id: 1, zone: 'a' },
        { id: 2, zone: 'b' },
        { id: 3, zone: 'c' },
      ],
      controllers: [],
      config: {} as SimulationSpec['cluster']['config'],
    },
    topics: [],
    clients: [],
    faults,
  }
}
