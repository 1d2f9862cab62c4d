/**
 * The survivability tab: the review (verdict and matrix, SurvivabilityReview.tsx) loaded on
 * demand, so the analysis stays out of the JavaScript a plain visit downloads.
 */
import { lazy, Suspense } from 'react'
import { PanelLoading } from './PanelLoading'

const LazySurvivabilityReview = lazy(() =>
  import('./SurvivabilityReview').then((m) => ({ default: m.SurvivabilityReview })),
)

export function SurvivabilityTab() {
  return (
    <Suspense fallback={<PanelLoading />}>
      <LazySurvivabilityReview />
    </Suspense>
  )
}
