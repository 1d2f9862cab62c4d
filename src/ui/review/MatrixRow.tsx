/**
 * One failure of the survivability matrix: a focusable grid row of status cells. A count above 0
 * (and a lost control plane) is a button that opens the drill-down on that outcome; clicking
 * elsewhere on the row, or Enter on it, opens the row's worst outcome; "Inject" runs the failure.
 * Only the active row's buttons are in the Tab order, so Tab leaves the grid after one row.
 */
import { memo } from 'react'
import type { FailureOutcome } from '../../analysis/index'
import {
  type CellStatus,
  cellStatus,
  cellText,
  type DrillOutcome,
  hasOutcome,
  firstOutcome,
  isDrillOutcome,
  type MatrixColumn,
} from './matrix'

export type ValueColumn = { column: Exclude<MatrixColumn, 'name'>; label: string }

export interface MatrixRowProps {
  failure: FailureOutcome
  /** The row's place in the filtered, sorted list (0-based). */
  index: number
  columns: readonly ValueColumn[]
  gridTemplateColumns: string
  top: number
  active: boolean
  onOpen: (failure: FailureOutcome, outcome: DrillOutcome | null) => void
  onRun: (failure: FailureOutcome) => void
}

/** A row's height, which the window maths measure from a probe with the same classes. */
export const ROW_HEIGHT_CLASS = 'h-9 max-sm:h-11 pointer-coarse:h-11'

/**
 * The focused row's ring, drawn above its cells (whose status colours and sticky name would
 * cover an outline).
 */
const FOCUS_RING =
  'focus-visible:after:pointer-events-none focus-visible:after:absolute focus-visible:after:inset-0 focus-visible:after:z-[2] focus-visible:after:border-2 focus-visible:after:border-focus'

const STATUS_CLASS: Record<CellStatus, string> = {
  ok: 'text-ok',
  warn: 'bg-out-of-sync/10 text-out-of-sync font-semibold',
  bad: 'bg-danger/15 text-danger font-semibold',
}

const STATUS_WORD: Record<CellStatus, string> = { ok: 'none', warn: 'risk', bad: 'outage' }

/**
 * What a cell's button opens: a partition count or the control plane opens its own outcome; the
 * capacity cells open the row's panel, whose survivors' loads are behind them. Null: plain text.
 */
function cellOpens(
  failure: FailureOutcome,
  column: Exclude<MatrixColumn, 'name'>,
): { outcome: DrillOutcome | null; what: string } | null {
  if (column === 'peak' || column === 'overloaded')
    return { outcome: firstOutcome(failure), what: "survivors' load" }
  if (!isDrillOutcome(column) || !hasOutcome(failure, column)) return null
  return { outcome: column, what: column === 'controlPlane' ? 'controller nodes' : 'partitions' }
}

/** The row's name for screen readers: the failure and every cell, in words and symbols. */
export function rowLabel(failure: FailureOutcome, columns: readonly ValueColumn[]): string {
  const cells = columns.map(({ column, label }) => `${label} ${cellText(failure, column)}`)
  return `${failure.name}: ${cells.join(', ')}`
}

export const MatrixRow = memo(function MatrixRow({
  failure,
  index,
  columns,
  gridTemplateColumns,
  top,
  active,
  onOpen,
  onRun,
}: MatrixRowProps) {
  const tabIndex = active ? 0 : -1
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-label={rowLabel(failure, columns)}
      tabIndex={tabIndex}
      data-row-index={index}
      className={`${ROW_HEIGHT_CLASS} group absolute right-0 left-0 grid cursor-pointer items-center border-b border-border bg-panel hover:bg-bg focus-visible:bg-bg ${FOCUS_RING}`}
      // The page's :focus-visible outline (unlayered CSS, so no utility class overrides it) would be
      // drawn under the cells; the ring replaces it.
      style={{ top, gridTemplateColumns, outline: 'none' }}
      onClick={() => onOpen(failure, null)}
    >
      {/* Sticky, so the failure stays in sight when a narrow screen scrolls the cells sideways. */}
      <div
        role="rowheader"
        className="sticky left-0 z-[1] flex h-full items-center truncate bg-panel px-2 group-hover:bg-bg group-focus-visible:bg-bg"
        title={failure.name}
      >
        {failure.name}
      </div>
      {columns.map(({ column, label }) => {
        const status = cellStatus(failure, column)
        const text = cellText(failure, column)
        const opens = cellOpens(failure, column)
        return (
          <div
            key={column}
            role="gridcell"
            className={`flex h-full items-center justify-end px-2 tabular-nums ${STATUS_CLASS[status]}`}
            title={`${label}: ${STATUS_WORD[status]}`}
          >
            {opens === null ? (
              text
            ) : (
              <button
                type="button"
                tabIndex={tabIndex}
                aria-label={`${label} ${text}: show the ${opens.what}`}
                className="rounded px-1 underline decoration-dotted underline-offset-2 hover:bg-panel"
                onClick={(event) => {
                  event.stopPropagation()
                  onOpen(failure, opens.outcome)
                }}
              >
                {text}
              </button>
            )}
          </div>
        )
      })}
      <div role="gridcell" className="flex justify-end px-2">
        <button
          type="button"
          tabIndex={tabIndex}
          aria-label={`Inject ${failure.name}`}
          className="rounded border border-border px-2 py-0.5 text-xs hover:bg-panel"
          onClick={(event) => {
            event.stopPropagation()
            onRun(failure)
          }}
        >
          Inject ▶
        </button>
      </div>
    </div>
  )
})
