/**
 * The matrix by topic: one row per topic with its partitions and, per failure class (single
 * brokers, zones, broker pairs, a zone plus a broker), in how many of the class's cases some of
 * its partitions go unwritable or offline, and the worst case, a button that opens that failure's
 * drill-down. Failing topics come first; headers sort (aria-sort). One row per topic stays small
 * (topics number in the tens to hundreds where partitions number in the thousands), so this
 * table is not virtualised.
 */
import { useMemo, useState } from 'react'
import type { TopicRollup } from '../../analysis/index'
import { formatCount } from './matrix'
import {
  classCell,
  type ClassCell,
  FAILURE_CLASSES,
  nextRollupSort,
  ROLLUP_COLUMNS,
  type RollupSort,
  sortRollups,
} from './topic-rollup'

export interface TopicRollupTableProps {
  topics: readonly TopicRollup[]
  /** Opens the drill-down of the failure named (a class's worst case). */
  onOpenFailure: (name: string) => void
}

const CELL_CLASS: Record<ClassCell['status'], string> = {
  ok: 'text-ok',
  bad: 'bg-danger/15 text-danger',
  none: 'text-muted',
}

export function TopicRollupTable({ topics, onOpenFailure }: TopicRollupTableProps) {
  const [sort, setSort] = useState<RollupSort | null>(null)
  const rows = useMemo(() => sortRollups(topics, sort), [topics, sort])
  return (
    <div className="max-h-72 overflow-auto rounded border border-border">
      <table className="w-full min-w-[52rem] border-collapse">
        <caption className="sr-only">
          Per topic and failure class: cases that leave some partition unwritable or offline
        </caption>
        <thead className="sticky top-0 z-10 bg-panel">
          <tr className="border-b border-border">
            {ROLLUP_COLUMNS.map(({ column, label }) => (
              <th
                key={column}
                scope="col"
                aria-sort={sort?.column === column ? sort.direction : 'none'}
                className={column === 'topic' ? 'sticky left-0 bg-panel text-left' : 'text-right'}
              >
                <button
                  type="button"
                  className="px-2 py-1 font-semibold hover:underline"
                  onClick={() => setSort(nextRollupSort(sort, column))}
                >
                  {label}
                  <span aria-hidden="true" className="ml-1 text-muted">
                    {sort?.column !== column ? '↕' : sort.direction === 'ascending' ? '↑' : '↓'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((rollup) => (
            <tr key={rollup.topic} className="border-b border-border align-top">
              <th
                scope="row"
                className="sticky left-0 min-w-36 bg-panel px-2 py-1 text-left font-normal [overflow-wrap:anywhere]"
              >
                {rollup.topic}
              </th>
              <td className="px-2 py-1 text-right tabular-nums">
                {formatCount(rollup.partitions)}
              </td>
              {FAILURE_CLASSES.map(({ kind }) => {
                const cell = classCell(rollup.byKind[kind])
                return (
                  <td
                    key={kind}
                    className={`px-2 py-1 text-right text-xs ${CELL_CLASS[cell.status]}`}
                  >
                    <span className="block">{cell.text}</span>
                    {cell.worst !== null && (
                      <button
                        type="button"
                        aria-label={`Worst case for ${rollup.topic}: ${cell.worst.name}, ${cell.worst.text}: show the partitions`}
                        className="mt-0.5 rounded px-0.5 text-right underline decoration-dotted underline-offset-2 hover:bg-panel"
                        onClick={() => onOpenFailure(cell.worst!.name)}
                      >
                        worst: {cell.worst.name} ({cell.worst.text})
                      </button>
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
