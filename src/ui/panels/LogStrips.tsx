/**
 * The log picture of one partition: a strip per replica with its batches as cells coloured (and
 * numbered) by leader epoch, its LEO as a tick, the high watermark as one line across all strips,
 * the uncommitted tail [HW, LEO) hatched, tails a replica cut off drawn as struck-out ghosts, the
 * offsets of acknowledged records the leader no longer holds, and the consumers' positions.
 * Every mark has words beside it (colour is never the only signal), and the whole picture reads
 * out as one sentence (`summaryOf`). Data: the engine's PartitionLogView, via the host.
 */
import { useId } from 'react'
import type { PartitionLogView, ReplicaLogView } from '../../engine/log-view'
import { useT } from '../i18n/react'
import { t as translate } from '../i18n/runtime'
import {
  cellsOf,
  epochsOf,
  formatOffset,
  percentOf,
  placeOf,
  roleOf,
  summaryOf,
  truncationText,
} from './log-strips-model'

export interface LogStripsProps {
  log: PartitionLogView
}

/** Neighbouring epochs get far-apart hues; the epoch number is written too (runs, legend, titles). */
const EPOCH_COLOURS = ['--in-sync', '--leader', '--elr', '--controller']

export function epochFill(epoch: number): string {
  const colour = EPOCH_COLOURS[((epoch % 4) + 4) % 4] as string
  return `color-mix(in srgb, var(${colour}) 60%, var(--panel))`
}

const HATCH =
  'repeating-linear-gradient(135deg, var(--fg) 0 1px, transparent 1px 5px), color-mix(in srgb, var(--panel) 35%, transparent)'
const GHOST = 'repeating-linear-gradient(90deg, var(--danger) 0 4px, transparent 4px 7px)'

function span(log: PartitionLogView, from: number, to: number) {
  const left = percentOf(log, from)
  return { left: `${left}%`, width: `${Math.max(0, percentOf(log, to) - left)}%` }
}

/** Consecutive cells of one epoch, for the epoch number written over them. */
function epochRuns(log: PartitionLogView, r: ReplicaLogView) {
  const runs: { from: number; to: number; epoch: number }[] = []
  for (const cell of cellsOf(log, r.batches)) {
    const last = runs[runs.length - 1]
    if (last !== undefined && last.epoch === cell.epoch && last.to === cell.from) last.to = cell.to
    else runs.push({ ...cell })
  }
  return runs
}

function ReplicaRow({ log, r }: { log: PartitionLogView; r: ReplicaLogView }) {
  const leo = placeOf(log, r.logEndOffset)
  const ghosts = r.truncated.filter((t) => t.fromOffset > log.window.from)
  return (
    <div className={r.online ? 'flex flex-col gap-0.5' : 'flex flex-col gap-0.5 opacity-75'}>
      <div className="relative z-10 flex justify-between gap-2">
        <span className="bg-panel pr-1 font-semibold">
          {translate('log.replica', { broker: r.broker, role: roleOf(log, r) })}
        </span>
        <span className="bg-panel pl-1 font-mono">
          LEO {formatOffset(r.logEndOffset)}
          {leo === 'beyond' ? ' ▸' : leo === 'below' ? ` ${translate('log.below')}` : ''}
        </span>
      </div>
      <div
        className="relative h-5 overflow-hidden rounded-sm border border-border bg-bg"
        data-testid={`strip-${r.broker}`}
      >
        {cellsOf(log, r.batches).map((cell) => {
          const place = span(log, cell.from, cell.to)
          const range = `${formatOffset(cell.from)}–${formatOffset(cell.to - 1)}`
          return (
            <div
              key={cell.from}
              className="absolute inset-y-0 border-r border-panel"
              style={{ ...place, background: epochFill(cell.epoch) }}
              title={translate('log.cell', { broker: r.broker, range, epoch: cell.epoch })}
            />
          )
        })}
        {epochRuns(log, r).map((run) => (
          <span
            key={run.from}
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 z-[1] flex items-center justify-center font-mono text-[10px] font-semibold text-fg"
            style={span(log, run.from, run.to)}
          >
            {percentOf(log, run.to) - percentOf(log, run.from) >= 22
              ? translate('log.epoch', { epoch: run.epoch })
              : percentOf(log, run.to) - percentOf(log, run.from) >= 5
                ? run.epoch
                : ''}
          </span>
        ))}
        {r.logEndOffset > log.highWatermark && (
          <div
            className="absolute inset-y-0"
            style={{ ...span(log, log.highWatermark, r.logEndOffset), background: HATCH }}
            title={translate('log.uncommittedCell', {
              broker: r.broker,
              from: formatOffset(log.highWatermark),
              to: formatOffset(r.logEndOffset - 1),
            })}
          />
        )}
        <div
          aria-hidden="true"
          className="absolute inset-y-0 w-0.5 -translate-x-1/2 bg-fg"
          style={{ left: `${percentOf(log, r.logEndOffset)}%` }}
        />
      </div>
      {ghosts.map((t) => (
        <div
          key={t.atMs}
          className="relative h-2"
          title={translate('log.ghost', { broker: r.broker, truncation: truncationText(t) })}
        >
          <div
            className="absolute inset-y-0 rounded-sm border border-dashed border-danger"
            style={{ ...span(log, t.toOffset, t.fromOffset), background: GHOST }}
          />
        </div>
      ))}
      {r.truncated.map((t) => (
        <p key={t.atMs} className="text-danger">
          ✂ {truncationText(t)}
          {t.fromOffset <= log.window.from ? translate('log.beforeWindow') : ''}
        </p>
      ))}
    </div>
  )
}

function Consumers({ log }: { log: PartitionLogView }) {
  if (log.consumers.length === 0) return null
  return (
    <div className="flex flex-col gap-0.5">
      <div className="relative h-3" aria-hidden="true">
        {log.consumers.map((c) => (
          <span
            key={c.id}
            className="absolute -translate-x-1/2 leading-3 text-ok"
            style={{ left: `${percentOf(log, c.position)}%` }}
          >
            ▲
          </span>
        ))}
      </div>
      {log.consumers.map((c) => (
        <p key={c.id}>
          <span className="text-ok">▲</span>{' '}
          {translate('log.consumer', { id: c.id, position: formatOffset(c.position) })}
          {placeOf(log, c.position) === 'below' ? translate('log.belowWindow') : ''}
        </p>
      ))}
    </div>
  )
}

function LostAcked({ log }: { log: PartitionLogView }) {
  if (log.lostAckedRecords === 0) return null
  return (
    <div className="flex flex-col gap-0.5">
      <div className="relative h-1.5" aria-hidden="true">
        {log.lostAcked.map((range) => (
          <div
            key={range.baseOffset}
            className="absolute inset-y-0 rounded-sm bg-danger"
            style={span(log, range.baseOffset, range.baseOffset + range.count)}
          />
        ))}
      </div>
      <p className="font-semibold text-danger">
        ✗{' '}
        {translate('log.lostAcked', {
          count: log.lostAckedRecords,
          n: formatOffset(log.lostAckedRecords),
        })}
      </p>
    </div>
  )
}

export function LogStrips({ log }: LogStripsProps) {
  // Subscribes the picture to the language; its rows and captions read `translate` below.
  useT()
  const headingId = useId()
  const hw = percentOf(log, log.highWatermark)
  const name = `${log.topic}-${log.partition}`
  return (
    <figure aria-labelledby={headingId} className="m-0 flex flex-col gap-1 text-xs">
      <figcaption id={headingId} className="flex flex-wrap justify-between gap-x-2">
        <span className="text-sm font-semibold">{translate('log.title', { partition: name })}</span>
        <span className="text-muted">
          {translate('log.offsets', {
            from: formatOffset(log.window.from),
            to: formatOffset(Math.max(0, log.window.to - 1)),
          })}
        </span>
      </figcaption>
      <div
        role="img"
        aria-label={summaryOf(log)}
        tabIndex={0}
        className="relative flex flex-col gap-1.5 rounded pt-5"
      >
        <div
          aria-hidden="true"
          className="absolute top-4 bottom-0 w-0.5 -translate-x-1/2 bg-leader motion-safe:transition-[left] motion-safe:duration-200"
          style={{ left: `${hw}%` }}
        />
        <span
          className={`absolute top-0 font-mono font-semibold whitespace-nowrap text-leader motion-safe:transition-[left] motion-safe:duration-200 ${hw > 70 ? '-translate-x-full' : hw < 30 ? '' : '-translate-x-1/2'}`}
          style={{ left: `${hw}%` }}
        >
          HW {formatOffset(log.highWatermark)}
        </span>
        {log.replicas.map((r) => (
          <ReplicaRow key={r.broker} log={log} r={r} />
        ))}
        <LostAcked log={log} />
        <Consumers log={log} />
      </div>
      <ul
        aria-label={translate('log.legend')}
        className="flex flex-wrap gap-x-3 gap-y-0.5 text-muted"
      >
        {epochsOf(log).map((e) => (
          <li key={e.epoch} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-2.5 w-3 rounded-sm border border-border"
              style={{ background: epochFill(e.epoch) }}
            />
            {translate('log.epoch', { epoch: e.epoch })}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className="inline-block h-2.5 w-3 rounded-sm border border-border"
            style={{ background: HATCH }}
          />
          {translate('log.notCommitted')}
        </li>
        {log.replicas.some((r) => r.truncated.length > 0) && (
          <li className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-2.5 w-3 rounded-sm border border-dashed border-danger"
              style={{ background: GHOST }}
            />
            {translate('log.truncatedLegend')}
          </li>
        )}
      </ul>
    </figure>
  )
}
