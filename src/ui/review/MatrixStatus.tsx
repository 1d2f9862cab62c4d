/**
 * Above the matrix's grid: how many failures fail, are at risk or do nothing, how many rows the
 * filters show, what the symbols mean and how to use the rows; when the filters leave no row, a
 * way to show them all.
 */
import { formatCount, type SeverityCounts, type SeverityFilter } from './matrix'

export interface MatrixStatusProps {
  counts: SeverityCounts
  /** Rows the filters show, and rows of the chosen kind. */
  shown: number
  ofKind: number
  severity: SeverityFilter
  /** The report has the busiest-survivor columns. */
  capacity: boolean
  onShowAll: () => void
}

/** Why the list is empty, when the filters leave no row. */
function emptyText(ofKind: number, severity: SeverityFilter): string {
  if (ofKind === 0) return 'No failure of this kind.'
  const none = ofKind === 1 ? 'The only failure' : `None of the ${formatCount(ofKind)} failures`
  const verb = ofKind === 1 ? 'is not' : 'is'
  return severity === 'failing'
    ? `${none} of this kind ${verb} failing (✖).`
    : `${none} of this kind ${verb} failing or at risk: ✓ throughout.`
}

export function MatrixStatus(props: MatrixStatusProps) {
  const { counts, shown, ofKind, severity, capacity, onShowAll } = props
  const total = counts.failing + counts.risk + counts.ok
  return (
    <>
      <p role="status">
        <span className="font-semibold">
          Showing {formatCount(shown)} of {formatCount(total)} failures.
        </span>{' '}
        <span className="text-danger">✖ {formatCount(counts.failing)} failing</span> ·{' '}
        <span className="text-out-of-sync">▲ {formatCount(counts.risk)} at risk</span> ·{' '}
        <span className="text-ok">✓ {formatCount(counts.ok)} with no effect</span>
      </p>
      {shown === 0 ? (
        <p className="flex flex-wrap items-center gap-2">
          {emptyText(ofKind, severity)}
          {ofKind > 0 && (
            <button type="button" className="btn" onClick={onShowAll}>
              Show all rows
            </button>
          )}
        </p>
      ) : (
        <p className="text-xs text-muted">
          ✓ none · ▲ risk · ✖ outage
          {capacity ? ' · busiest survivor: ▲ above 80%, ✖ above 100% of its limit' : ''}. A count
          lists the partitions behind it; Inject runs the failure in the simulation. In the list, ↑
          and ↓ move between rows and Enter opens one.
        </p>
      )}
    </>
  )
}
