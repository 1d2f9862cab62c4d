/**
 * The simulation worker's loop over timeline requests: one at a time, in the order they came,
 * each in pieces of at most `sliceMs` of wall time. Between pieces it gives the thread back to
 * the worker's message loop (`schedule`), so a Cancel posted meanwhile is read before the next
 * piece, and it posts the request's progress. A long load or seek (a share link at t = 24 h)
 * then shows how far it has got and can be stopped, where before it ran to its end in one go.
 *
 * Threads, clocks and timers are passed in, so the tests drive it with a fake clock.
 */
import type { HostJob } from './core'
import type { HostRequest, WorkerAnswer, WorkerReport } from './protocol'

export interface JobRunnerOptions {
  /** Starts a request as a job (the host core's `begin`). */
  begin: (request: HostRequest) => HostJob
  post: (message: WorkerAnswer | WorkerReport) => void
  /** Wall clock in milliseconds (`performance.now`). */
  now: () => number
  /** Runs `task` after the messages already waiting (`setTimeout(task, 0)`). */
  schedule: (task: () => void) => void
  /** Wall time one piece may take before the runner pauses (default 50 ms). */
  sliceMs?: number
}

export interface JobRunner {
  /** Queues a timeline request. */
  request(id: number, request: HostRequest): void
  /** Stops request `id` if it is the one running; a request already answered is left alone. */
  cancel(id: number): void
}

/** Wall time per piece: a long task is over 50 ms, so a piece stays about at that. */
export const SLICE_WALL_MS = 50

interface Running {
  id: number
  job: HostJob
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { begin, post, now, schedule } = options
  const sliceMs = options.sliceMs ?? SLICE_WALL_MS
  const queue: { id: number; request: HostRequest }[] = []
  let running: Running | null = null
  let reported = false
  let scheduled = false

  function later(): void {
    if (scheduled || (running === null && queue.length === 0)) return
    scheduled = true
    schedule(pump)
  }

  function answer(done: Running, message: NonNullable<ReturnType<HostJob['run']>>): void {
    running = null
    post({ id: done.id, message })
    if (reported) post({ id: done.id, report: { kind: 'finished' } })
    reported = false
  }

  /** Runs pieces for up to one slice: several short requests, or part of a long one. */
  function pump(): void {
    scheduled = false
    const deadline = now() + sliceMs
    const shouldYield = () => now() >= deadline
    for (;;) {
      if (running === null) {
        const next = queue.shift()
        if (next === undefined) return
        running = { id: next.id, job: begin(next.request) }
      }
      const current: Running = running
      const message = current.job.run(shouldYield)
      if (message !== null) answer(current, message)
      else {
        const progress = current.job.progress()
        if (progress !== null) {
          reported = true
          post({ id: current.id, report: { kind: 'progress', progress } })
        }
        break
      }
      if (shouldYield()) break
    }
    later()
  }

  return {
    request(id, request) {
      queue.push({ id, request })
      later()
    },
    cancel(id) {
      const current = running
      if (current === null || current.id !== id) return
      const progress = current.job.progress()
      const { answer: message, keptPrevious } = current.job.cancel()
      if (progress !== null) {
        const loadQueued = queue.some((waiting) => waiting.request.type === 'load')
        const report = { kind: 'cancelled' as const, progress, keptPrevious, loadQueued }
        post({ id, report })
      }
      reported = false
      answer(current, message)
      later()
    },
  }
}
