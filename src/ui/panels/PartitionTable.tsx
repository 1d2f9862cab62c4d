/**
 * The partition list in `kafka-topics --describe` columns, with a health filter, 200-row pages and
 * a button that copies the same rows as describe text. Paging keeps 10,000 partitions cheap: only
 * one page of rows is ever in the DOM, and filtering is a single memoised pass.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { PartitionView } from '../../engine/types'
import { formatDescribe } from './describe-format'
import { useT } from '../i18n/react'
import {
  filterLabel,
  PARTITION_FILTERS,
  type PartitionFilter,
  countByFilter,
  matchesFilter,
} from './partition-status'
import { PartitionRow } from './PartitionRow'
import { ColumnHeads } from './ColumnHeads'
import { inSentence } from '../i18n/format'

export const PAGE_SIZE = 200

/** `kafka-topics --describe` columns, then ours; ColumnHeads defines the Kafka words. */
const HEADERS = ['Topic', 'Partition', 'Leader', 'Replicas', 'Isr', 'Elr', 'LastKnownElr', 'Status']

/**
 * Column widths for `table-layout: fixed`, so no column moves when a row's badges change (ok →
 * under-replicated → leader unreachable). `ch` is the table's monospace digit. Topic takes what
 * is left; Status fits "leader unreachable — not fenced yet" or "under min ISR" plus
 * "under-replicated" on one line, and rarer combinations wrap inside the cell; replica lists wrap
 * at their commas. The table's minimum width is their sum, so a narrow panel scrolls sideways
 * inside its frame instead of squeezing a column.
 */
const COLUMN_WIDTHS = [undefined, '11ch', '8ch', '13ch', '13ch', '10ch', '15ch', '19rem'] as const

export interface PartitionTableProps {
  partitions: PartitionView[]
  onSelectPartition?: (topic: string, partition: number) => void
  selected?: { topic: string; partition: number }
  /** Brokers clients cannot reach that are not fenced yet (viz/staleness.ts unreachableUnfenced). */
  unreachableLeaders?: ReadonlySet<number>
}

type CopyState = 'idle' | 'copied' | 'manual'

export function PartitionTable({
  partitions,
  onSelectPartition,
  selected,
  unreachableLeaders,
}: PartitionTableProps) {
  const t = useT()
  const [filter, setFilter] = useState<PartitionFilter>('all')
  const [page, setPage] = useState(0)
  const [copyState, setCopyState] = useState<CopyState>('idle')
  const copyTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (copyTimer.current !== null) clearTimeout(copyTimer.current)
    },
    [],
  )

  const counts = useMemo(() => countByFilter(partitions), [partitions])
  const rows = useMemo(
    () => (filter === 'all' ? partitions : partitions.filter((p) => matchesFilter(p, filter))),
    [partitions, filter],
  )
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE))
  const currentPage = Math.min(page, pageCount - 1)
  const first = currentPage * PAGE_SIZE
  const visible = rows.slice(first, first + PAGE_SIZE)
  // With a report filter, describe prints matching partition lines only (no topic headers).
  const describeText = () => formatDescribe(rows, { topicHeaders: filter === 'all' })

  const copy = async () => {
    const text = describeText()
    try {
      if (navigator.clipboard === undefined) throw new Error('no clipboard')
      await navigator.clipboard.writeText(text)
      setCopyState('copied')
      if (copyTimer.current !== null) clearTimeout(copyTimer.current)
      copyTimer.current = setTimeout(() => setCopyState('idle'), 2000)
    } catch {
      setCopyState('manual')
    }
  }

  const rangeText =
    rows.length === 0
      ? t('partitions.rangeEmpty')
      : t('partitions.range', {
          from: first + 1,
          to: first + visible.length,
          total: rows.length,
        })
  // Kafka's columns as kafka-topics prints them; Status is ours.
  const labels = HEADERS.map((h) => (h === 'Status' ? t('partitions.status') : h))

  return (
    <section aria-label={t('partitions.label')} className="flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2">
          <span>{t('partitions.filter')}</span>
          <select
            className="rounded border border-border bg-panel px-2 py-1"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as PartitionFilter)
              setPage(0)
            }}
          >
            {PARTITION_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t('partitions.filterOption', { filter: filterLabel(f), count: counts[f] })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="rounded border border-border bg-panel px-2 py-1 hover:bg-bg"
          onClick={() => void copy()}
        >
          {t('partitions.copy')}
        </button>
        <span role="status" className="text-ok">
          {copyState === 'copied' ? t('partitions.copied') : ''}
        </span>
      </div>
      {copyState === 'manual' && (
        <label className="flex flex-col gap-1">
          <span className="text-muted">{t('partitions.copyManual')}</span>
          <textarea
            readOnly
            className="h-32 rounded border border-border bg-panel p-1 font-mono text-xs"
            value={describeText()}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}
      <div className="overflow-auto rounded border border-border">
        <table className="w-full min-w-[calc(84ch+19rem)] table-fixed border-collapse font-mono text-xs">
          <caption className="sr-only">
            {t('partitions.caption', { filter: inSentence(filterLabel(filter)), range: rangeText })}
          </caption>
          <colgroup>
            {COLUMN_WIDTHS.map((width, i) => (
              <col key={HEADERS[i]} style={width === undefined ? undefined : { width }} />
            ))}
          </colgroup>
          <ColumnHeads headers={HEADERS} labels={labels} />
          <tbody>
            {visible.map((p) => (
              <PartitionRow
                key={`${p.topic}\u0000${p.partition}`}
                partition={p}
                selected={selected?.topic === p.topic && selected.partition === p.partition}
                onSelect={onSelectPartition}
                leaderUnreachable={unreachableLeaders?.has(p.leader) === true}
              />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-2 text-muted">{t('partitions.noMatch')}</p>}
      </div>
      <nav aria-label={t('partitions.pages')} className="flex items-center gap-2">
        <button
          type="button"
          className="rounded border border-border px-2 py-1 disabled:opacity-50"
          disabled={currentPage === 0}
          onClick={() => setPage(currentPage - 1)}
        >
          {t('partitions.previous')}
        </button>
        <span aria-live="polite">{rangeText}</span>
        <button
          type="button"
          className="rounded border border-border px-2 py-1 disabled:opacity-50"
          disabled={currentPage >= pageCount - 1}
          onClick={() => setPage(currentPage + 1)}
        >
          {t('common.next')}
        </button>
      </nav>
    </section>
  )
}
