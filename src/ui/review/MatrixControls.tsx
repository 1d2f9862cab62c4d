/**
 * The matrix's controls: the view (every failure, or by topic), and for the failures view which
 * rows to list (failing, failing or at risk, all) and of which kind.
 */
import { KIND_FILTERS, type KindFilter, SEVERITY_FILTERS, type SeverityFilter } from './matrix'

export type MatrixView = 'failures' | 'topics'

export interface MatrixControlsProps {
  view: MatrixView
  onView: (view: MatrixView) => void
  severity: SeverityFilter
  onSeverity: (severity: SeverityFilter) => void
  kind: KindFilter
  onKind: (kind: KindFilter) => void
}

const VIEWS: readonly { value: MatrixView; label: string }[] = [
  { value: 'failures', label: 'Failures' },
  { value: 'topics', label: 'By topic' },
]

const SELECT = 'rounded border border-border bg-panel px-2 py-1'
// Not `.btn`, whose unlayered rules would win over these utilities (rounded corners, border).
const TOGGLE =
  'border border-border bg-panel px-3 py-1 max-sm:min-h-11 pointer-coarse:min-h-11 hover:bg-bg aria-pressed:bg-fg aria-pressed:font-semibold aria-pressed:text-panel'

export function MatrixControls(props: MatrixControlsProps) {
  const { view, onView, severity, onSeverity, kind, onKind } = props
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <div role="group" aria-label="View" className="flex">
        {VIEWS.map(({ value, label }, i) => (
          <button
            key={value}
            type="button"
            aria-pressed={view === value}
            className={`${TOGGLE} ${i === 0 ? 'rounded-l-md' : '-ml-px rounded-r-md'}`}
            onClick={() => onView(value)}
          >
            {label}
          </button>
        ))}
      </div>
      {view === 'failures' && (
        <>
          <label className="flex items-center gap-2">
            <span>Rows</span>
            <select
              className={SELECT}
              value={severity}
              onChange={(event) => onSeverity(event.target.value as SeverityFilter)}
            >
              {SEVERITY_FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2">
            <span>Show</span>
            <select
              className={SELECT}
              value={kind}
              onChange={(event) => onKind(event.target.value as KindFilter)}
            >
              {KIND_FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </div>
  )
}
