/**
 * Pure helpers of the survivability matrix view: the columns, filtering by failure kind and by how
 * bad a row is, stable sorting by a column, each cell's status (as text and symbol as well as
 * colour), which cells open a drill-down, and the faults that reproduce a row's failure in the
 * simulation.
 */
import type { FailureKind, FailureOutcome } from '../../analysis/index'

export type MatrixColumn =
  | 'name'
  | 'offline'
  | 'unwritable'
  | 'singleCopy'
  | 'unclean'
  | 'controlPlane'
  | 'peak'
  | 'overloaded'
export type SortDirection = 'ascending' | 'descending'
export interface MatrixSort {
  column: MatrixColumn
  direction: SortDirection
}
export type KindFilter = FailureKind | 'all'

export const COLUMNS: readonly { column: MatrixColumn; label: string }[] = [
  { column: 'name', label: 'Failure' },
  { column: 'offline', label: 'Offline' },
  { column: 'unwritable', label: 'Unwritable (acks=all)' },
  { column: 'singleCopy', label: 'Single copy' },
  { column: 'unclean', label: 'Unclean election needed' },
  { column: 'controlPlane', label: 'Control plane' },
]

/** With a broker type (docs/capacity.md): the busiest survivor and how many are overloaded. */
export const CAPACITY_COLUMNS: readonly { column: MatrixColumn; label: string }[] = [
  { column: 'peak', label: 'Busiest survivor' },
  { column: 'overloaded', label: 'Overloaded brokers' },
]

/** The matrix's columns: the capacity pair only when the report has capacity figures. */
export function matrixColumns(
  failures: readonly FailureOutcome[],
): readonly { column: MatrixColumn; label: string }[] {
  const capacity = failures.some((f) => f.peakBrokerUtilisation !== null)
  return capacity ? [...COLUMNS, ...CAPACITY_COLUMNS] : COLUMNS
}

export const KIND_FILTERS: readonly { value: KindFilter; label: string }[] = [
  { value: 'all', label: 'All failures' },
  { value: 'broker', label: 'Single brokers' },
  { value: 'zone', label: 'Single zones' },
  { value: 'brokers', label: 'Broker pairs' },
  { value: 'zone+broker', label: 'Zone plus a broker' },
]

/** A column's numeric value; the control plane sorts lost (1) above kept (0). */
export function columnValue(
  failure: FailureOutcome,
  column: Exclude<MatrixColumn, 'name'>,
): number {
  switch (column) {
    case 'offline':
      return failure.offlinePartitions
    case 'unwritable':
      return failure.unwritablePartitions
    case 'singleCopy':
      return failure.singleCopyPartitions
    case 'unclean':
      return failure.uncleanElectionRequired
    case 'controlPlane':
      return failure.controlPlaneLost ? 1 : 0
    case 'peak':
      return failure.peakBrokerUtilisation ?? 0
    case 'overloaded':
      return failure.overloadedBrokers ?? 0
  }
}

export function filterFailures(
  failures: readonly FailureOutcome[],
  kind: KindFilter,
): FailureOutcome[] {
  return kind === 'all' ? [...failures] : failures.filter((f) => f.kind === kind)
}

/**
 * Sorted copy; ties keep the report's order (brokers, zones, pairs, zone plus broker). Sorting
 * by name ascending is the report's own order.
 */
export function sortFailures(
  failures: readonly FailureOutcome[],
  sort: MatrixSort | null,
): FailureOutcome[] {
  const indexed = failures.map((failure, index) => ({ failure, index }))
  if (sort === null) return indexed.map((x) => x.failure)
  const sign = sort.direction === 'ascending' ? 1 : -1
  const column = sort.column
  indexed.sort((a, b) => {
    const primary =
      column === 'name'
        ? a.index - b.index
        : columnValue(a.failure, column) - columnValue(b.failure, column)
    return sign * primary || a.index - b.index
  })
  return indexed.map((x) => x.failure)
}

/** The direction a first click on a column sorts: worst first for counts, report order for names. */
export function firstDirection(column: MatrixColumn): SortDirection {
  return column === 'name' ? 'ascending' : 'descending'
}

export function nextSort(current: MatrixSort | null, column: MatrixColumn): MatrixSort {
  if (current?.column !== column) return { column, direction: firstDirection(column) }
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
}

export type CellStatus = 'ok' | 'warn' | 'bad'

/** Above this busiest-survivor utilisation the row is a risk: little headroom left. */
export const PEAK_WARN = 0.8

/**
 * Offline, unwritable, unclean-needed and a lost control plane are outages; a single copy is a
 * risk. The busiest survivor is a risk above 80% and an outage (overload) above 100%.
 */
export function cellStatus(
  failure: FailureOutcome,
  column: Exclude<MatrixColumn, 'name'>,
): CellStatus {
  if (column === 'peak') {
    const peak = columnValue(failure, column)
    return peak > 1 ? 'bad' : peak > PEAK_WARN ? 'warn' : 'ok'
  }
  if (columnValue(failure, column) === 0) return 'ok'
  return column === 'singleCopy' ? 'warn' : 'bad'
}

/** The cell's text: a symbol and the count (or kept/lost), so it reads without colour. */
export function cellText(failure: FailureOutcome, column: Exclude<MatrixColumn, 'name'>): string {
  const status = cellStatus(failure, column)
  const symbol = status === 'ok' ? '✓' : status === 'warn' ? '▲' : '✖'
  if (column === 'controlPlane') return `${symbol} ${failure.controlPlaneLost ? 'lost' : 'kept'}`
  if (column === 'peak') return `${symbol} ${Math.round(columnValue(failure, column) * 100)}%`
  return `${symbol} ${columnValue(failure, column)}`
}

/** The faults that reproduce a row in the simulation (analysis/verdict.ts faultsForFailure). */
export { faultsForFailure as failureFaults } from '../../analysis/index'

/** A row's worst cell: failing (some ✖: an outage or an overload), at risk (some ▲) or neither. */
export type RowSeverity = 'failing' | 'risk' | 'ok'

const VALUE_COLUMNS: readonly Exclude<MatrixColumn, 'name'>[] = [
  'offline',
  'unwritable',
  'singleCopy',
  'unclean',
  'controlPlane',
  'peak',
  'overloaded',
]

export function rowSeverity(failure: FailureOutcome): RowSeverity {
  let severity: RowSeverity = 'ok'
  for (const column of VALUE_COLUMNS) {
    const status = cellStatus(failure, column)
    if (status === 'bad') return 'failing'
    if (status === 'warn') severity = 'risk'
  }
  return severity
}

/** Which rows the matrix lists: failing ones, failing or at risk, or all. */
export type SeverityFilter = 'failing' | 'risk' | 'all'

export const SEVERITY_FILTERS: readonly { value: SeverityFilter; label: string }[] = [
  { value: 'risk', label: 'Failing or at risk' },
  { value: 'failing', label: 'Failing' },
  { value: 'all', label: 'All' },
]

export function filterBySeverity(
  failures: readonly FailureOutcome[],
  filter: SeverityFilter,
): FailureOutcome[] {
  if (filter === 'all') return [...failures]
  return failures.filter((f) => {
    const severity = rowSeverity(f)
    return severity === 'failing' || (filter === 'risk' && severity === 'risk')
  })
}

/**
 * What an SRE opens the matrix for is the rows that need attention, so the matrix starts with
 * every row that has a ✖ or a ▲ and leaves out the rows where nothing happens. When no row
 * needs attention, it starts with all of them, so the all-clear is visible row by row.
 */
export function defaultSeverityFilter(failures: readonly FailureOutcome[]): SeverityFilter {
  return failures.some((f) => rowSeverity(f) !== 'ok') ? 'risk' : 'all'
}

export interface SeverityCounts {
  failing: number
  risk: number
  ok: number
}

export function severityCounts(failures: readonly FailureOutcome[]): SeverityCounts {
  const counts: SeverityCounts = { failing: 0, risk: 0, ok: 0 }
  for (const failure of failures) counts[rowSeverity(failure)]++
  return counts
}

/** The cells that open a drill-down: the partition counts and the control plane. */
export type DrillOutcome = 'offline' | 'unwritable' | 'unclean' | 'singleCopy' | 'controlPlane'

/** Worst first: the order of a drill-down's outcome choices and of a row's default one. */
export const DRILL_OUTCOMES: readonly DrillOutcome[] = [
  'offline',
  'unwritable',
  'unclean',
  'controlPlane',
  'singleCopy',
]

export function isDrillOutcome(column: MatrixColumn): column is DrillOutcome {
  return (DRILL_OUTCOMES as readonly string[]).includes(column)
}

/** A drill-down's outcome has something behind it: a partition count above 0, or a lost quorum. */
export function hasOutcome(failure: FailureOutcome, outcome: DrillOutcome): boolean {
  return columnValue(failure, outcome) > 0
}

/** The outcome a row's drill-down opens on: its worst one, or null when nothing happens. */
export function firstOutcome(failure: FailureOutcome): DrillOutcome | null {
  return DRILL_OUTCOMES.find((outcome) => hasOutcome(failure, outcome)) ?? null
}

/** Counts as an English reader expects them: 4,278. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}
