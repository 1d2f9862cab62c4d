/**
 * Picks where the simulation runs: a Web Worker when the browser has them, otherwise the main
 * thread (the engine is then loaded on demand, keeping it out of the initial JavaScript).
 */
import { createInlineHost } from './inline-host'
import type { SimulationHost } from './protocol'
import { createWorkerHost } from './worker-host'

export async function createHost(): Promise<SimulationHost> {
  if (typeof Worker === 'function') {
    try {
      return createWorkerHost()
    } catch {
      // Fall through to the main thread, e.g. when a policy forbids workers.
    }
  }
  const { createSimulation, restoreSimulation } = await import('../engine/index')
  return createInlineHost(
    { createSimulation, restoreSimulation },
    { simulation: { checkInvariants: true } },
  )
}
