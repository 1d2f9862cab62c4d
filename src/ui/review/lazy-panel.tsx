/**
 * The review panels load on demand: the analysis, the scenario importers and compare mode stay out
 * of the JavaScript a plain visit downloads.
 */
import { lazy } from 'react'

export const LazyAdvisorPanel = lazy(() =>
  import('./AdvisorPanel').then((m) => ({ default: m.AdvisorPanel })),
)
export const LazyComparePanel = lazy(() =>
  import('./ComparePanel').then((m) => ({ default: m.ComparePanel })),
)
export const LazyImportPanel = lazy(() =>
  import('./ImportPanel').then((m) => ({ default: m.ImportPanel })),
)
