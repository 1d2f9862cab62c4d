/**
 * Cluster metrics over simulated time as small multiples: Kafka's partition-health gauges,
 * ActiveControllerCount, LeaderCount per broker, producer accounting and consumer lag. Fault
 * windows are shaded on every chart and listed as text; a dashed cursor marks `cursorMs`.
 */
import { useMemo } from 'react'
import { useT } from '../i18n/react'
import type { MetricsSample } from '../../engine/types'
import { chartDefinitions } from './chart-data'
import { formatSimTime } from '../../scenario/sim-time'
import { type FaultWindow, MetricChart } from './MetricChart'
import { countAtOrBefore } from './time-index'

export interface MetricsChartsProps {
  series: MetricsSample[]
  nowMs: number
  faultWindows: FaultWindow[]
  cursorMs?: number
}

export function MetricsCharts({ series, nowMs, faultWindows, cursorMs }: MetricsChartsProps) {
  const t = useT()
  // `t` too: the titles and labels are built in the language on screen.
  const charts = useMemo(() => chartDefinitions(series, t), [series, t])
  const end = countAtOrBefore(series, nowMs)
  const shownWindows = faultWindows.filter((w) => w.startMs <= nowMs)

  return (
    <section aria-label={t('metrics.label')} className="flex flex-col gap-2 text-sm">
      {shownWindows.length > 0 && (
        <p className="flex flex-wrap items-center gap-2 text-xs">
          <span
            className="inline-block h-3 w-4 border border-danger bg-danger/15"
            aria-hidden="true"
          />
          <span>{t('metrics.windows')}</span>
          {shownWindows.map((w, i) => (
            <span key={`${w.startMs}-${i}`}>
              {w.label} {formatSimTime(w.startMs)}–
              {w.endMs === null ? t('metrics.ongoing') : formatSimTime(w.endMs)}
              {i < shownWindows.length - 1 ? ';' : ''}
            </span>
          ))}
        </p>
      )}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(280px,1fr))] gap-2">
        {charts.map((chart) => (
          <MetricChart
            key={chart.id}
            chart={chart}
            samples={series}
            end={end}
            nowMs={nowMs}
            faultWindows={shownWindows}
            cursorMs={cursorMs}
          />
        ))}
      </div>
    </section>
  )
}
