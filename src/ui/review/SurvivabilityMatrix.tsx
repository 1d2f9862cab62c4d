/**
 * The survivability matrix: what each single broker, single zone, broker pair and zone plus a
 * broker failure does to the partitions. The rows are computed elsewhere (`survivabilityMatrix`,
 * `topicRollup`) and passed in; this view filters them (failing, at risk, all; by kind), sorts
 * them (aria-sort) and lists them in a virtualised grid (MatrixGrid), or per topic
 * (TopicRollupTable). A count opens the drill-down (MatrixDrillDown) with the partitions behind
 * it; "Inject" hands the failure to `onRunFailure` (`SurvivabilityTab` injects it into the run).
 */
import { useCallback, useMemo, useRef, useState } from 'react'
import type { FailureOutcome, TopicRollup } from '../../analysis/index'
import type { SimulationSpec } from '../../engine/spec'
import {
  COLUMNS,
  defaultSeverityFilter,
  type DrillOutcome,
  filterBySeverity,
  filterFailures,
  firstOutcome,
  type KindFilter,
  type MatrixColumn,
  type MatrixSort,
  matrixColumns,
  nextSort,
  type SeverityFilter,
  severityCounts,
  sortFailures,
} from './matrix'
import { MatrixControls, type MatrixView } from './MatrixControls'
import { MatrixDrillDown } from './MatrixDrillDown'
import { MatrixGrid } from './MatrixGrid'
import { MatrixStatus } from './MatrixStatus'
import { TopicRollupTable } from './TopicRollupTable'

export interface SurvivabilityMatrixProps {
  spec: SimulationSpec
  failures: readonly FailureOutcome[]
  topics: readonly TopicRollup[]
  assumption: string
  onRunFailure: (failure: FailureOutcome) => void
  /** Selects a partition ("orders-3") in the dashboard; without it partition names are text. */
  onSelectPartition?: (key: string) => void
  selectedPartition?: string | null
}

interface Drill {
  name: string
  outcome: DrillOutcome | null
  focusKey: number
}

export function SurvivabilityMatrix(props: SurvivabilityMatrixProps) {
  const { spec, failures, topics, assumption, onRunFailure } = props
  const [view, setView] = useState<MatrixView>('failures')
  const [kind, setKind] = useState<KindFilter>('all')
  const [severityOf, setSeverityOf] = useState(() => ({
    failures,
    severity: defaultSeverityFilter(failures),
  }))
  // A new report (another scenario) starts again from its own default.
  const severity =
    severityOf.failures === failures ? severityOf.severity : defaultSeverityFilter(failures)
  const setSeverity = (next: SeverityFilter) => setSeverityOf({ failures, severity: next })
  const [sort, setSort] = useState<MatrixSort | null>(null)
  const [drill, setDrill] = useState<Drill | null>(null)
  const opener = useRef<Element | null>(null)
  const section = useRef<HTMLElement | null>(null)

  const columns = useMemo(() => matrixColumns(failures), [failures])
  const counts = useMemo(() => severityCounts(failures), [failures])
  const byName = useMemo(() => new Map(failures.map((f) => [f.name, f])), [failures])
  const ofKind = useMemo(() => filterFailures(failures, kind), [failures, kind])
  const rows = useMemo(
    () => sortFailures(filterBySeverity(ofKind, severity), sort),
    [ofKind, severity, sort],
  )

  const open = useCallback((failure: FailureOutcome, outcome: DrillOutcome | null) => {
    opener.current = document.activeElement
    setDrill((d) => ({
      name: failure.name,
      outcome: outcome ?? firstOutcome(failure),
      focusKey: (d?.focusKey ?? 0) + 1,
    }))
  }, [])
  const close = () => {
    setDrill(null)
    const back = opener.current
    if (back instanceof HTMLElement && back.isConnected) back.focus()
    else section.current?.querySelector<HTMLElement>('[role="row"][tabindex="0"]')?.focus()
  }
  const drilled = drill === null ? undefined : byName.get(drill.name)

  return (
    <section
      ref={section}
      aria-label="Survivability matrix"
      className="flex flex-col gap-2 text-sm"
    >
      <h2 className="font-semibold">Survivability matrix</h2>
      <details className="group text-xs text-muted">
        <summary className="cursor-pointer truncate">
          <span className="font-semibold">Assumptions</span>
          <span aria-hidden="true" className="group-open:hidden">
            : {assumption}
          </span>
        </summary>
        <p className="mt-1">{assumption}</p>
      </details>
      <MatrixControls
        view={view}
        onView={setView}
        severity={severity}
        onSeverity={setSeverity}
        kind={kind}
        onKind={setKind}
      />
      <div className="flex flex-col gap-3 xl:flex-row">
        <div className="flex min-w-0 flex-1 flex-col gap-2">
          {view === 'failures' ? (
            <>
              <MatrixStatus
                counts={counts}
                shown={rows.length}
                ofKind={ofKind.length}
                severity={severity}
                capacity={columns.length > COLUMNS.length}
                onShowAll={() => setSeverity('all')}
              />
              {rows.length > 0 && (
                <MatrixGrid
                  rows={rows}
                  columns={columns}
                  sort={sort}
                  onSort={(column: MatrixColumn) => setSort(nextSort(sort, column))}
                  onOpen={open}
                  onRun={onRunFailure}
                  resetKey={`${kind}|${severity}|${sort?.column ?? ''}|${sort?.direction ?? ''}`}
                />
              )}
            </>
          ) : (
            <TopicRollupTable
              topics={topics}
              onOpenFailure={(name) => {
                const failure = byName.get(name)
                if (failure !== undefined) open(failure, null)
              }}
            />
          )}
        </div>
        <div className="xl:max-h-80 xl:w-96 xl:shrink-0 xl:overflow-auto">
          {drilled === undefined || drill === null ? (
            <p className="hidden rounded border border-dashed border-border p-3 text-muted xl:block">
              Choose a count to list the topics and partitions behind it.
            </p>
          ) : (
            <MatrixDrillDown
              key={drilled.name}
              spec={spec}
              failure={drilled}
              outcome={drill.outcome}
              focusKey={drill.focusKey}
              onOutcome={(outcome) => setDrill({ ...drill, outcome })}
              onClose={close}
              onRun={onRunFailure}
              onSelectPartition={props.onSelectPartition}
              selectedPartition={props.selectedPartition ?? null}
            />
          )}
        </div>
      </div>
    </section>
  )
}
