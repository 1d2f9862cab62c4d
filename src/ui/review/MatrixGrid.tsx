/**
 * The survivability matrix's rows as a virtualised ARIA grid: only the rows in view (and a few
 * either side) are in the DOM, positioned in a body as tall as all of them, so 4,278 rows scroll
 * like 20. Screen readers get the total from aria-rowcount and each row's place from
 * aria-rowindex. One row is active (in the Tab order, and always rendered so focus never falls
 * out of the DOM): ↑ ↓ Page Up, Page Down, Home and End move it, ← → move between it and its
 * buttons, and Enter or Space opens its drill-down.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { FailureOutcome } from '../../analysis/index'
import { type DrillOutcome, type MatrixColumn, type MatrixSort } from './matrix'
import { MatrixRow, ROW_HEIGHT_CLASS, type ValueColumn } from './MatrixRow'
import { useVirtualRows } from './use-virtual-rows'
import { navigationTarget } from './virtual-window'

export interface MatrixGridProps {
  rows: readonly FailureOutcome[]
  columns: readonly { column: MatrixColumn; label: string }[]
  sort: MatrixSort | null
  onSort: (column: MatrixColumn) => void
  onOpen: (failure: FailureOutcome, outcome: DrillOutcome | null) => void
  onRun: (failure: FailureOutcome) => void
  /** Changes when the filters or the sort change: the list scrolls back to its first row. */
  resetKey: string
}

export function MatrixGrid({
  rows,
  columns,
  sort,
  onSort,
  onOpen,
  onRun,
  resetKey,
}: MatrixGridProps) {
  const values = columns.filter((c): c is ValueColumn => c.column !== 'name')
  const gridTemplateColumns = `minmax(10rem, 1.5fr) repeat(${values.length}, minmax(6.5rem, 1fr)) 5.5rem`
  const minWidth = `${10 + values.length * 6.5 + 5.5}rem`
  const { scrollerRef, headerRef, probeRef, range, metrics, pageRows, onScroll, reveal } =
    useVirtualRows(rows.length, resetKey)
  const [activeName, setActiveName] = useState<string | null>(null)
  const found = activeName === null ? -1 : rows.findIndex((f) => f.name === activeName)
  const activeIndex = found === -1 ? 0 : found
  const bodyRef = useRef<HTMLDivElement | null>(null)
  const focusPending = useRef<number | null>(null)

  useEffect(() => {
    const index = focusPending.current
    if (index === null) return
    focusPending.current = null
    bodyRef.current
      ?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)
      ?.focus({ preventScroll: true })
  })

  const open = useCallback(
    (failure: FailureOutcome, outcome: DrillOutcome | null) => {
      setActiveName(failure.name)
      onOpen(failure, outcome)
    },
    [onOpen],
  )

  function moveTo(index: number) {
    const failure = rows[index]
    if (failure === undefined) return
    setActiveName(failure.name)
    reveal(index)
    focusPending.current = index
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!(event.target instanceof HTMLElement)) return
    const target = event.target
    const row = target.closest<HTMLElement>('[data-row-index]')
    if (row === null) return
    const index = Number(row.dataset.rowIndex)
    const next = navigationTarget(event.key, index, rows.length, pageRows)
    if (next !== null) {
      event.preventDefault()
      moveTo(next)
      return
    }
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      // Handled here (not by the global → shortcut, which steps the simulation).
      event.preventDefault()
      const stops = [row, ...row.querySelectorAll<HTMLElement>('button')]
      const to = stops[stops.indexOf(target) + (event.key === 'ArrowRight' ? 1 : -1)]
      to?.focus()
      return
    }
    if ((event.key === 'Enter' || event.key === ' ') && target === row) {
      event.preventDefault()
      const failure = rows[index]
      if (failure !== undefined) open(failure, null)
    }
  }

  const { start, end } = range
  const indices: number[] = []
  if (activeIndex < start && activeIndex < rows.length) indices.push(activeIndex)
  for (let i = start; i < end; i++) indices.push(i)
  if (activeIndex >= end && activeIndex < rows.length) indices.push(activeIndex)
  const rowHeight = metrics.rowHeight

  return (
    <div
      ref={scrollerRef}
      onScroll={onScroll}
      className="relative h-72 overflow-auto rounded border border-border"
    >
      <div
        role="grid"
        aria-label="Failures"
        aria-rowcount={rows.length + 1}
        aria-colcount={values.length + 2}
        className="relative"
        style={{ minWidth }}
      >
        <div role="rowgroup" ref={headerRef} className="sticky top-0 z-10 bg-panel">
          <div
            role="row"
            aria-rowindex={1}
            className="grid min-h-12 items-end border-b border-border"
            style={{ gridTemplateColumns }}
          >
            {columns.map(({ column, label }) => (
              <div
                key={column}
                role="columnheader"
                aria-sort={sort?.column === column ? sort.direction : 'none'}
                className={
                  column === 'name' ? 'sticky left-0 z-[1] bg-panel text-left' : 'text-right'
                }
              >
                <button
                  type="button"
                  className="px-2 py-1 leading-tight font-semibold hover:underline"
                  onClick={() => onSort(column)}
                >
                  {label}
                  <span aria-hidden="true" className="ml-1 text-muted">
                    {sort?.column !== column ? '↕' : sort.direction === 'ascending' ? '↑' : '↓'}
                  </span>
                </button>
              </div>
            ))}
            <div role="columnheader" className="px-2 py-1 text-right font-semibold">
              <span className="sr-only">Inject</span>
            </div>
          </div>
        </div>
        <div
          role="rowgroup"
          ref={bodyRef}
          className="relative"
          style={{ height: rows.length * rowHeight }}
          onKeyDown={onKeyDown}
        >
          {indices.map((index) => {
            const failure = rows[index]!
            return (
              <MatrixRow
                key={failure.name}
                failure={failure}
                index={index}
                columns={values}
                gridTemplateColumns={gridTemplateColumns}
                top={index * rowHeight}
                active={index === activeIndex}
                onOpen={open}
                onRun={onRun}
              />
            )
          })}
        </div>
      </div>
      <div
        ref={probeRef}
        aria-hidden="true"
        className={`${ROW_HEIGHT_CLASS} pointer-events-none invisible absolute top-0 left-0 w-px`}
      />
    </div>
  )
}
