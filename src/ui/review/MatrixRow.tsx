/** One failure of the survivability matrix: a focusable, clickable row of status cells. */
import type { KeyboardEvent } from 'react'
import type { FailureOutcome } from '../../analysis/index'
import { type CellStatus, cellStatus, cellText, COLUMNS, type MatrixColumn } from './matrix'

export interface MatrixRowProps {
  failure: FailureOutcome
  /** The table's columns (the capacity pair included when the report has it). */
  columns?: readonly { column: MatrixColumn; label: string }[]
  onRun: () => void
  onKeyDown: (event: KeyboardEvent) => void
}

const STATUS_CLASS: Record<CellStatus, string> = {
  ok: 'text-ok',
  warn: 'bg-out-of-sync/10 text-out-of-sync font-semibold',
  bad: 'bg-danger/15 text-danger font-semibold',
}

const STATUS_WORD: Record<CellStatus, string> = { ok: 'none', warn: 'risk', bad: 'outage' }

export function MatrixRow({ failure, columns: all = COLUMNS, onRun, onKeyDown }: MatrixRowProps) {
  const columns = all.filter(
    (c): c is { column: Exclude<MatrixColumn, 'name'>; label: string } => c.column !== 'name',
  )
  const summary = columns.map(({ column, label }) => `${label} ${cellText(failure, column)}`)
  return (
    <tr
      tabIndex={0}
      aria-label={`Inject failure: ${failure.name} (${summary.join(', ')})`}
      className="cursor-pointer border-b border-border hover:bg-bg focus-visible:bg-bg"
      onClick={onRun}
      onKeyDown={onKeyDown}
    >
      <th scope="row" className="px-2 py-1 text-left font-normal">
        {failure.name}
        <span aria-hidden="true" className="ml-2 text-xs text-muted">
          {' '}
          inject ▶
        </span>
      </th>
      {columns.map(({ column, label }) => {
        const status = cellStatus(failure, column)
        return (
          <td
            key={column}
            className={`px-2 py-1 text-right tabular-nums ${STATUS_CLASS[status]}`}
            title={`${label}: ${STATUS_WORD[status]}`}
          >
            {cellText(failure, column)}
          </td>
        )
      })}
    </tr>
  )
}
