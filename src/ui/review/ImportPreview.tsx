/**
 * What an import will change, before it does: the cluster it loads (brokers, zones and where
 * they came from, topics, partitions, the configs and their sources, the effective min ISR, the
 * clients), its warnings, and what the current scenario loses. "Confirm import" loads it; Cancel
 * leaves everything as it is. The zone repair offers a reassignment for topics crowding a zone.
 */
import type { ExportFile } from '../../export/files'
import {
  lossText,
  previewLines,
  summary,
  type CurrentScenario,
  type ImportOutcome,
} from './import-cluster'
import { ProblemList } from './ProblemList'
import { ZoneRepair } from './ZoneRepair'

export interface ImportPreviewProps {
  outcome: Extract<ImportOutcome, { ok: true }>
  current: CurrentScenario | null
  attempt: number
  onConfirm: () => void
  onCancel: () => void
  download: (file: ExportFile) => void
}

export function ImportPreview({
  outcome,
  current,
  attempt,
  onConfirm,
  onCancel,
  download,
}: ImportPreviewProps) {
  return (
    <section aria-label="Preview" className="flex flex-col gap-2 rounded border border-border p-2">
      <h3 className="font-semibold">Preview: what the import changes</h3>
      <p role="status">{summary(outcome)}</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
        {previewLines(outcome.plan).map((line) => (
          <div key={line.label} className="contents">
            <dt className="font-mono">{line.label}</dt>
            <dd>{line.text}</dd>
          </div>
        ))}
      </dl>
      {current !== null && <p className="text-out-of-sync">{lossText(current)}</p>}
      {outcome.warnings.length > 0 && (
        <ProblemList problems={outcome.warnings} totals={outcome.totals} tone="warning" />
      )}
      <div className="flex gap-2">
        <button type="button" className="btn btn-primary" onClick={onConfirm}>
          Confirm import
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ZoneRepair key={attempt} spec={outcome.spec} download={download} />
    </section>
  )
}
