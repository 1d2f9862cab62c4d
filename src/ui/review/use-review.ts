/**
 * The review of a scenario, from a worker of its own (host/review.ts): the counts first, then the
 * verdict's client figures as each run finishes. A new scenario cancels the running review.
 */
import { useEffect, useState } from 'react'
import type { FailureKind } from '../../analysis/index'
import type { SimulationSpec } from '../../engine/spec'
import { reviewInWorker, type ReviewResult } from '../../host/review'

export interface ReviewState {
  result: ReviewResult | null
  /** The client run under way, if any. */
  running: { kind: FailureKind; index: number; total: number } | null
  error: string | null
}

/**
 * A later stage of the same review keeps the earlier stage's matrix rows and roll-up (the worker
 * sends copies): the matrix's filters and selection key on them and would otherwise reset when
 * the client figures arrive.
 */
function keepRows(previous: ReviewResult | null, next: ReviewResult): ReviewResult {
  if (previous === null) return next
  return {
    ...next,
    report: { ...next.report, failures: previous.report.failures },
    topics: previous.topics,
  }
}

export function useReview(spec: SimulationSpec): ReviewState {
  const [state, setState] = useState<ReviewState>({ result: null, running: null, error: null })
  useEffect(() => {
    setState({ result: null, running: null, error: null })
    const handle = reviewInWorker(spec, (message) => {
      if (message.kind === 'review')
        setState((s) => ({
          ...s,
          result: keepRows(s.result, message.result),
          running: message.result.complete ? null : s.running,
        }))
      else if (message.kind === 'reviewProgress')
        setState((s) => ({
          ...s,
          running: { kind: message.running, index: message.index, total: message.total },
        }))
      else setState((s) => ({ ...s, running: null, error: message.message }))
    })
    return () => handle.cancel()
  }, [spec])
  return state
}
