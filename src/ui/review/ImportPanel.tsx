/**
 * Import a real cluster: paste `kafka-topics --describe` output (or a reassignment JSON) and a
 * broker → zone map, or upload a `kafka-reassign-partitions` JSON file. The same importer and
 * reader as the CLI make the scenario. Errors list their line numbers, the text stays, and the
 * running simulation is untouched until "Load into the simulator".
 */
import { useRef, useState } from 'react'
import type { SimulationSpec } from '../../engine/spec'
import type { ExportFile } from '../../export/files'
import { type ImportFormat, type ImportOutcome, importCluster } from './import-cluster'
import { ProblemList } from './ProblemList'
import { ZoneRepair } from './ZoneRepair'

export interface ImportPanelProps {
  onLoad: (spec: SimulationSpec) => void
  download: (file: ExportFile) => void
}

function summary(spec: SimulationSpec): string {
  const partitions = spec.topics.reduce((sum, t) => sum + t.partitions, 0)
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  return (
    `${count(spec.topics.length, 'topic')}, ${count(partitions, 'partition')} on` +
    ` ${count(spec.cluster.brokers.length, 'broker')} in ${count(spec.cluster.zones.length, 'zone')}` +
    ` (${spec.cluster.zones.join(', ')})`
  )
}

export function ImportPanel({ onLoad, download }: ImportPanelProps) {
  const [text, setText] = useState('')
  const [zones, setZones] = useState('')
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null)
  // Each import starts a fresh zone repair (its generated JSON belongs to the previous import).
  const [attempt, setAttempt] = useState(0)
  const fileInput = useRef<HTMLInputElement>(null)

  function run(input: string, format?: ImportFormat) {
    setOutcome(importCluster(input, zones, format))
    setAttempt((n) => n + 1)
  }

  async function upload(file: File | undefined) {
    if (file === undefined) return
    const content = await file.text()
    setText(content)
    run(content, 'reassignment')
  }

  return (
    <section aria-label="Import" className="flex flex-col gap-2 text-sm">
      <h2 className="font-semibold">Import a cluster</h2>
      <label className="flex flex-col gap-1">
        <span>kafka-topics --describe output, or a kafka-reassign-partitions JSON</span>
        <textarea
          rows={8}
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
          className="rounded border border-border bg-panel p-2 font-mono text-xs"
        />
      </label>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-72 flex-1 flex-col gap-1">
          <span>Broker → zone map (broker.rack)</span>
          <input
            value={zones}
            placeholder="1=use1-az1,2=use1-az2,3=use1-az3"
            onChange={(event) => setZones(event.target.value)}
            className="rounded border border-border bg-panel px-2 py-1 font-mono text-xs"
          />
        </label>
        <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
          Upload reassignment JSON
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          tabIndex={-1}
          aria-label="Reassignment JSON file"
          onChange={(event) => {
            void upload(event.target.files?.[0])
            // Choosing the same file again should import it again.
            event.target.value = ''
          }}
        />
        <button type="button" className="btn btn-primary" onClick={() => run(text)}>
          Import
        </button>
      </div>
      {outcome !== null && !outcome.ok && <ProblemList problems={outcome.problems} tone="error" />}
      {outcome?.ok === true && (
        <div className="flex flex-col gap-2 rounded border border-border p-2">
          <p role="status">
            <span aria-hidden="true">✓ </span>Imported{' '}
            {outcome.format === 'describe' ? 'describe output' : 'a reassignment'}:{' '}
            {summary(outcome.spec)}.
          </p>
          {outcome.warnings.length > 0 && (
            <ProblemList problems={outcome.warnings} tone="warning" />
          )}
          <div>
            <button type="button" className="btn btn-primary" onClick={() => onLoad(outcome.spec)}>
              Load into the simulator
            </button>
          </div>
          <ZoneRepair key={attempt} spec={outcome.spec} download={download} />
        </div>
      )}
    </section>
  )
}
