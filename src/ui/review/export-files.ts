/**
 * Builds each export of the ExportMenu from what the app has: the scenario (with the run's
 * faults), the latest snapshot and logs, the share link and the topology's `<svg>`. The string
 * building lives in `src/export`; this only picks the inputs. Loaded on demand by the menu.
 */
import type { ExportFile } from '../../export/files'
import { metricsCsvFile } from '../../export/metrics-csv'
import { pngFile, svgToPngBlob } from '../../export/png'
import { reviewMarkdownFile } from '../../export/review-markdown'
import { scenarioJsonFile } from '../../export/scenario-json'
import { svgFile } from '../../export/svg'
import { exportSvgElement, svgSize } from '../../export/svg-dom'
import type { ExportKind, ExportSources } from './export-kinds'

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
