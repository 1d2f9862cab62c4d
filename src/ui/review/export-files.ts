/**
 * Builds each export of the ExportMenu from what the app has: the scenario (with the run's
 * faults), the latest snapshot and logs, the share link and the topology's `<svg>`. The string
 * building lives in `src/export`; this only picks the inputs.
 */
import type { SimulationSpec, TimedFault } from '../../engine/spec'
import type { MetricsSample, SimEvent, Snapshot } from '../../engine/types'
import type { ExportFile } from '../../export/files'
import { metricsCsvFile } from '../../export/metrics-csv'
import { pngFile, svgToPngBlob } from '../../export/png'
import { reviewMarkdownFile } from '../../export/review-markdown'
import { scenarioJsonFile } from '../../export/scenario-json'
import { svgFile } from '../../export/svg'
import { exportSvgElement, svgSize } from '../../export/svg-dom'

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

function topologyOrThrow(sources: ExportSources): SVGSVGElement {
  const svg = sources.topology()
  if (svg === null) throw new Error('The topology is not on the page')
  return svg
}

export async function buildExport(kind: ExportKind, sources: ExportSources): Promise<ExportFile> {
  const name = sources.spec.name
  switch (kind) {
    case 'scenario':
      return scenarioJsonFile(sources.recordedSpec)
    case 'review':
      return reviewMarkdownFile({
        spec: sources.spec,
        snapshot: sources.snapshot,
        metricsSeries: sources.metricsSeries,
        faults: sources.faults,
        events: sources.events,
        shareUrl: await sources.shareUrl(),
      })
    case 'svg':
      return svgFile(name, exportSvgElement(topologyOrThrow(sources), `Cluster topology: ${name}`))
    case 'png': {
      const svg = topologyOrThrow(sources)
      const { width, height } = svgSize(svg)
      return pngFile(name, await svgToPngBlob(exportSvgElement(svg), width, height))
    }
    case 'csv':
      return metricsCsvFile(name, sources.metricsSeries)
  }
}
