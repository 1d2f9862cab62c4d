/**
 * The two engine entry points the store needs, passed in rather than imported: tests drive the
 * store with a fake simulation (`testing/fake-engine.ts`), and the app's host (on the main thread
 * or in a worker, chosen by `ui/create-host.ts`) hands in the real engine's.
 */
import type { Simulation, SimulationCheckpoint, SimulationOptions } from '../engine/api'
import type { SimulationSpec } from '../engine/spec'

export interface EnginePort {
  createSimulation(spec: SimulationSpec, options?: SimulationOptions): Simulation
  /**
   * Optional: without it the timeline keeps no checkpoints and a seek into the past replays the
   * run from time 0.
   */
  restoreSimulation?:
    | ((
        spec: SimulationSpec,
        checkpoint: SimulationCheckpoint,
        options?: SimulationOptions,
      ) => Simulation)
    | undefined
}
