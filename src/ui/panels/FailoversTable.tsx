/**
 * The failover record as a table: one row per fault applied so far, how the clients felt it
 * (the run report's `failovers`, docs/cli.md). Times are the simulated clock; "—" is a moment
 * that has not come (not detected yet, not recovered yet) or does not apply.
 */
import { ColumnHeads } from './ColumnHeads'
import type { FailoverRecord } from '../../engine/failovers'
import { formatSimTime } from '../../scenario/sim-time'
import { useT } from '../i18n/react'
import { t } from '../i18n/runtime'

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
  const type = f.type
  if (f.client !== undefined)
    return f.member === undefined
      ? t('failovers.client', { type, client: f.client })
      : t('failovers.clientMember', { type, client: f.client, member: f.member })
  if (f.broker !== undefined) return t('failovers.broker', { type, broker: f.broker })
  if (f.zone !== undefined) return `${type} ${f.zone}`
  if (f.controller !== undefined)
    return t('failovers.controller', { type, controller: f.controller })
  return type
}

/** A duration: "363 ms", "9.1 s", "2 min 5 s" (in Korean "363ms", "9.1초", "2분 5초"). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return t('duration.ms', { ms })
  if (ms < 60_000) return t('duration.s', { s: (ms / 1000).toFixed(1) })
  const min = Math.floor(ms / 60_000)
  return t('duration.min', { min, s: Math.round((ms - min * 60_000) / 1000) })
}

function after(atMs: number, at: number | null): string {
  return at === null ? '—' : `${formatSimTime(at)} (+${formatDuration(at - atMs)})`
}

const cell = 'border-b border-border px-2 py-1 align-top'
// i18n-exempt: English names, which the glossary looks terms up by; LABEL_KEYS are shown
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
const LABEL_KEYS = [
  'failovers.col.fault',
  'failovers.col.at',
  'failovers.col.detected',
  'failovers.col.leadersMoved',
  'failovers.col.recovered',
  'failovers.col.stall',
  'failovers.col.failed',
  'failovers.col.retried',
  'failovers.col.lost',
  'failovers.col.elections',
] as const

export function FailoversTable({ failovers }: FailoversTableProps) {
  useT()
  return (
    <section aria-labelledby="failovers-heading" className="mb-4">
      <h3 id="failovers-heading" className="mb-1 text-sm font-semibold">
        {t('failovers.title')}
      </h3>
      {failovers.length === 0 ? (
        <p className="text-xs text-muted">{t('failovers.none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse font-mono text-xs">
            <caption className="sr-only">{t('failovers.caption')}</caption>
            <ColumnHeads headers={HEADERS} labels={LABEL_KEYS.map((key) => t(key))} />
            <tbody>
              {failovers.map((f, i) => (
                <tr key={`${f.atMs}-${i}`}>
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    {faultLabel(f.fault)}
                    {f.steps === undefined ? null : (
                      <span className="block text-muted">
                        {t('failovers.steps', { count: f.steps.length })}
                      </span>
                    )}
                  </th>
                  <td className={cell}>{formatSimTime(f.atMs)}</td>
                  <td className={cell}>{after(f.atMs, f.detectedAtMs)}</td>
                  <td className={cell}>{after(f.atMs, f.leadersMovedAtMs)}</td>
                  <td className={cell}>
                    {f.partitions.length === 0
                      ? t('failovers.untouched')
                      : f.recoveredAtMs === null
                        ? t('failovers.notYet')
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
                    {t('failovers.elections', {
                      clean: f.elections.clean,
                      unclean: f.elections.unclean,
                    })}
                    {f.elections.elr > 0 ? t('failovers.elr', { count: f.elections.elr }) : ''}
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
