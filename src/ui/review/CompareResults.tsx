/**
 * What a design comparison found: what each design was, the difference table, the two
 * topologies as small multiples under one time control (the slider and the charts' cursor move
 * the same moment, and both topologies show it), the time-locked charts, and the advisor's
 * findings for each design.
 */
import { useMemo, useState } from 'react'
import type { DesignComparison, DesignSummary } from '../../host/compare'
import { formatSimTime } from '../../scenario/sim-time'
import { CompareChart } from './CompareChart'
import { CompareFindings } from './CompareFindings'
import { CompareTable } from './CompareTable'
import { CompareTopology } from './CompareTopology'
import { firstMomentMs, frameReader } from './compare-frames'

export interface CompareResultsProps {
  comparison: DesignComparison
}

function DesignLine({ side, design }: { side: 'A' | 'B'; design: DesignSummary }) {
  return (
    <li>
      <span className="font-semibold">
        {side}: {design.label}
      </span>
      {design.details.map((d) => (
        <span key={d} className="block text-xs text-muted">
          {d}
        </span>
      ))}
      {design.warnings.length > 0 && (
        <span className="block text-xs text-out-of-sync">
          {design.warnings.length === 1 ? 'Warning' : 'Warnings'}: {design.warnings.join('; ')}
        </span>
      )}
    </li>
  )
}

export function CompareResults({ comparison }: CompareResultsProps) {
  const { designs, frames } = comparison
  const names = { a: designs.a.name, b: designs.b.name }
  const readers = useMemo(() => ({ a: frameReader(frames.a), b: frameReader(frames.b) }), [frames])
  const [timeMs, setTimeMs] = useState(() => firstMomentMs(comparison))
  const stepMs = readers.a.count > 1 ? readers.a.timeAt(1) - readers.a.timeAt(0) : 1000
  // Both runs have frames at the same times: the slider snaps to them.
  const shownMs = readers.a.timeAt(readers.a.indexAt(timeMs))
  const at = formatSimTime(shownMs, { milliseconds: false })
  const snapshotA = readers.a.at(readers.a.indexAt(timeMs))
  const snapshotB = readers.b.at(readers.b.indexAt(timeMs))
  const chart = {
    seriesA: comparison.a.series,
    seriesB: comparison.b.series,
    durationMs: comparison.durationMs,
    names,
    cursorMs: timeMs,
    onCursor: setTimeMs,
  }
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-1">
        <DesignLine side="A" design={designs.a} />
        <DesignLine side="B" design={designs.b} />
      </ul>
      <p>Both ran {comparison.faultScript.text}, with the same seed.</p>
      <CompareTable
        comparison={comparison}
        names={names}
        caption={`A: ${designs.a.label}. B: ${designs.b.label}.`}
      />
      <section aria-label="Both designs over time" className="flex flex-col gap-2">
        <h3 className="font-semibold">Both designs over time</h3>
        <label className="flex flex-wrap items-center gap-2">
          <span>Time</span>
          <input
            type="range"
            aria-label="Time"
            className="min-w-60 flex-1"
            min={0}
            max={comparison.durationMs}
            step={stepMs}
            value={shownMs}
            aria-valuetext={at}
            onChange={(event) => setTimeMs(Number(event.target.value))}
          />
          <span className="tabular-nums">{at}</span>
        </label>
        <div className="grid gap-2 md:grid-cols-2">
          <CompareTopology title={`A: ${names.a} at ${at}`} snapshot={snapshotA} />
          <CompareTopology title={`B: ${names.b} at ${at}`} snapshot={snapshotB} />
        </div>
        <div className="grid gap-2 md:grid-cols-2">
          <CompareChart
            title="OfflinePartitionsCount"
            value={(s) => s.OfflinePartitionsCount}
            {...chart}
          />
          <CompareChart
            title="UnderMinIsrPartitionCount"
            value={(s) => s.UnderMinIsrPartitionCount}
            {...chart}
          />
          <CompareChart
            title="Lost acknowledged records (cumulative)"
            value={(s) => s.lostAckedRecords}
            {...chart}
          />
        </div>
      </section>
      <CompareFindings findings={comparison.findings} names={names} />
    </div>
  )
}
