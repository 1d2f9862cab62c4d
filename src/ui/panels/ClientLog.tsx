/**
 * Producer and consumer logs, one line per ClientLogLine in a log4j-like layout
 * ("00:12.345 WARN  [producer-1] message"). WARN and ERROR carry their level as text and a marker
 * as well as colour. Filters by client and by level; renders the newest 500 matching lines.
 */
import { useId, useMemo, useState } from 'react'
import type { ClientLogLine } from '../../engine/types'
import { formatSimTime } from '../../scenario/sim-time'
import { useFollowBottom } from './use-follow-bottom'
import { useT } from '../i18n/react'

export const CLIENT_LOG_LINES = 500

export interface ClientLogProps {
  lines: ClientLogLine[]
}

const LEVEL_CLASS: Record<ClientLogLine['level'], string> = {
  INFO: 'text-fg',
  WARN: 'text-out-of-sync',
  ERROR: 'text-danger font-semibold',
}

const LEVEL_MARK: Record<ClientLogLine['level'], string> = { INFO: ' ', WARN: '!', ERROR: '✖' }

export function ClientLog({ lines }: ClientLogProps) {
  const t = useT()
  const [client, setClient] = useState('')
  const [problemsOnly, setProblemsOnly] = useState(false)
  const selectId = useId()

  const clients = useMemo(() => [...new Set(lines.map((l) => l.client))].sort(), [lines])
  const { visible, matching } = useMemo(() => {
    const picked: ClientLogLine[] = []
    let count = 0
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i]!
      if (client !== '' && line.client !== client) continue
      if (problemsOnly && line.level === 'INFO') continue
      count++
      if (picked.length < CLIENT_LOG_LINES) picked.push(line)
    }
    return { visible: picked.reverse(), matching: count }
  }, [lines, client, problemsOnly])

  const { ref, following, onScroll, jumpToLatest } = useFollowBottom(visible)

  return (
    <section aria-label={t('clientLog.label')} className="flex min-h-0 flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={selectId}>{t('clientLog.client')}</label>
        <select
          id={selectId}
          className="rounded border border-border bg-panel px-2 py-1"
          value={client}
          onChange={(e) => setClient(e.target.value)}
        >
          <option value="">{t('clientLog.all')}</option>
          {clients.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={problemsOnly}
            onChange={(e) => setProblemsOnly(e.target.checked)}
          />
          {t('clientLog.problems')}
        </label>
        <span className="text-muted">
          {visible.length < matching
            ? t('clientLog.showingLast', { shown: visible.length, count: matching })
            : t('clientLog.count', { count: matching })}
        </span>
      </div>
      <div
        ref={ref}
        tabIndex={0}
        aria-label={t('clientLog.lines')}
        onScroll={onScroll}
        className="min-h-0 flex-1 overflow-auto rounded border border-border bg-panel p-1 font-mono text-xs"
      >
        <ol>
          {visible.map((line, i) => (
            <li key={i} className={`whitespace-pre-wrap ${LEVEL_CLASS[line.level]}`}>
              <span aria-hidden="true">{LEVEL_MARK[line.level]} </span>
              <span className="text-muted">{formatSimTime(line.atMs)}</span>{' '}
              <span>{line.level.padEnd(5, ' ')}</span> [{line.client}] {line.message}
              {/* Kafka's log4j pattern ends each line with the class that printed it. */}
              {line.logger === 'application' ? (
                <span className="text-muted">{t('clientLog.callback')}</span>
              ) : (
                <span className="text-muted"> ({line.logger})</span>
              )}
            </li>
          ))}
        </ol>
        {matching === 0 && <p className="p-1 text-muted">{t('clientLog.none')}</p>}
      </div>
      {!following && (
        <button
          type="button"
          className="self-start rounded border border-border px-2"
          onClick={jumpToLatest}
        >
          {t('events.jumpToLatest')}
        </button>
      )}
    </section>
  )
}
