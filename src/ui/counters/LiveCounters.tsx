/**
 * The live counters strip beside the topology, never in a tab: each of Kafka's health gauges and
 * the clients' figures as a tile with its value, a sparkline of the last minute of samples and
 * its definition on hover and keyboard focus. While a guided scenario's step names a metric, its
 * tile is marked "named in the narration" (and on-demand tiles appear), so every metric a step
 * talks about is on screen while the step shows.
 */
import { memo, useId, useMemo, useState } from 'react'
import type { MetricsSample, Snapshot } from '../../engine/types'
import type { AppState } from '../../store/app-store'
import { activeGuided } from '../../store/slices/guided-slice'
import { useT } from '../i18n/react'
import { useAppStore } from '../store-context'
import { currentStepIndex, orderedSteps } from '../teach/narration'
import { useThrottledStore } from '../use-throttled-store'
import {
  type CounterDef,
  type CounterId,
  counterName,
  counterValue,
  countersNamedIn,
  formatCount,
  visibleCounters,
} from './counters'

/** Samples in a sparkline (one per sample interval: a minute at the default 1 s). */
export const SPARK_SAMPLES = 60

const selectSnapshot = (state: AppState) => state.snapshot
const selectSeries = (state: AppState) => state.metricsSeries

/** The text of the narration step showing now, or '' outside a guided scenario. */
function selectStepText(state: AppState): string {
  const guided = activeGuided(state)
  if (guided === null) return ''
  const index = currentStepIndex(guided.narration, state.simTimeMs)
  const step = index < 0 ? undefined : orderedSteps(guided.narration)[index]
  return step === undefined ? '' : `${step.title} ${step.text} ${step.rule ?? ''}`
}

export function LiveCounters() {
  const t = useT()
  const snapshot = useThrottledStore(selectSnapshot)
  const series = useThrottledStore(selectSeries)
  const stepText = useAppStore(selectStepText)
  const named = useMemo(() => countersNamedIn(stepText), [stepText])
  const recent = useMemo(() => series.slice(-SPARK_SAMPLES), [series])
  if (snapshot === null) return null
  return (
    <section aria-label={t('counters.label')} data-region="live-counters" className="live-counters">
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(9.25rem,1fr))] gap-1.5">
        {visibleCounters(named).map((def) => (
          <CounterTile
            key={def.id}
            def={def}
            snapshot={snapshot}
            series={recent}
            named={named.includes(def.id)}
          />
        ))}
      </ul>
    </section>
  )
}

const SEVERITY_CLASS = {
  ok: 'border-border',
  warn: 'border-out-of-sync',
  alarm: 'border-danger',
} as const

const SEVERITY_MARK = { ok: '', warn: '!', alarm: '!!' } as const

interface TileProps {
  def: CounterDef
  snapshot: Snapshot
  series: readonly MetricsSample[]
  named: boolean
}

function CounterTileImpl({ def, snapshot, series, named }: TileProps) {
  const t = useT()
  const [open, setOpen] = useState<false | 'left' | 'right'>(false)
  const id = useId()
  // The definition opens toward the side with room, so it never overflows the viewport.
  const show = (target: HTMLElement) =>
    setOpen(target.getBoundingClientRect().left + 272 > window.innerWidth ? 'right' : 'left')
  const value = counterValue(def, snapshot, series)
  const severity = def.severity(value)
  const plain = counterName(def, value)
  const name = named ? t('counters.named', { name: plain }) : plain
  return (
    <li className="relative">
      <button
        type="button"
        data-counter={def.id}
        aria-label={name}
        aria-describedby={`${id}-def`}
        onMouseEnter={(event) => show(event.currentTarget)}
        onMouseLeave={() => setOpen(false)}
        onFocus={(event) => show(event.currentTarget)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false)
        }}
        className={`flex w-full flex-col rounded border bg-panel px-2 py-1 text-left ${SEVERITY_CLASS[severity]} ${
          named ? 'ring-2 ring-leader' : ''
        }`}
      >
        <span className="counter-label text-[0.6875rem] leading-tight text-muted">
          <CamelBreaks text={def.label} />
        </span>
        <span className="flex items-end justify-between gap-1">
          <span
            className={`counter-value font-mono text-lg leading-tight tabular-nums ${
              severity === 'alarm' ? 'text-danger' : severity === 'warn' ? 'text-out-of-sync' : ''
            }`}
          >
            {formatCount(value, def.unit)}
            {SEVERITY_MARK[severity] !== '' && (
              <span aria-hidden="true" className="ml-1 text-xs font-bold">
                {SEVERITY_MARK[severity]}
              </span>
            )}
          </span>
          <Sparkline def={def} series={series} />
        </span>
      </button>
      <div
        id={`${id}-def`}
        role="tooltip"
        hidden={open === false}
        className={`absolute top-full z-20 mt-1 w-64 max-w-[90vw] rounded border border-border bg-panel p-2 text-xs shadow-lg ${
          open === 'right' ? 'right-0' : 'left-0'
        }`}
      >
        <strong className="block font-mono">{def.label}</strong>
        {def.definition}
        {severity !== 'ok' && value !== null && (
          <span className="mt-1 block font-semibold">
            {t('counters.now', { meaning: def.meaning(value) })}
          </span>
        )}
        <span className="mt-1 block text-muted">{def.source}</span>
      </div>
    </li>
  )
}

const CounterTile = memo(CounterTileImpl)

/** Breaks a CamelCase metric name only between its words (no "UnderMinIsrPartit / ionCount"). */
function CamelBreaks({ text }: { text: string }) {
  const parts = text.split(/(?<=[a-z])(?=[A-Z])/)
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && <wbr />}
          {part}
        </span>
      ))}
    </>
  )
}

const SPARK_W = 56
const SPARK_H = 18

/** The last minute of samples as a polyline; gaps where a sample has no value. */
export function sparkPath(values: readonly (number | null)[], width = SPARK_W, height = SPARK_H) {
  let max = 0
  for (const v of values) if (v !== null && v > max) max = v
  const n = values.length
  if (n === 0) return ''
  const dx = n === 1 ? 0 : width / (n - 1)
  let path = ''
  let pen = false
  values.forEach((v, i) => {
    if (v === null) {
      pen = false
      return
    }
    const x = (i * dx).toFixed(1)
    const y = (max === 0 ? height - 1 : height - 1 - (v / max) * (height - 2)).toFixed(1)
    path += `${pen ? 'L' : 'M'}${x},${y}`
    pen = true
  })
  return path
}

function Sparkline({ def, series }: { def: CounterDef; series: readonly MetricsSample[] }) {
  const d = sparkPath(series.map(def.sample))
  return (
    <svg
      width={SPARK_W}
      height={SPARK_H}
      aria-hidden="true"
      className="shrink-0 overflow-visible"
      data-sparkline={def.id}
    >
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.25" className="text-muted" />
    </svg>
  )
}

export type { CounterId }
