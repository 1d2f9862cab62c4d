/**
 * Compare two designs: A and B may each be the current scenario, an edited copy of it, the
 * advisor's generated reassignment, a cluster read from `kafka-topics --describe` output, or a
 * scenario file. Both run from time 0 with the same seed and one fault script, chosen once, to
 * the same simulated time. Everything heavy — reading the designs, both runs, the frames for the
 * topologies and the advisor — happens in a worker of its own (design-host.ts), which reports
 * progress; the run can be cancelled. This panel keeps what the user chose and shows the result.
 */
import { useEffect, useRef, useState } from 'react'
import { describeChange } from '../../analysis/compare'
import type { FaultScript } from '../../analysis/compare-designs'
import type { SimulationSpec } from '../../engine/spec'
import type {
  CompareDesignsRequest,
  DesignComparison,
  DesignOutcome,
  DesignRejection,
} from '../../host/compare'
import { compareDesigns } from '../../host/design-host'
import type { CompareOptions } from '../../host/protocol'
import { renderProblem } from '../../scenario/messages'
import { CompareFaults } from './CompareFaults'
import { CompareResults } from './CompareResults'
import { CompareSide } from './CompareSide'
import { compareRequest, defaultFaultScript, newDraft, type SideDraft } from './compare-sides'

/** Runs a design comparison: `compareDesigns`, in a worker when the browser has them. */
export type CompareRunner = (
  request: CompareDesignsRequest,
  options: CompareOptions,
) => Promise<DesignOutcome>

export interface ComparePanelProps {
  /** The current scenario with the run's fault script (the recorded faults). */
  spec: SimulationSpec
  /** Default: `compareDesigns` from the host. */
  run?: CompareRunner
}

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; atMs: number; durationMs: number }
  | { kind: 'done'; comparison: DesignComparison; text: string; run: number }
  | { kind: 'missing'; lines: string[] }
  | { kind: 'rejected'; rejections: DesignRejection[] }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' }

function durationChoices(spec: SimulationSpec): number[] {
  return [...new Set([60_000, 120_000, 300_000, 600_000, spec.durationMs])].sort((a, b) => a - b)
}

function doneText(a: SideDraft, b: SideDraft, comparison: DesignComparison): string {
  if (a.kind === 'current' && b.kind === 'edited')
    return `Compared: B has ${describeChange(b.change)}.`
  const { designs } = comparison
  return `Compared A (${designs.a.label}) with B (${designs.b.label}).`
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function ComparePanel({ spec, run = compareDesigns }: ComparePanelProps) {
  const [a, setA] = useState<SideDraft>({ kind: 'current' })
  const [b, setB] = useState<SideDraft>(() => newDraft('edited', spec))
  const [faults, setFaults] = useState<FaultScript>(() => defaultFaultScript(spec))
  const [durationMs, setDurationMs] = useState(spec.durationMs)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const abort = useRef<AbortController | null>(null)
  const runs = useRef(0)
  useEffect(() => () => abort.current?.abort(), [])

  async function start() {
    const request = compareRequest(spec, a, b, faults, durationMs)
    if (Array.isArray(request)) {
      setStatus({ kind: 'missing', lines: request })
      return
    }
    abort.current?.abort()
    const controller = new AbortController()
    abort.current = controller
    setStatus({ kind: 'running', atMs: 0, durationMs })
    try {
      const outcome = await run(request, {
        signal: controller.signal,
        onProgress: (atMs) => setStatus({ kind: 'running', atMs, durationMs }),
      })
      if (controller.signal.aborted) return
      if (!outcome.ok) setStatus({ kind: 'rejected', rejections: outcome.rejections })
      else {
        runs.current += 1
        const text = doneText(a, b, outcome.comparison)
        setStatus({ kind: 'done', comparison: outcome.comparison, text, run: runs.current })
      }
    } catch (error) {
      if (!controller.signal.aborted) setStatus({ kind: 'failed', message: errorText(error) })
    }
  }

  function cancel() {
    abort.current?.abort()
    setStatus({ kind: 'cancelled' })
  }

  return (
    <section aria-label="Compare" className="flex flex-col gap-2 text-sm">
      <h2 className="font-semibold">Compare two designs</h2>
      <p className="text-muted">
        Runs design A and design B from 00:00 with the same seed and the same fault script, to the
        same simulated time, in the background.
      </p>
      <div className="grid gap-2 md:grid-cols-2">
        <CompareSide side="A" spec={spec} draft={a} onChange={setA} />
        <CompareSide side="B" spec={spec} draft={b} onChange={setB} />
      </div>
      <CompareFaults spec={spec} script={faults} onChange={setFaults} />
      <div className="flex flex-wrap items-center gap-3">
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
        {status.kind === 'running' && (
          <button type="button" className="btn" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      <p role="status" className="text-muted">
        {status.kind === 'running' &&
          `Running both designs: ${Math.round(status.atMs / 1000)} s of ${status.durationMs / 1000} s…`}
        {status.kind === 'done' && status.text}
        {status.kind === 'cancelled' && 'Cancelled: nothing was compared.'}
      </p>
      {(status.kind === 'missing' || status.kind === 'failed') && (
        <p role="alert" className="text-danger">
          {status.kind === 'missing' ? status.lines.join(' ') : status.message}
        </p>
      )}
      {status.kind === 'rejected' && (
        <div role="alert" className="text-danger">
          <p className="font-semibold">Nothing was compared:</p>
          <ul className="ml-5 list-disc">
            {status.rejections.flatMap((r) =>
              r.problems.map((p, i) => (
                <li key={`${r.side}-${i}`}>
                  {r.side} ({r.label}): {p.path}: {renderProblem(p)}
                </li>
              )),
            )}
          </ul>
        </div>
      )}
      {status.kind === 'done' && <CompareResults key={status.run} comparison={status.comparison} />}
    </section>
  )
}
