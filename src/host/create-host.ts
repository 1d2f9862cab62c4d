/**
 * Picks where the simulation runs: a Web Worker when the browser has them, otherwise the main
 * thread (the engine is then loaded on demand, keeping it out of the initial JavaScript).
 */
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
  const { createLocalHost } = await import('./local-host')
  return createLocalHost({ simulation: { checkInvariants: true, traffic: true } })
}
