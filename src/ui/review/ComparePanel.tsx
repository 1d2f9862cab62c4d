/**
 * Compare mode: the current configuration (A) against a copy with one change (B), both run from
 * time 0 with the same seed and the same fault script to the same simulated time. Shows the
 * summary table and two time-locked charts: availability (OfflinePartitionsCount) and durability
 * (acknowledged records lost so far). The runs happen in the simulation host (a worker of their
 * own in the app), which reports progress; this panel only builds B and shows the result.
 */
import { useEffect, useRef, useState } from 'react'
import {
  applyChange,
  type Comparison,
  type ConfigChange,
  describeChange,
  suggestedChange,
} from '../../analysis/compare'
import type { SimulationSpec } from '../../engine/spec'
import type { CompareOptions, CompareRequest } from '../../host/index'
import { ChangeControls } from './ChangeControls'
import { CompareChart } from './CompareChart'
import { CompareTable } from './CompareTable'

/** Runs a comparison: the store's `runComparison`, which asks the simulation host. */
export type CompareRunner = (
  request: CompareRequest,
  options: CompareOptions,
) => Promise<Comparison>

export interface ComparePanelProps {
  /** The current configuration with the run's fault script (the recorded scenario). */
  spec: SimulationSpec
  run: CompareRunner
}

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; atMs: number; durationMs: number }
  | { kind: 'done'; comparison: Comparison; changeText: string }
  | { kind: 'failed'; message: string }

function durationChoices(spec: SimulationSpec): number[] {
  return [...new Set([60_000, 120_000, 300_000, 600_000, spec.durationMs])].sort((a, b) => a - b)
}

export function ComparePanel({ spec, run }: ComparePanelProps) {
  const [change, setChange] = useState<ConfigChange>(() => suggestedChange(spec, 'minIsr'))
  const [durationMs, setDurationMs] = useState(spec.durationMs)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [cursorMs, setCursorMs] = useState<number | null>(null)
  const abort = useRef<AbortController | null>(null)
  useEffect(() => () => abort.current?.abort(), [])

  async function start() {
    abort.current?.abort()
    const controller = new AbortController()
    abort.current = controller
    try {
      const variant = applyChange(spec, change)
      const changeText = describeChange(change)
      setStatus({ kind: 'running', atMs: 0, durationMs })
      const comparison = await run(
        { specA: spec, specB: variant, durationMs },
        {
          signal: controller.signal,
          onProgress: (atMs) => setStatus({ kind: 'running', atMs, durationMs }),
        },
      )
      if (!controller.signal.aborted) setStatus({ kind: 'done', comparison, changeText })
    } catch (error) {
      if (controller.signal.aborted) return
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
    }
  }

  const faults = spec.faults.length
  return (
    <section aria-label="Compare" className="flex flex-col gap-2 text-sm">
      <h2 className="font-semibold">Compare with one change</h2>
      <p className="text-muted">
        Runs the current configuration (A) and a copy with one change (B) from 00:00 with the same
        seed and the same fault script ({faults} {faults === 1 ? 'fault' : 'faults'}), to the same
        simulated time.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <ChangeControls spec={spec} change={change} onChange={setChange} />
        <label className="flex items-center gap-2">
          <span>Run for</span>
          <select
            className="rounded border border-border bg-panel px-2 py-1"
            value={durationMs}
            onChange={(event) => setDurationMs(Number(event.target.value))}
          >
            {durationChoices(spec).map((ms) => (
              <option key={ms} value={ms}>
                {ms / 1000} s{ms === spec.durationMs ? ' (scenario length)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-primary"
          disabled={status.kind === 'running'}
          onClick={() => void start()}
        >
          Run comparison
        </button>
      </div>
      <p role="status" className="text-muted">
        {status.kind === 'running' &&
          `Running both configurations: ${Math.round(status.atMs / 1000)} s of ${status.durationMs / 1000} s…`}
        {status.kind === 'done' && `Compared: B has ${status.changeText}.`}
      </p>
      {status.kind === 'failed' && (
        <p role="alert" className="text-danger">
          {status.message}
        </p>
      )}
      {status.kind === 'done' && (
        <>
          <CompareTable comparison={status.comparison} changeText={status.changeText} />
          <div className="grid gap-2 md:grid-cols-[repeat(2,minmax(0,30rem))]">
            <CompareChart
              title="OfflinePartitionsCount"
              seriesA={status.comparison.a.series}
              seriesB={status.comparison.b.series}
              value={(s) => s.OfflinePartitionsCount}
              durationMs={status.comparison.durationMs}
              cursorMs={cursorMs}
              onCursor={setCursorMs}
            />
            <CompareChart
              title="Lost acknowledged records (cumulative)"
              seriesA={status.comparison.a.series}
              seriesB={status.comparison.b.series}
              value={(s) => s.lostAckedRecords}
              durationMs={status.comparison.durationMs}
              cursorMs={cursorMs}
              onCursor={setCursorMs}
            />
          </div>
        </>
      )}
    </section>
  )
}
