/**
 * Comparing two designs for the page: in a worker started for the comparison when the browser
 * has workers (reading the designs, both runs, the frames and the advisor all happen there, so
 * the page stays free), otherwise on the calling thread in slices that yield to the page, with
 * the engine loaded on demand (jsdom tests, or a policy that forbids workers). Cancelling
 * terminates the worker, or stops the slices.
 */
import {
  compareDesignsInSlices,
  type CompareDesignsMessage,
  type CompareDesignsRequest,
  type DesignOutcome,
} from './compare'
import type { CompareOptions, WorkerRequest } from './protocol'

const CANCELLED = 'The comparison was cancelled'

export interface CompareDesignsOptions extends CompareOptions {
  /** Use a worker (default: when `Worker` exists). */
  worker?: boolean
}

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    // A policy that forbids workers: run on this thread instead.
    return null
  }
}

function inWorker(worker: Worker, request: CompareDesignsRequest, options: CompareOptions) {
  return new Promise<DesignOutcome>((resolve, reject) => {
    const { signal, onProgress } = options
    const finish = () => {
      worker.terminate()
      signal?.removeEventListener('abort', cancel)
    }
    const cancel = () => {
      finish()
      reject(new Error(CANCELLED))
    }
    signal?.addEventListener('abort', cancel)
    worker.onmessage = (event: MessageEvent<{ id: number; message: CompareDesignsMessage }>) => {
      const message = event.data.message
      if (message.kind === 'compareProgress') {
        onProgress?.(message.atMs)
        return
      }
      finish()
      if (message.kind === 'designsCompared') resolve(message.outcome)
      else reject(new Error(message.message))
    }
    worker.onerror = (event) => {
      event.preventDefault()
      finish()
      reject(new Error(`The simulation worker failed: ${event.message || 'unknown error'}`))
    }
    const post: WorkerRequest = { id: 1, compareDesigns: request }
    worker.postMessage(post)
  })
}

/**
 * Runs both designs under the request's fault script and resolves with the comparison, or with
 * the problems that keep a design from running; rejects when cancelled or when the run crashes.
 *
 * @example
 * const outcome = await compareDesigns(
 *   { current: spec, a: { kind: 'current' }, b: { kind: 'reassignment' },
 *     faults: { kind: 'zone', zone: 'use1-az1', atMs: 10_000 }, durationMs: 120_000 },
 *   { onProgress: (atMs) => console.log(atMs), signal: controller.signal },
 * )
 */
export async function compareDesigns(
  request: CompareDesignsRequest,
  options: CompareDesignsOptions = {},
): Promise<DesignOutcome> {
  if (options.signal?.aborted === true) throw new Error(CANCELLED)
  const worker = (options.worker ?? typeof Worker === 'function') ? startWorker() : null
  if (worker !== null) return inWorker(worker, request, options)
  const { createSimulation, restoreSimulation } = await import('../engine/index')
  return compareDesignsInSlices({ createSimulation, restoreSimulation }, request, options)
}
