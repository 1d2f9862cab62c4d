/**
 * Exports of the current work, as files: the scenario JSON, the Markdown design review, the
 * topology as SVG or PNG, and the metric series as CSV; plus the embed-mode flag. Pure string
 * building, except `svg-dom.ts` and `png.ts`, which are the thin browser halves.
 */
export { type ExportFile, fileStem } from './files'
export { scenarioJsonFile } from './scenario-json'
export { METRIC_COLUMNS, metricsCsvFile, metricsToCsv } from './metrics-csv'
export {
  type ReviewInput,
  reviewMarkdown,
  reviewMarkdownFile,
  runOutcomeMarkdown,
} from './review-markdown'
export {
  escapeXml,
  localUrl,
  serializeSvg,
  svgFile,
  type SvgDocumentOptions,
  type SvgElementNode,
  type SvgNode,
} from './svg'
export { exportSvgElement, svgSize, svgTree } from './svg-dom'
export { canvasSize, PNG_SIGNATURE, pngFile, svgDataUrl, svgToPngBlob } from './png'
export { embedUrl, isEmbedMode, type LocationLike } from './embed'
export { downloadFile } from './download'
