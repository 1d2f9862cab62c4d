/**
 * The inline host: the host core on the calling thread, answering each request synchronously.
 * Tests use it (jsdom has no workers), and the app falls back to it when workers are unavailable.
 */
import { runComparisonInSlices } from './compare'
import { createHostCore } from './core'
import type { EnginePort } from './engine-port'
import type { HostMessage, HostOptions, SimulationHost } from './protocol'

/**
 * Runs the simulation on the calling thread and answers each request synchronously. Comparisons
 * run here too, in slices that yield to the page between them.
 * @example
 * const host = createInlineHost({ createSimulation, restoreSimulation })
 * host.subscribe((message) => console.log(message.kind))
 * host.send({ type: 'load', spec, atMs: 0 })
 */
export function createInlineHost(engine: EnginePort, options: HostOptions = {}): SimulationHost {
  const core = createHostCore(engine, options)
  const listeners = new Set<(message: HostMessage) => void>()
  return {
    send(request) {
      const message = core.handle(request)
      for (const listener of listeners) listener(message)
    },
    compare: (request, compareOptions) => runComparisonInSlices(engine, request, compareOptions),
    busy: () => false,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      listeners.clear()
    },
  }
}
