/**
 * Kafka HA Lab's simulation engine: a deterministic, seeded discrete-event model of Kafka
 * replication. Pure TypeScript with no DOM; runs in the browser, a Web Worker and Node alike.
 *
 * @example
 * const sim = createSimulation(spec)
 * sim.runUntil(30_000)
 * sim.inject({ type: 'crashBroker', broker: 1 })
 * sim.runUntil(60_000)
 * console.log(sim.snapshot().partitions[0].leader)
 */
import type { Simulation, SimulationCheckpoint, SimulationOptions } from './api'
import { createSimulationFromSpec, restoreFromCheckpoint } from './simulation'
import type { SimulationSpec } from './spec'

export type { Simulation, SimulationCheckpoint, SimulationOptions } from './api'
export * from './spec'
export * from './types'
export * from './prng'
export {
  offlinePartitionLeaderElection,
  reassignPartitionLeaderElection,
  preferredReplicaPartitionLeaderElection,
  controlledShutdownPartitionLeaderElection,
  electLeader,
} from './protocol/elections'
export { getRackAlternatedBrokerList, assignReplicasToBrokers } from './protocol/assignment'
export { buildPartitionChange } from './protocol/partition-change'
export { describeFault } from './fault-text'
export { buildReport, type RunReport } from './report'

/** Creates a simulation at t = 0 from a resolved spec (see `src/scenario` for the JSON form). */
export function createSimulation(
  spec: SimulationSpec,
  options: SimulationOptions = {},
): Simulation {
  return createSimulationFromSpec(spec, options)
}

/** Restores a checkpoint; faults in `spec` after the checkpoint time form the new future. */
export function restoreSimulation(
  spec: SimulationSpec,
  checkpoint: SimulationCheckpoint,
  options: SimulationOptions = {},
): Simulation {
  return restoreFromCheckpoint(spec, checkpoint, options)
}
