/**
 * The survivability matrix: what each single broker, single zone, broker pair and zone plus a
 * broker failure does to the partitions, computed statically (`survivabilityMatrix`). Cells carry
 * a symbol and a count as well as a colour; column headers sort (aria-sort); a kind filter and
 * pages keep thousands of rows cheap. Clicking a row, or Enter on it, hands that failure to
 * `onRunFailure` (`SurvivabilityTab` injects it into the running simulation).
 */
import { useMemo, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { type FailureOutcome, survivabilityMatrix } from '../../analysis/index'
import type { SimulationSpec } from '../../engine/spec'
import {
  COLUMNS,
  filterFailures,
  matrixColumns,
  KIND_FILTERS,
  type KindFilter,
  type MatrixSort,
  nextSort,
  sortFailures,
} from './matrix'
import { MatrixRow } from './MatrixRow'

export interface SurvivabilityMatrixProps {
  spec: SimulationSpec
  onRunFailure: (failure: FailureOutcome) => void
  pageSize?: number
}

export function SurvivabilityMatrix({
  spec,
  onRunFailure,
  pageSize = 50,
}: SurvivabilityMatrixProps) {
  const report = useMemo(() => survivabilityMatrix(spec), [spec])
  const [kind, setKind] = useState<KindFilter>('all')
  const [sort, setSort] = useState<MatrixSort | null>(null)
  const [page, setPage] = useState(0)
  const columns = useMemo(() => matrixColumns(report.failures), [report])
  const rows = useMemo(
    () => sortFailures(filterFailures(report.failures, kind), sort),
    [report, kind, sort],
  )
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize))
  const current = Math.min(page, pageCount - 1)
  const first = current * pageSize
  const visible = rows.slice(first, first + pageSize)

  function onRowKey(event: KeyboardEvent, failure: FailureOutcome) {
    if (event.key !== 'Enter') return
    event.preventDefault()
    onRunFailure(failure)
  }

  return (
    <section aria-label="Survivability matrix" className="flex flex-col gap-2 text-sm">
      <h2 className="font-semibold">Survivability matrix</h2>
      <p className="text-xs text-muted">
        <span className="font-semibold">Assumption: </span>
        {report.assumption}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2">
          <span>Show</span>
          <select
            className="rounded border border-border bg-panel px-2 py-1"
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as KindFilter)
              setPage(0)
            }}
          >
            {KIND_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <span className="text-muted">
          {rows.length === 0
            ? 'No failures of this kind.'
            : `Rows ${first + 1}–${first + visible.length} of ${rows.length}`}
        </span>
        {pageCount > 1 && (
          <span className="ml-auto flex gap-2">
            <button
              type="button"
              className="btn"
              disabled={current === 0}
              onClick={() => setPage(current - 1)}
            >
              Previous page
            </button>
            <button
              type="button"
              className="btn"
              disabled={current >= pageCount - 1}
              onClick={() => setPage(current + 1)}
            >
              Next page
            </button>
          </span>
        )}
      </div>
      <table className="w-full border-collapse">
        <caption className="text-left text-xs text-muted">
          ✓ none · ▲ durability risk · ✖ outage
          {columns.length > COLUMNS.length
            ? ' · busiest survivor: ▲ above 80%, ✖ above 100% of its limit (overloaded)'
            : ''}
          . Click a row, or focus it and press Enter, to inject that failure into the simulation.
        </caption>
        <thead>
          <tr className="border-b border-border">
            {columns.map(({ column, label }) => (
              <th
                key={column}
                scope="col"
                aria-sort={sort?.column === column ? sort.direction : 'none'}
                className={column === 'name' ? 'text-left' : 'text-right'}
              >
                <button
                  type="button"
                  className="px-2 py-1 font-semibold hover:underline"
                  onClick={() => {
                    setSort(nextSort(sort, column))
                    setPage(0)
                  }}
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
          {visible.map((failure) => (
            <MatrixRow
              key={`${failure.kind}:${failure.name}`}
              failure={failure}
              columns={columns}
              onRun={() => onRunFailure(failure)}
              onKeyDown={(event) => onRowKey(event, failure)}
            />
          ))}
        </tbody>
      </table>
    </section>
  )
}
