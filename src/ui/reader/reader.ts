/**
 * Reading large or untrusted input for the page without stalling it: each job runs in a worker
 * started for it (reader.worker.ts), which is terminated when the job is answered or aborted, so
 * a newer request can make an older one stop at once. Where workers are unavailable (jsdom tests,
 * a policy that forbids them) or the worker fails to start, the job runs on this thread instead,
 * with the same code (reader-jobs.ts, loaded on demand).
 *
 * @example
 * const controller = new AbortController()
 * const facts = await readInReader({ kind: 'importFacts', inputs }, { signal: controller.signal })
 */
import type { ReaderAnswer } from './reader.worker'
import type { ReaderJob, ReaderResult } from './reader-jobs'

export interface ReaderOptions {
  /** Aborting terminates the job's worker and rejects with an AbortError. */
  signal?: AbortSignal
  /** Use a worker (default: when `Worker` exists). */
  worker?: boolean
}

function aborted(): DOMException {
  return new DOMException('The read was superseded', 'AbortError')
}

/** True for the rejection of an aborted read: the caller asked for it and can ignore it. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/** The worker failed (not the job): the caller reads on its own thread instead. */
class WorkerFailed extends Error {}

const isAborted = (signal: AbortSignal | undefined) => signal?.aborted === true

function startReader(): Worker {
  return new Worker(new URL('./reader.worker.ts', import.meta.url), { type: 'module' })
}

/** The job in a worker of its own; rejects with `WorkerFailed` if the worker itself fails. */
function inWorker<J extends ReaderJob>(job: J, signal?: AbortSignal): Promise<ReaderResult<J>> {
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = startReader()
    } catch (error) {
      reject(new WorkerFailed(error instanceof Error ? error.message : String(error)))
      return
    }
    const finish = () => {
      worker.terminate()
      signal?.removeEventListener('abort', abort)
    }
    const abort = () => {
      finish()
      reject(aborted())
    }
    signal?.addEventListener('abort', abort)
    worker.onmessage = (event: MessageEvent<ReaderAnswer>) => {
      finish()
      const answer = event.data
      if (answer.ok) resolve(answer.result as ReaderResult<J>)
      else reject(new Error(answer.message))
    }
    worker.onerror = (event) => {
      event.preventDefault()
      finish()
      reject(new WorkerFailed(event.message || 'the reader worker did not start'))
    }
    worker.postMessage(job)
  })
}

export async function readInReader<J extends ReaderJob>(
  job: J,
  options: ReaderOptions = {},
): Promise<ReaderResult<J>> {
  const { signal } = options
  if (isAborted(signal)) throw aborted()
  if (options.worker ?? typeof Worker === 'function') {
    try {
      return await inWorker(job, signal)
    } catch (error) {
      if (!(error instanceof WorkerFailed)) throw error
      // Fall through: read on this thread.
    }
  }
  const { runReaderJob } = await import('./reader-jobs')
  if (isAborted(signal)) throw aborted()
  return runReaderJob(job)
}
