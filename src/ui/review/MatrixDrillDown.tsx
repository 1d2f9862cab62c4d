/**
 * What is behind one matrix cell: for the failure and the chosen outcome, the topics and the
 * partitions (from `failureDetail`), each partition a button that selects it in the dashboard;
 * for the control plane, which controller nodes fail and whether a majority remains. The panel
 * names the failure and can inject it; with a broker type, the survivors' loads behind the
 * "Busiest survivor" and "Overloaded brokers" cells. Opening it moves focus to its heading;
 * Escape closes it.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { failureDetail, type FailureOutcome, survivorLoads } from '../../analysis/index'
import type { SimulationSpec } from '../../engine/spec'
import {
  controlPlaneText,
  drillList,
  drillSummary,
  drillTopicText,
  OUTCOME_LABEL,
  type PartitionDrillOutcome,
} from './drill-down'
import { cellText, DRILL_OUTCOMES, type DrillOutcome, formatCount, hasOutcome } from './matrix'

export interface MatrixDrillDownProps {
  spec: SimulationSpec
  failure: FailureOutcome
  outcome: DrillOutcome | null
  /** Changes each time a cell or row opens the panel, which then takes focus. */
  focusKey: number
  onOutcome: (outcome: DrillOutcome) => void
  onClose: () => void
  onRun: (failure: FailureOutcome) => void
  onSelectPartition?: (key: string) => void
  selectedPartition?: string | null
}

export function MatrixDrillDown(props: MatrixDrillDownProps) {
  const { failure, outcome, focusKey, onOutcome, onClose, onRun } = props
  const heading = useRef<HTMLHeadingElement | null>(null)
  useEffect(() => heading.current?.focus(), [focusKey])
  const outcomes = DRILL_OUTCOMES.filter((o) => hasOutcome(failure, o))
  return (
    <section
      aria-label="Failure detail"
      className="flex flex-col gap-2 rounded border border-border p-3"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        onClose()
      }}
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0">
          <p className="text-xs text-muted">Failure detail</p>
          <h3 ref={heading} tabIndex={-1} className="font-semibold break-words focus:outline-none">
            {failure.name}
          </h3>
        </div>
        <button type="button" className="btn ml-auto" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="text-xs text-muted">
        {failure.brokers.length === 1 ? 'Failed broker: ' : 'Failed brokers: '}
        {failure.brokers.join(', ')}
      </p>
      {outcomes.length > 1 && (
        <div role="group" aria-label="Outcome" className="flex flex-wrap gap-1">
          {outcomes.map((o) => (
            <button
              key={o}
              type="button"
              aria-pressed={o === outcome}
              className="rounded border border-border px-2 py-0.5 text-xs hover:bg-bg aria-pressed:bg-fg aria-pressed:font-semibold aria-pressed:text-panel"
              onClick={() => onOutcome(o)}
            >
              {OUTCOME_LABEL[o]} {cellText(failure, o)}
            </button>
          ))}
        </div>
      )}
      <OutcomeBody {...props} />
      {failure.peakBrokerUtilisation !== null && (
        <SurvivorLoads spec={props.spec} failure={failure} />
      )}
      <div>
        <button type="button" className="btn btn-primary" onClick={() => onRun(failure)}>
          Inject this failure
        </button>
      </div>
    </section>
  )
}

/** Survivors listed in a drill-down's capacity part before "and N more". */
export const SURVIVORS_SHOWN = 5

/** The capacity behind the row's "Busiest survivor" cell: the busiest survivors, in words. */
function SurvivorLoads({ spec, failure }: { spec: SimulationSpec; failure: FailureOutcome }) {
  const loads = useMemo(() => survivorLoads(spec, failure.brokers), [spec, failure])
  if (loads === null) return null
  const shown = loads.slice(0, SURVIVORS_SHOWN)
  const over = loads.filter((l) => l.utilisation > 1).length
  return (
    <div className="text-xs">
      <p className="font-semibold">
        Survivors' load: the busiest at {Math.round((failure.peakBrokerUtilisation ?? 0) * 100)}% of
        its limit; {over === 0 ? 'none' : formatCount(over)} overloaded.
      </p>
      <ul className="ml-4 list-disc">
        {shown.map((l) => (
          <li key={l.id}>
            broker {l.id} ({l.zone}): {Math.round(l.utilisation * 100)}% of {l.boundLabel}
            {l.utilisation > 1 ? ' — overloaded' : ''}
          </li>
        ))}
      </ul>
      {loads.length > shown.length && (
        <p className="text-muted">and {formatCount(loads.length - shown.length)} more survivors</p>
      )}
    </div>
  )
}

function OutcomeBody({
  spec,
  failure,
  outcome,
  onSelectPartition,
  selectedPartition,
}: MatrixDrillDownProps) {
  if (outcome === null)
    return (
      <p>
        No partition goes offline, unwritable, down to a single copy or in need of an unclean
        election, and the control plane keeps its quorum.
      </p>
    )
  if (outcome === 'controlPlane')
    return <p>{controlPlaneText(failure, spec.cluster.controllers.length)}</p>
  return (
    <PartitionList
      spec={spec}
      failure={failure}
      outcome={outcome}
      onSelectPartition={onSelectPartition}
      selectedPartition={selectedPartition ?? null}
    />
  )
}

function PartitionList({
  spec,
  failure,
  outcome,
  onSelectPartition,
  selectedPartition,
}: {
  spec: SimulationSpec
  failure: FailureOutcome
  outcome: PartitionDrillOutcome
  onSelectPartition: ((key: string) => void) | undefined
  selectedPartition: string | null
}) {
  const detail = useMemo(() => failureDetail(spec, failure.brokers), [spec, failure])
  const list = useMemo(() => drillList(detail, outcome), [detail, outcome])
  const [picked, setPicked] = useState<string | null>(null)
  return (
    <>
      <p className="font-semibold">{drillSummary(list, outcome)}</p>
      <ul className="flex flex-col gap-2 leading-6">
        {list.topics.map((topic) => (
          <li key={topic.topic}>
            <span>{drillTopicText(topic, outcome)} — </span>
            {topic.shown.map((key, i) => (
              <span key={key}>
                {i > 0 && ', '}
                {onSelectPartition === undefined ? (
                  key
                ) : (
                  <button
                    type="button"
                    aria-pressed={key === selectedPartition}
                    className="rounded-sm text-in-sync underline underline-offset-2 hover:bg-bg aria-pressed:bg-in-sync/15 aria-pressed:font-semibold"
                    onClick={() => {
                      onSelectPartition(key)
                      setPicked(key)
                    }}
                  >
                    {key}
                  </button>
                )}
              </span>
            ))}
            {topic.more > 0 && <span> and {formatCount(topic.more)} more</span>}
          </li>
        ))}
      </ul>
      {list.moreTopics > 0 && (
        <p className="text-muted">and {formatCount(list.moreTopics)} more topics</p>
      )}
      <p role="status" className="text-xs text-muted">
        {picked === null ? '' : `${picked} is selected: the Partition panel shows its replicas.`}
      </p>
    </>
  )
}
