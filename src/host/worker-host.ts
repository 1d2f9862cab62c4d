/**
 * The main thread's side of the simulation worker: a `SimulationHost` that posts requests and
 * counts answers, so the playback loop knows when the worker is busy.
 *
 * @example
 * const host = createWorkerHost()
 * const store = createAppStore({ host, spec })
 */
import type { HostMessage, HostRequest, SimulationHost } from './protocol'

export function createWorkerHost(): SimulationHost {
  const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' })
  const listeners = new Set<(message: HostMessage) => void>()
  let nextId = 0
  let answered = 0
  worker.onmessage = (event: MessageEvent<{ id: number; message: HostMessage }>) => {
    answered = event.data.id
    for (const listener of listeners) listener(event.data.message)
  }
  worker.onerror = (event) => {
    event.preventDefault()
    const message: HostMessage = {
      kind: 'error',
      message: `The simulation worker failed: ${event.message || 'unknown error'}`,
    }
    answered = nextId
    for (const listener of listeners) listener(message)
  }
  return {
    send(request: HostRequest) {
      nextId += 1
      worker.postMessage({ id: nextId, request })
    },
    busy: () => answered < nextId,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      listeners.clear()
      worker.terminate()
    },
  }
}
