/**
 * The main thread's side of the simulation worker: a `SimulationHost` that posts requests and
 * counts answers, so the playback loop knows when the worker is busy. A long load or seek
 * reports its progress beside the answers (`subscribeReports`), and `cancel` stops it. Each
 * comparison gets a worker of its own, started for it and terminated when it ends or is
 * cancelled: two runs of a large cluster take seconds, and the timeline's worker keeps serving
 * playback meanwhile. Each scenario file the page opens is read by a worker of its own in the
 * same way.
 *
 * @example
 * const host = createWorkerHost()
 * const store = createAppStore({ host, spec })
 */
import type { Comparison } from '../analysis/index'
import type { ScenarioParseResult } from '../scenario/types'
import type {
  CompareOptions,
  CompareRequest,
  HostJobReport,
  HostMessage,
  HostRequest,
  ReadScenarioMessage,
  SimulationHost,
  WorkerAnswer,
  WorkerReport,
  WorkerRequest,
} from './protocol'

function startWorker(): Worker {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' })
}

function workerFailure(event: ErrorEvent): string {
  return `The simulation worker failed: ${event.message || 'unknown error'}`
}

function compareInWorker(request: CompareRequest, options: CompareOptions = {}) {
  return new Promise<Comparison>((resolve, reject) => {
    const { signal, onProgress } = options
    if (signal?.aborted === true) {
      reject(new Error('The comparison was cancelled'))
      return
    }
    const worker = startWorker()
    const finish = () => {
      worker.terminate()
      signal?.removeEventListener('abort', cancel)
    }
    const cancel = () => {
      finish()
      reject(new Error('The comparison was cancelled'))
    }
    signal?.addEventListener('abort', cancel)
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      const message = event.data.message
      if (message.kind === 'compareProgress') {
        onProgress?.(message.atMs)
        return
      }
      finish()
      if (message.kind === 'compared') resolve(message.comparison)
      else if (message.kind === 'error') reject(new Error(message.message))
      else reject(new Error(`Unexpected answer to a comparison: ${message.kind}`))
    }
    worker.onerror = (event) => {
      event.preventDefault()
      finish()
      reject(new Error(workerFailure(event)))
    }
    const post: WorkerRequest = { id: 1, compare: request }
    worker.postMessage(post)
  })
}

/**
 * Reads and validates a scenario file's text in a worker started for it, so a large file never
 * stalls the page; resolves with the reader's result (problems included) and rejects only when
 * the worker itself fails.
 *
 * @example
 * const result = await readScenarioInWorker(await file.text())
 * if (!result.ok) console.log(result.problems.map((p) => p.path))
 */
export function readScenarioInWorker(text: string): Promise<ScenarioParseResult> {
  return new Promise<ScenarioParseResult>((resolve, reject) => {
    const worker = startWorker()
    worker.onmessage = (event: MessageEvent<{ id: number; message: ReadScenarioMessage }>) => {
      worker.terminate()
      const message = event.data.message
      if (message.kind === 'scenarioRead') resolve(message.result)
      else reject(new Error(message.message))
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      reject(new Error(workerFailure(event)))
    }
    const post: WorkerRequest = { id: 1, readScenario: { text } }
    worker.postMessage(post)
  })
}

export function createWorkerHost(): SimulationHost {
  const worker = startWorker()
  const listeners = new Set<(message: HostMessage) => void>()
  const reportListeners = new Set<(report: HostJobReport) => void>()
  let nextId = 0
  let answered = 0
  // The request that last reported progress, until it is answered: what Cancel stops.
  let reporting: number | null = null
  const report = (value: HostJobReport) => {
    for (const listener of reportListeners) listener(value)
  }
  worker.onmessage = (event: MessageEvent<WorkerAnswer | WorkerReport>) => {
    const data = event.data
    if ('report' in data) {
      reporting = data.report.kind === 'progress' ? data.id : null
      report(data.report)
      return
    }
    answered = data.id
    for (const listener of listeners) listener(data.message as HostMessage)
  }
  worker.onerror = (event) => {
    event.preventDefault()
    const message: HostMessage = { kind: 'error', message: workerFailure(event) }
    answered = nextId
    if (reporting !== null) report({ kind: 'finished' })
    reporting = null
    for (const listener of listeners) listener(message)
  }
  return {
    send(request: HostRequest) {
      nextId += 1
      const post: WorkerRequest = { id: nextId, request }
      worker.postMessage(post)
    },
    compare: compareInWorker,
    busy: () => answered < nextId,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    subscribeReports(listener) {
      reportListeners.add(listener)
      return () => reportListeners.delete(listener)
    },
    cancel() {
      if (reporting === null) return
      const post: WorkerRequest = { id: reporting, cancel: true }
      worker.postMessage(post)
    },
    dispose() {
      listeners.clear()
      reportListeners.clear()
      worker.terminate()
    },
  }
}
