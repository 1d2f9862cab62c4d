/**
 * Import a real cluster: paste `kafka-topics --describe` output (or a reassignment JSON, or
 * upload one), where its brokers are (a typed map, kafka-configs or AWS CLI output, or MSK's
 * numbering assumed), the cluster-wide broker configs and, if wanted, a workload. Import shows a
 * preview of what will change; only "Confirm import" loads it. Problems list their places, the
 * fields keep what was typed, and the running simulation is untouched until then. A pasted
 * scenario file is offered to be opened as one (ScenarioPasteOffer).
 *
 * A large paste (over SYNC_READ_CHARS) is read in a worker (ui/reader), never on the page's
 * thread: what the fields hold is read a moment after typing stops, and a newer edit stops an
 * older read, whose result is then dropped. Small input is read as it is typed, as before. The
 * text box keeps a large paste out of itself (ImportTextBox): laying it out took seconds.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { SimulationSpec } from '../../engine/spec'
import type { ExportFile } from '../../export/files'
import type { ImportConfigKey } from '../../scenario/import-cluster-config'
import { ScenarioPasteOffer } from '../open-file/ScenarioPasteOffer'
import { isAbort, readInReader } from '../reader/reader'
import {
  capOutcome,
  configPreview,
  EMPTY_INPUTS,
  importFacts,
  planFromInputs,
  readsInline,
  SYNC_READ_CHARS,
  type CurrentScenario,
  type ImportFacts,
  type ImportFormat,
  type ImportInputs,
  type ImportOutcome,
} from './import-cluster'
import { ImportConfigFields } from './ImportConfigFields'
import { ImportPreview } from './ImportPreview'
import { ImportTextBox } from './ImportTextBox'
import { ImportWorkloadFields } from './ImportWorkloadFields'
import { ImportZoneField } from './ImportZoneField'
import { ProblemList } from './ProblemList'

/** Reads the fields off the page's thread (the reader worker; tests pass their own). */
export type ImportReader = {
  facts: (inputs: ImportInputs, signal: AbortSignal) => Promise<ImportFacts>
  plan: (inputs: ImportInputs, signal: AbortSignal) => Promise<ImportOutcome>
}

const WORKER_READER: ImportReader = {
  facts: (inputs, signal) => readInReader({ kind: 'importFacts', inputs }, { signal }),
  plan: (inputs, signal) => readInReader({ kind: 'importPlan', inputs }, { signal }),
}

/** How long typing must pause before a large paste is read again. */
export const READ_DEBOUNCE_MS = 250

export interface ImportPanelProps {
  onLoad: (spec: SimulationSpec) => void
  download: (file: ExportFile) => void
  /** The scenario an import would replace, for the preview; null when not known. */
  current?: CurrentScenario | null
  /** Where large input is read (default: the reader worker, or this thread without workers). */
  reader?: ImportReader
  /** Input up to this many characters is read on this thread (default SYNC_READ_CHARS). */
  inlineLimit?: number
  debounceMs?: number
}

function withText(inputs: ImportInputs, text: string): ImportInputs {
  const { format: _detected, ...rest } = inputs
  return { ...rest, text }
}

/**
 * What the panel shows about its fields (`importFacts`): read at once for small input; for a
 * large paste, read by `reader` once typing pauses, the previous read stopped and its result
 * dropped. Until the first read of a large paste answers, the configs shown ignore the zone box.
 */
function useImportFacts(
  inputs: ImportInputs,
  reader: ImportReader,
  inlineLimit: number,
  debounceMs: number,
): ImportFacts {
  const inline = readsInline(inputs, inlineLimit)
  const now = useMemo(() => (inline ? importFacts(inputs) : null), [inline, inputs])
  const [read, setRead] = useState<ImportFacts | null>(null)
  useEffect(() => {
    if (inline) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      reader.facts(inputs, controller.signal).then(
        (facts) => {
          // A result that arrives after a newer edit is stale: dropped.
          if (!controller.signal.aborted) setRead(facts)
        },
        (error: unknown) => {
          if (!isAbort(error) && !controller.signal.aborted) setRead(null)
        },
      )
    }, debounceMs)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [inline, inputs, reader, debounceMs])
  const fallback = useMemo(
    () => ({ zoneState: null, offers: null, resolved: configPreview({ ...inputs, zones: '' }) }),
    [inputs],
  )
  return now ?? read ?? fallback
}

export function ImportPanel({
  onLoad,
  download,
  current = null,
  reader = WORKER_READER,
  inlineLimit = SYNC_READ_CHARS,
  debounceMs = READ_DEBOUNCE_MS,
}: ImportPanelProps) {
  const [inputs, setInputs] = useState<ImportInputs>(EMPTY_INPUTS)
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null)
  const [loaded, setLoaded] = useState<string | null>(null)
  // A large import being read in the worker, and why reading one failed (the worker crashed).
  const [reading, setReading] = useState(false)
  const [readError, setReadError] = useState<string | null>(null)
  // Each preview starts a fresh zone repair (its generated JSON belongs to the previous one).
  const [attempt, setAttempt] = useState(0)
  const fileInput = useRef<HTMLInputElement>(null)
  const planning = useRef<AbortController | null>(null)
  const facts = useImportFacts(inputs, reader, inlineLimit, debounceMs)

  // An import still being read is not wanted once the panel goes.
  useEffect(() => () => planning.current?.abort(), [])

  /** Stops reading an import: its result, when it comes, is dropped. */
  function stopPlanning() {
    planning.current?.abort()
    planning.current = null
    setReading(false)
    setReadError(null)
  }

  // Any edit makes the preview stale: it goes, and Import makes a new one.
  function edit(change: Partial<ImportInputs>) {
    setInputs((now) => ({ ...now, ...change }))
    setOutcome(null)
    setLoaded(null)
    stopPlanning()
  }

  function show(next: ImportOutcome) {
    setOutcome(next)
    setAttempt((n) => n + 1)
  }

  function preview(next: ImportInputs) {
    stopPlanning()
    setLoaded(null)
    setOutcome(null)
    if (readsInline(next, inlineLimit)) {
      show(capOutcome(planFromInputs(next)))
      return
    }
    const controller = new AbortController()
    planning.current = controller
    setReading(true)
    reader.plan(next, controller.signal).then(
      (planned) => {
        if (controller.signal.aborted) return
        planning.current = null
        setReading(false)
        show(planned)
      },
      (error: unknown) => {
        if (isAbort(error) || controller.signal.aborted) return
        planning.current = null
        setReading(false)
        setReadError(error instanceof Error ? error.message : String(error))
      },
    )
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
      <ImportTextBox
        label="kafka-topics --describe output, or a kafka-reassign-partitions JSON"
        text={inputs.text}
        limit={inlineLimit}
        onText={(text) => {
          // Typed text is detected again; only an uploaded file is read as a reassignment.
          setInputs((now) => withText(now, text))
          setOutcome(null)
          setLoaded(null)
          stopPlanning()
        }}
      />
      <ScenarioPasteOffer text={inputs.text} />
      <ImportZoneField
        zones={inputs.zones}
        numbering={inputs.numbering}
        state={facts.zoneState}
        offers={facts.offers}
        onZones={(zones) => edit({ zones })}
        onNumbering={(numbering) => edit({ numbering })}
      />
      <ImportConfigFields
        inputs={inputs}
        resolved={facts.resolved}
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
      {reading && (
        <p role="status">
          Reading the import ({inputs.text.length.toLocaleString('en-US')} characters)…
        </p>
      )}
      {readError !== null && (
        <p role="alert" className="text-danger">
          The import could not be read: {readError}. Nothing was changed.
        </p>
      )}
      {outcome !== null && !outcome.ok && (
        <ProblemList problems={outcome.problems} totals={outcome.totals} tone="error" />
      )}
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
