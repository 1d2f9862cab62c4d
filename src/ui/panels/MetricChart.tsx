/**
 * One small line chart of cluster metrics over simulated time.
 *
 * Why React SVG with d3-scale and d3-shape rather than a D3 join inside a ref: a chart is a
 * handful of elements (a path per series, a few ticks, shaded fault windows, a cursor) whose
 * content is fully determined by props, and every sample is downsampled to at most four points
 * per pixel column first. React's reconciliation is then as cheap as a keyed join, the markup is
 * testable in jsdom like the rest of the panels, and D3 still does the maths (scales, ticks, the
 * step curve). The topology view, with thousands of animated nodes, is where D3 owns the DOM.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { curveStepAfter, line, scaleLinear } from 'd3'
import type { MetricsSample } from '../../engine/types'
import { type ChartDefinition, type Point, chartSummary, downsampleMinMax } from './chart-data'
import { termFor } from '../teach/glossary'
import { Term } from '../teach/Term'
import { t } from '../i18n/runtime'

export interface FaultWindow {
  startMs: number
  endMs: number | null
  label: string
}

interface MetricChartProps {
  chart: ChartDefinition
  samples: readonly MetricsSample[]
  /** How many of `samples` are at or before nowMs. */
  end: number
  nowMs: number
  faultWindows: readonly FaultWindow[]
  cursorMs: number | undefined
}

const HEIGHT = 130
const MARGIN = { top: 8, right: 10, bottom: 30, left: 40 }

/** Tracks an element's content width; jsdom has no ResizeObserver, so it keeps the default. */
function useWidth(initial: number) {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(initial)
  useLayoutEffect(() => {
    const el = ref.current
    if (el === null || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.max(120, Math.floor(entry.contentRect.width)))
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, width] as const
}

export function MetricChart({
  chart,
  samples,
  end,
  nowMs,
  faultWindows,
  cursorMs,
}: MetricChartProps) {
  const [ref, width] = useWidth(320)
  const plotWidth = width - MARGIN.left - MARGIN.right
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom
  const x1 = Math.max(nowMs, 1)

  const lines = useMemo(
    () =>
      chart.series.map((s) => {
        const points = downsampleMinMax(samples, end, (m) => m.atMs, s.value, 0, x1, plotWidth)
        const last = end > 0 ? s.value(samples[end - 1]!) : null
        const max = points.reduce((m, p) => Math.max(m, p.y), 0)
        return { def: s, points, now: last, max }
      }),
    [chart, samples, end, x1, plotWidth],
  )
  const yMax = Math.max(1, ...lines.map((l) => l.max))
  const x = scaleLinear().domain([0, x1]).range([0, plotWidth])
  const y = scaleLinear().domain([0, yMax]).nice().range([plotHeight, 0])
  const path = line<Point>()
    .x((p) => x(p.x))
    .y((p) => y(p.y))
    .curve(curveStepAfter)
  const xTicks = scaleLinear()
    .domain([0, x1 / 1000])
    .ticks(5)
  const yTicks = y.ticks(3).filter((t) => Number.isInteger(t))
  // The chart's name with its glossary definition (the MBean or figure behind it).
  const term = termFor(chart.name)
  const summary = chartSummary(
    chart.title,
    lines.map((l) => ({ label: l.def.label, now: l.now, max: l.max })),
  )

  return (
    <figure className="flex flex-col gap-1 rounded border border-border bg-panel p-2">
      <figcaption className="text-xs font-semibold">
        {term === undefined ? chart.title : <Term id={term}>{chart.title}</Term>}
      </figcaption>
      <div ref={ref} className="w-full">
        <svg role="img" aria-label={summary} width={width} height={HEIGHT} className="block">
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {faultWindows.map((w, i) => {
              const a = x(Math.max(0, w.startMs))
              const b = x(Math.min(x1, w.endMs ?? x1))
              if (!(b > a)) return null
              return (
                <rect
                  key={`${w.startMs}-${i}`}
                  x={a}
                  y={0}
                  width={b - a}
                  height={plotHeight}
                  style={{ fill: 'var(--danger)', fillOpacity: 0.12 }}
                />
              )
            })}
            {yTicks.map((t) => (
              <g key={t} transform={`translate(0,${y(t)})`} className="text-muted">
                <line x2={plotWidth} style={{ stroke: 'var(--border)' }} />
                <text x={-4} dy="0.32em" textAnchor="end" fontSize={10} fill="currentColor">
                  {t}
                </text>
              </g>
            ))}
            {xTicks.map((t) => (
              <text
                key={t}
                x={x(t * 1000)}
                y={plotHeight + 12}
                textAnchor="middle"
                fontSize={10}
                fill="currentColor"
                className="text-muted"
              >
                {t}
              </text>
            ))}
            <text
              x={plotWidth / 2}
              y={plotHeight + 26}
              textAnchor="middle"
              fontSize={10}
              fill="currentColor"
            >
              {t('chart.time')}
            </text>
            <text
              transform={`translate(${-30},${plotHeight / 2}) rotate(-90)`}
              textAnchor="middle"
              fontSize={10}
              fill="currentColor"
            >
              {chart.yLabel}
            </text>
            {lines.map((l) => (
              <path
                key={l.def.key}
                d={path(l.points) ?? ''}
                style={{ fill: 'none', stroke: l.def.color, strokeWidth: 1.5 }}
                strokeDasharray={l.def.dash === '' ? undefined : l.def.dash}
              />
            ))}
            {cursorMs !== undefined && cursorMs >= 0 && cursorMs <= x1 && (
              <line
                x1={x(cursorMs)}
                x2={x(cursorMs)}
                y2={plotHeight}
                strokeDasharray="4 2"
                style={{ stroke: 'var(--fg)' }}
              />
            )}
          </g>
        </svg>
      </div>
      <ul
        className="flex flex-wrap gap-x-3 text-xs"
        aria-label={t('chart.legend', { title: chart.title })}
      >
        {lines.map((l) => (
          <li key={l.def.key} className="flex items-center gap-1">
            <svg width={18} height={6} aria-hidden="true">
              <line
                x2={18}
                y1={3}
                y2={3}
                strokeDasharray={l.def.dash === '' ? undefined : l.def.dash}
                style={{ stroke: l.def.color, strokeWidth: 2 }}
              />
            </svg>
            {l.def.label}: {l.now ?? '–'}
          </li>
        ))}
      </ul>
    </figure>
  )
}
