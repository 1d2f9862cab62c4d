/**
 * The two engine entry points the store needs, passed in rather than imported so tests can drive
 * the store with a fake simulation and `main.tsx` decides which engine (main thread or worker)
 * backs the app.
 */
import type { Simulation, SimulationCheckpoint, SimulationOptions } from '../engine/api'
import type { SimulationSpec } from '../engine/spec'

export interface EnginePort {
  createSimulation(spec: SimulationSpec, options?: SimulationOptions): Simulation
  /** Absent until the engine exports it; seeking then replays from time 0. */
  restoreSimulation?:
    | ((
        spec: SimulationSpec,
        checkpoint: SimulationCheckpoint,
        options?: SimulationOptions,
      ) => Simulation)
    | undefined
}
