/**
 * The exports the menu offers and what they are built from. Kept apart from the builders so the
 * menu renders without loading the exporters (they load when a button is pressed).
 */
import type { SimulationSpec, TimedFault } from '../../engine/spec'
import type { MetricsSample, SimEvent, Snapshot } from '../../engine/types'

export type ExportKind = 'scenario' | 'review' | 'svg' | 'png' | 'csv'

export const EXPORTS: readonly { kind: ExportKind; label: string }[] = [
  { kind: 'scenario', label: 'Export scenario JSON' },
  { kind: 'review', label: 'Export review (Markdown)' },
  { kind: 'svg', label: 'Export SVG' },
  { kind: 'png', label: 'Export PNG' },
  { kind: 'csv', label: 'Export metrics CSV' },
]

export interface ExportSources {
  /** The scenario as loaded. */
  spec: SimulationSpec
  /** The scenario with the whole recording as its fault script (what a share link holds). */
  recordedSpec: SimulationSpec
  snapshot: Snapshot | null
  metricsSeries: readonly MetricsSample[]
  events: readonly SimEvent[]
  faults: readonly TimedFault[]
  shareUrl: () => Promise<string>
  /** The topology's `<svg>`, or null when it is not on the page. */
  topology: () => SVGSVGElement | null
}
