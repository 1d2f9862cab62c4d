/**
 * The best-practice advisor on the current configuration: the same findings as
 * `kafka-ha-lab analyze` (`advise(spec)`), each with a one-click fix where the advisor has one.
 * A fix produces the next spec with `applyFix` and hands it to `onApplyFix` (`AdvisorTab` loads it,
 * restarting the run).
 */
import { useMemo, useState } from 'react'
import { advise, applyFix, type Fix, renderFixLabel } from '../../analysis/index'
import type { SimulationSpec } from '../../engine/spec'
import { FindingList } from './FindingList'

export interface AdvisorPanelProps {
  spec: SimulationSpec
  onApplyFix: (next: SimulationSpec, fix: Fix) => void
}

function countText(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function AdvisorPanel({ spec, onApplyFix }: AdvisorPanelProps) {
  const findings = useMemo(() => advise(spec), [spec])
  const [failure, setFailure] = useState<string | null>(null)
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length

  function fix(chosen: Fix) {
    try {
      const next = applyFix(spec, chosen.patch)
      setFailure(null)
      onApplyFix(next, chosen)
    } catch (error) {
      setFailure(
        `Could not apply “${renderFixLabel(chosen)}”: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }

  return (
    <section aria-label="Advisor" className="flex flex-col gap-2 text-sm">
      <h2 className="font-semibold">Best-practice advisor</h2>
      <p className="text-muted">
        Checks the configuration against Kafka and Amazon MSK high-availability practice, like{' '}
        <code>kafka-ha-lab analyze</code>. A fix changes the configuration and restarts the run.
      </p>
      <p className="text-muted">
        Error: a failure the layout is meant to survive, such as losing one zone, takes partitions
        offline or stops acks=all writes, or the layout cannot work as given. Warning: a risk short
        of that. Info: a note that describes no risk; <code>analyze --fail-on</code> never fails on
        it.
      </p>
      <p role="status">
        {findings.length === 0
          ? 'No findings: the configuration follows every practice the advisor checks.'
          : `${countText(findings.length, 'finding')}: ${countText(count('error'), 'error')}, ` +
            `${countText(count('warning'), 'warning')}, ${count('info')} info.`}
      </p>
      {failure !== null && (
        <p role="alert" className="text-danger">
          {failure}
        </p>
      )}
      <FindingList findings={findings} onFix={fix} />
    </section>
  )
}
