/**
 * The design review, computed off the page's thread: the analysis (survivability matrix, advisor,
 * verdict), the per-topic roll-up, then the verdict's client runs — one engine run per failure
 * class, seconds each on a large cluster. `reviewSteps` yields each stage's result so the view
 * shows the counts at once and the client figures as they come; `reviewInWorker` runs it in a
 * worker of its own (review.worker.ts), cancelled by terminating it.
 */
import { analyze, type AnalysisReport } from '../analysis/index'
import { topicRollup, type TopicRollup } from '../analysis/survivability-detail'
import { verdict, type Verdict } from '../analysis/verdict'
import type { FailureKind } from '../analysis/survivability'
import type { SimulationSpec } from '../engine/spec'

export interface ReviewResult {
  report: AnalysisReport
  topics: TopicRollup[]
  /** The client runs are done (the verdict's `clients` figures are in). */
  complete: boolean
}

export type ReviewMessage =
  | { kind: 'review'; result: ReviewResult }
  /** The second stage: the verdict with its client figures (the rows stay as first sent). */
  | { kind: 'verdict'; verdict: Verdict }
  | { kind: 'reviewProgress'; running: FailureKind; index: number; total: number }
  | { kind: 'error'; message: string }

/**
 * Computes the review in two stages: the report without client runs, then the verdict with
 * them (only the verdict crosses again: the matrix of a large cluster is thousands of rows, and
 * the view keeps the ones it has), calling `post` after each stage and before each run.
 */
export function computeReview(spec: SimulationSpec, post: (message: ReviewMessage) => void): void {
  const report = analyze(spec)
  const topics = topicRollup(spec, report.failures)
  const hasProducers = spec.clients.some((c) => c.kind === 'producer')
  post({ kind: 'review', result: { report, topics, complete: !hasProducers } })
  if (!hasProducers) return
  const full = verdict(spec, report.failures, {
    clientRuns: true,
    onRun: (running, index, total) => post({ kind: 'reviewProgress', running, index, total }),
  })
  post({ kind: 'verdict', verdict: full })
}

export interface ReviewHandle {
  cancel(): void
}

/**
 * Runs the review in a worker of its own; `onMessage` gets each stage. Without Worker support
 * (tests in jsdom) it runs on the calling thread.
 *
 * @example
 * const handle = reviewInWorker(spec, (m) => m.kind === 'review' && show(m.result))
 * handle.cancel()
 */
export function reviewInWorker(
  spec: SimulationSpec,
  onMessage: (message: ReviewMessage) => void,
): ReviewHandle {
  if (typeof Worker === 'undefined') {
    let cancelled = false
    queueMicrotask(() => {
      try {
        computeReview(spec, (m) => {
          if (!cancelled) onMessage(m)
        })
      } catch (error) {
        if (!cancelled) onMessage({ kind: 'error', message: String(error) })
      }
    })
    return { cancel: () => (cancelled = true) }
  }
  const worker = new Worker(new URL('./review.worker.ts', import.meta.url), { type: 'module' })
  worker.onmessage = (event: MessageEvent<ReviewMessage>) => onMessage(event.data)
  worker.onerror = (event) => {
    event.preventDefault()
    onMessage({
      kind: 'error',
      message: `The review worker failed: ${event.message || 'unknown error'}`,
    })
    worker.terminate()
  }
  worker.postMessage(spec)
  return { cancel: () => worker.terminate() }
}
