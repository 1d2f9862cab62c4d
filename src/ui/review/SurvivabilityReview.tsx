/**
 * The survivability tab's content, loaded on demand: the verdict first, then the matrix, both
 * from the review worker (host/review.ts via use-review.ts), so neither the matrix of a 10,000-
 * partition cluster nor the verdict's engine runs block the page. A row or the verdict injects
 * its failure at the current time; a partition named in a drill-down becomes the selected one.
 */
import type { FailureOutcome } from '../../analysis/index'
import { formatSimTime } from '../../scenario/sim-time'
import { useAppStore, useStoreApi } from '../store-context'
import { failureFaults } from './matrix'
import { PanelLoading } from './PanelLoading'
import { SurvivabilityMatrix } from './SurvivabilityMatrix'
import { useReview } from './use-review'
import { VerdictPanel } from './VerdictPanel'

export function SurvivabilityReview() {
  const store = useStoreApi()
  const spec = useAppStore((state) => state.spec)
  const selectedPartition = useAppStore((state) => state.selectedPartition)
  const review = useReview(spec)
  const onRunFailure = (failure: FailureOutcome) => {
    const state = store.getState()
    for (const fault of failureFaults(failure, spec)) state.inject(fault)
    state.showNotice({
      tone: 'info',
      message: `Injected the failure “${failure.name}” at ${formatSimTime(state.simTimeMs)}. Press Play to watch it.`,
    })
  }
  const result = review.result
  return (
    <div className="flex flex-col gap-4">
      <VerdictPanel review={review} onRunFailure={onRunFailure} />
      {result === null ? (
        review.error === null && <PanelLoading />
      ) : (
        <SurvivabilityMatrix
          spec={spec}
          failures={result.report.failures}
          topics={result.topics}
          assumption={result.report.assumption}
          selectedPartition={selectedPartition}
          onSelectPartition={(key) => {
            const state = store.getState()
            // selectPartition toggles: choosing the selected partition again keeps it selected.
            if (state.selectedPartition !== key) state.selectPartition(key)
          }}
          onRunFailure={onRunFailure}
        />
      )}
    </div>
  )
}
