/**
 * One small chart of a metric for both runs on a shared time axis (time-locked): A solid, B
 * dashed, each named in the legend, so the lines differ by pattern and label as well as colour.
 * The cursor is the comparison's one time control: hovering a chart moves it, and the sibling
 * chart and both topologies follow, with both values at that time.
 */
import { curveStepAfter, line, scaleLinear } from 'd3'
import type { MetricsSample } from '../../engine/types'
import { formatSimTime } from '../../scenario/sim-time'

export interface CompareChartProps {
  title: string
  seriesA: readonly MetricsSample[]
  seriesB: readonly MetricsSample[]
  value: (sample: MetricsSample) => number
  durationMs: number
  /** Short names of the designs for the legend, e.g. "Current" and "Reassignment". */
  names: { a: string; b: string }
  cursorMs: number | null
  onCursor: (atMs: number) => void
}

const WIDTH = 420
const HEIGHT = 140
const MARGIN = { top: 8, right: 12, bottom: 28, left: 36 }

function valueAt(
  series: readonly MetricsSample[],
  atMs: number,
  value: (s: MetricsSample) => number,
) {
  let found: MetricsSample | undefined
  for (const sample of series) {
    if (sample.atMs > atMs) break
    found = sample
  }
  return found === undefined ? 0 : value(found)
}

export function CompareChart(props: CompareChartProps) {
  const { title, seriesA, seriesB, value, durationMs, names, cursorMs, onCursor } = props
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom
  const peakA = Math.max(0, ...seriesA.map(value))
  const peakB = Math.max(0, ...seriesB.map(value))
  const x = scaleLinear()
    .domain([0, Math.max(1, durationMs)])
    .range([0, plotWidth])
  const y = scaleLinear()
    .domain([0, Math.max(1, peakA, peakB)])
    .nice()
    .range([plotHeight, 0])
  const path = line<MetricsSample>()
    .x((s) => x(s.atMs))
    .y((s) => y(value(s)))
    .curve(curveStepAfter)
  const summary = `${title}: A peaks at ${peakA}, B peaks at ${peakB}`

  function onPointerMove(event: React.PointerEvent<SVGRectElement>) {
    const box = event.currentTarget.getBoundingClientRect()
    const ratio = box.width > 0 ? (event.clientX - box.left) / box.width : 0
    onCursor(Math.round(Math.max(0, Math.min(1, ratio)) * durationMs))
  }

  return (
    <figure className="flex flex-col gap-1 rounded border border-border p-2">
      <figcaption className="flex flex-wrap items-center gap-x-3 text-xs">
        <span className="font-semibold">{title}</span>
        <span className="flex items-center gap-1">
          <svg width="24" height="6" aria-hidden="true">
            <line
              x1="0"
              y1="3"
              x2="24"
              y2="3"
              style={{ stroke: 'var(--in-sync)', strokeWidth: 2 }}
            />
          </svg>
          A: {names.a}
        </span>
        <span className="flex items-center gap-1">
          <svg width="24" height="6" aria-hidden="true">
            <line
              x1="0"
              y1="3"
              x2="24"
              y2="3"
              strokeDasharray="5 3"
              style={{ stroke: 'var(--out-of-sync)', strokeWidth: 2 }}
            />
          </svg>
          B: {names.b}
        </span>
        {cursorMs !== null && (
          <span className="ml-auto tabular-nums">
            at {formatSimTime(cursorMs)}: A {valueAt(seriesA, cursorMs, value)}, B{' '}
            {valueAt(seriesB, cursorMs, value)}
          </span>
        )}
      </figcaption>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="block w-full"
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {y
            .ticks(3)
            .filter(Number.isInteger)
            .map((t) => (
              <g key={t} transform={`translate(0,${y(t)})`}>
                <line x2={plotWidth} style={{ stroke: 'var(--border)' }} />
                <text x={-4} dy="0.32em" textAnchor="end" fontSize={10} fill="currentColor">
                  {t}
                </text>
              </g>
            ))}
          {x.ticks(5).map((t) => (
            <text
              key={t}
              x={x(t)}
              y={plotHeight + 12}
              textAnchor="middle"
              fontSize={10}
              fill="currentColor"
            >
              {Math.round(t / 1000)}
            </text>
          ))}
          <text
            x={plotWidth / 2}
            y={plotHeight + 25}
            textAnchor="middle"
            fontSize={10}
            fill="currentColor"
          >
            time (s)
          </text>
          <path
            d={path(seriesA as MetricsSample[]) ?? ''}
            fill="none"
            style={{ stroke: 'var(--in-sync)', strokeWidth: 2 }}
          />
          <path
            d={path(seriesB as MetricsSample[]) ?? ''}
            fill="none"
            strokeDasharray="5 3"
            style={{ stroke: 'var(--out-of-sync)', strokeWidth: 2 }}
          />
          {cursorMs !== null && (
            <line
              x1={x(cursorMs)}
              x2={x(cursorMs)}
              y2={plotHeight}
              strokeDasharray="3 3"
              style={{ stroke: 'var(--muted)' }}
            />
          )}
          <rect
            width={plotWidth}
            height={plotHeight}
            fill="transparent"
            onPointerMove={onPointerMove}
          />
        </g>
      </svg>
    </figure>
  )
}
