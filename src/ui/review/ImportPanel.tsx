/**
 * Import a real cluster: paste `kafka-topics --describe` output (or a reassignment JSON, or
 * upload one), where its brokers are (a typed map, kafka-configs or AWS CLI output, or MSK's
 * numbering assumed), the cluster-wide broker configs and, if wanted, a workload. Import shows a
 * preview of what will change; only "Confirm import" loads it. Problems list their places, the
 * fields keep what was typed, and the running simulation is untouched until then. A pasted
 * scenario file is offered to be opened as one (ScenarioPasteOffer).
 */
import { useMemo, useRef, useState } from 'react'
import type { SimulationSpec } from '../../engine/spec'
import type { ExportFile } from '../../export/files'
import type { ImportConfigKey } from '../../scenario/import-cluster-config'
import { ScenarioPasteOffer } from '../open-file/ScenarioPasteOffer'
import {
  configPreview,
  EMPTY_INPUTS,
  planFromInputs,
  type CurrentScenario,
  type ImportFormat,
  type ImportInputs,
  type ImportOutcome,
} from './import-cluster'
import { ImportConfigFields } from './ImportConfigFields'
import { ImportPreview } from './ImportPreview'
import { ImportWorkloadFields } from './ImportWorkloadFields'
import { ImportZoneField } from './ImportZoneField'
import { ProblemList } from './ProblemList'

export interface ImportPanelProps {
  onLoad: (spec: SimulationSpec) => void
  download: (file: ExportFile) => void
  /** The scenario an import would replace, for the preview; null when not known. */
  current?: CurrentScenario | null
}

function withText(inputs: ImportInputs, text: string): ImportInputs {
  const { format: _detected, ...rest } = inputs
  return { ...rest, text }
}

export function ImportPanel({ onLoad, download, current = null }: ImportPanelProps) {
  const [inputs, setInputs] = useState<ImportInputs>(EMPTY_INPUTS)
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null)
  const [loaded, setLoaded] = useState<string | null>(null)
  // Each preview starts a fresh zone repair (its generated JSON belongs to the previous one).
  const [attempt, setAttempt] = useState(0)
  const fileInput = useRef<HTMLInputElement>(null)
  const resolved = useMemo(() => configPreview(inputs), [inputs])

  // Any edit makes the preview stale: it goes, and Import makes a new one.
  function edit(change: Partial<ImportInputs>) {
    setInputs((now) => ({ ...now, ...change }))
    setOutcome(null)
    setLoaded(null)
  }

  function preview(next: ImportInputs) {
    setOutcome(planFromInputs(next))
    setAttempt((n) => n + 1)
    setLoaded(null)
  }

  async function upload(file: File | undefined) {
    if (file === undefined) return
    const text = await file.text()
    const next = { ...inputs, text, format: 'reassignment' as ImportFormat }
    setInputs(next)
    preview(next)
  }

  function confirm() {
    if (outcome === null || !outcome.ok) return
    const { spec } = outcome
    onLoad(spec)
    setOutcome(null)
    setLoaded(
      `Imported “${spec.name}”: ${spec.cluster.brokers.length} brokers in ${spec.cluster.zones.length} zones, ${spec.clients.length} clients. The simulation restarted at 00:00.000.`,
    )
  }

  return (
    <section aria-label="Import" className="flex flex-col gap-3 text-sm">
      <h2 className="font-semibold">Import a cluster</h2>
      <label className="flex flex-col gap-1">
        <span>kafka-topics --describe output, or a kafka-reassign-partitions JSON</span>
        <textarea
          rows={8}
          value={inputs.text}
          spellCheck={false}
          onChange={(event) => {
            // Typed text is detected again; only an uploaded file is read as a reassignment.
            setInputs((now) => withText(now, event.target.value))
            setOutcome(null)
            setLoaded(null)
          }}
          className="rounded border border-border bg-panel p-2 font-mono text-xs"
        />
      </label>
      <ScenarioPasteOffer text={inputs.text} />
      <ImportZoneField
        text={inputs.text}
        zones={inputs.zones}
        numbering={inputs.numbering}
        onZones={(zones) => edit({ zones })}
        onNumbering={(numbering) => edit({ numbering })}
      />
      <ImportConfigFields
        inputs={inputs}
        resolved={resolved}
        onPreset={(preset) => edit({ preset, typed: {} })}
        onType={(key: ImportConfigKey, text) => edit({ typed: { ...inputs.typed, [key]: text } })}
      />
      <ImportWorkloadFields
        workload={inputs.workload}
        onChange={(workload) => edit({ workload })}
      />
      <div className="flex flex-wrap items-end gap-3">
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
        <button type="button" className="btn btn-primary" onClick={() => preview(inputs)}>
          Import
        </button>
      </div>
      {outcome !== null && !outcome.ok && <ProblemList problems={outcome.problems} tone="error" />}
      {outcome?.ok === true && (
        <ImportPreview
          outcome={outcome}
          current={current}
          attempt={attempt}
          onConfirm={confirm}
          onCancel={() => setOutcome(null)}
          download={download}
        />
      )}
      {loaded !== null && (
        <p role="status">
          <span aria-hidden="true">✓ </span>
          {loaded}
        </p>
      )}
    </section>
  )
}
