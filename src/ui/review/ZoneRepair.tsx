/**
 * After an import: generate the `kafka-reassign-partitions` JSON that spreads each partition's
 * replicas over distinct zones, copy or download it, and re-run the advisor on the reassigned
 * cluster to see what it fixes.
 */
import { useMemo, useState } from 'react'
import { advise } from '../../analysis/index'
import type { SimulationSpec } from '../../engine/spec'
import type { ExportFile } from '../../export/files'
import { fileStem } from '../../export/files'
import { FindingList } from './FindingList'
import { applyReassignment, readableReassignment, topicsWithZoneProblems } from './import-cluster'

export interface ZoneRepairProps {
  spec: SimulationSpec
  download: (file: ExportFile) => void
}

function counts(spec: SimulationSpec): string {
  const findings = advise(spec)
  const n = (severity: string, word: string) => {
    const count = findings.filter((f) => f.severity === severity).length
    return `${count} ${word}${count === 1 || word === 'info' ? '' : 's'}`
  }
  return `${n('error', 'error')}, ${n('warning', 'warning')}, ${n('info', 'info')}`
}

export function ZoneRepair({ spec, download }: ZoneRepairProps) {
  const topics = useMemo(() => topicsWithZoneProblems(spec), [spec])
  const [json, setJson] = useState<string | null>(null)
  const [reanalysed, setReanalysed] = useState<SimulationSpec | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const name = `${fileStem(spec.name)}-reassignment.json`

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text)
      setCopied('Copied to the clipboard.')
    } catch {
      setCopied('The clipboard is not available: select the text and copy it.')
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-semibold">Zone placement</h3>
      <p>
        {topics.length === 0
          ? 'No topic keeps two replicas of a partition in one zone while another zone has none.'
          : `Topics with replicas sharing a zone: ${topics.join(', ')}.`}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn"
          disabled={topics.length === 0}
          onClick={() => {
            setJson(readableReassignment(spec, topics))
            setReanalysed(null)
          }}
        >
          Generate reassignment JSON
        </button>
        {json !== null && (
          <>
            <button type="button" className="btn" onClick={() => void copy(json)}>
              Copy
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => download({ name, mime: 'application/json', data: json })}
            >
              Download
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => setReanalysed(applyReassignment(spec, json))}
            >
              Re-analyse
            </button>
          </>
        )}
      </div>
      {copied !== null && <p role="status">{copied}</p>}
      {json !== null && (
        <label className="flex flex-col gap-1">
          <span>
            Reassignment JSON (for{' '}
            <code>kafka-reassign-partitions --execute --reassignment-json-file</code>)
          </span>
          <textarea
            readOnly
            rows={8}
            value={json}
            className="rounded border border-border bg-bg p-2 font-mono text-xs"
          />
        </label>
      )}
      {reanalysed !== null && (
        <div className="flex flex-col gap-2" aria-label="Re-analysis" role="region">
          <p role="status">
            Advisor before the reassignment: {counts(spec)}. After: {counts(reanalysed)}.
          </p>
          <FindingList findings={advise(reanalysed)} />
        </div>
      )}
    </div>
  )
}
