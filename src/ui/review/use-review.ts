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

export function useReview(spec: SimulationSpec): ReviewState {
  const [state, setState] = useState<ReviewState>({ result: null, running: null, error: null })
  useEffect(() => {
    setState({ result: null, running: null, error: null })
    const handle = reviewInWorker(spec, (message) => {
      if (message.kind === 'review')
        setState((s) => ({
          ...s,
          result: message.result,
          running: message.result.complete ? null : s.running,
        }))
      else if (message.kind === 'verdict')
        // The second stage: the same rows (the matrix's filters key on them), the full verdict.
        setState((s) =>
          s.result === null
            ? s
            : {
                ...s,
                running: null,
                result: {
                  ...s.result,
                  report: { ...s.result.report, verdict: message.verdict },
                  complete: true,
                },
              },
        )
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
