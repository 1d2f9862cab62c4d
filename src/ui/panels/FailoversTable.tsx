/**
 * The failover record as a table: one row per fault applied so far, how the clients felt it
 * (the run report's `failovers`, docs/cli.md). Times are the simulated clock; "—" is a moment
 * that has not come (not detected yet, not recovered yet) or does not apply.
 */
import { ColumnHeads } from './ColumnHeads'
import type { FailoverRecord } from '../../engine/failovers'
import { formatSimTime } from '../../scenario/sim-time'

export interface FailoversTableProps {
  failovers: readonly FailoverRecord[]
}

/** "crashBroker broker 1", "stopZone use1-az1", "rollingRestart". */
export function faultLabel(fault: FailoverRecord['fault']): string {
  const f = fault as {
    type: string
    broker?: number
    zone?: string
    controller?: number
    client?: string
    member?: number
  }
  if (f.client !== undefined)
    return `${f.type} ${f.client}${f.member === undefined ? '' : ` member ${f.member}`}`
  if (f.broker !== undefined) return `${f.type} broker ${f.broker}`
  if (f.zone !== undefined) return `${f.type} ${f.zone}`
  if (f.controller !== undefined) return `${f.type} controller ${f.controller}`
  return f.type
}

/** A duration: "363 ms", "9.1 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const min = Math.floor(ms / 60_000)
  return `${min} min ${Math.round((ms - min * 60_000) / 1000)} s`
}

function after(atMs: number, t: number | null): string {
  return t === null ? '—' : `${formatSimTime(t)} (+${formatDuration(t - atMs)})`
}

const cell = 'border-b border-border px-2 py-1 align-top'
const HEADERS = [
  'Fault',
  'At',
  'Detected',
  'Leaders moved',
  'Recovered',
  'Longest write stall',
  'Failed',
  'Retried',
  'Lost acked',
  'Elections',
]

export function FailoversTable({ failovers }: FailoversTableProps) {
  return (
    <section aria-labelledby="failovers-heading" className="mb-4">
      <h3 id="failovers-heading" className="mb-1 text-sm font-semibold">
        Failovers, as the clients felt them
      </h3>
      {failovers.length === 0 ? (
        <p className="text-xs text-muted">No fault yet: break a broker, a zone or a controller.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse font-mono text-xs">
            <caption className="sr-only">
              One row per fault: when the cluster detected it, when leaders moved, when every
              partition it touched acknowledged a write again, and the longest time a write waited
            </caption>
            <ColumnHeads headers={HEADERS} />
            <tbody>
              {failovers.map((f, i) => (
                <tr key={`${f.atMs}-${i}`}>
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    {faultLabel(f.fault)}
                    {f.steps === undefined ? null : (
                      <span className="block text-muted">
                        {f.steps.length} broker {f.steps.length === 1 ? 'step' : 'steps'}
                      </span>
                    )}
                  </th>
                  <td className={cell}>{formatSimTime(f.atMs)}</td>
                  <td className={cell}>{after(f.atMs, f.detectedAtMs)}</td>
                  <td className={cell}>{after(f.atMs, f.leadersMovedAtMs)}</td>
                  <td className={cell}>
                    {f.partitions.length === 0
                      ? 'no partition touched'
                      : f.recoveredAtMs === null
                        ? 'not yet'
                        : after(f.atMs, f.recoveredAtMs)}
                  </td>
                  <td className={cell}>
                    {f.maxProduceStallMs === null ? '—' : formatDuration(f.maxProduceStallMs)}
                  </td>
                  <td className={f.failedRecords > 0 ? `${cell} text-danger` : cell}>
                    {f.failedRecords}
                  </td>
                  <td className={cell}>{f.retriedRecords}</td>
                  <td className={f.lostAckedRecords > 0 ? `${cell} text-danger` : cell}>
                    {f.lostAckedRecords}
                  </td>
                  <td className={cell}>
                    {`${f.elections.clean} clean, ${f.elections.unclean} unclean`}
                    {f.elections.elr > 0 ? `, ${f.elections.elr} ELR` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
