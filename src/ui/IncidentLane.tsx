/**
 * The incident lane, under the topology: each fault, detection, ISR shrink, election and recovery
 * of the run as a labelled mark (icon and text, never colour alone) on the scrubber's time axis,
 * with its sentence as a tooltip on hover and focus; a mark is a button that seeks there. Below
 * the track, the current incident's recap. Everything is read from the engine's failover records
 * and event log as they stand at the current sim time (`src/analysis/incident.ts`), so after a
 * seek back the lane shows what had happened by then.
 */
import { useId, useMemo, useState } from 'react'
import { createIncidentTimeline, incidentAt } from '../analysis/index'
import type { AppState } from '../store/app-store'
import { useT } from './i18n/react'
import { recapLine } from './incident-text'
import { LANE_ROWS, laneGroups } from './incident-lane-layout'
import { useAppStore } from './store-context'
import { timelineScaleMs } from './timeline-scale'
import { useThrottledStore } from './use-throttled-store'

/** The same 100 ms steps as the scrubber, so both tracks share one scale. */
const STEP_MS = 100
const ROW_PX = 24

const selectEvents = (state: AppState) => state.events
const selectNow = (state: AppState) => state.simTimeMs

export function IncidentLane() {
  const t = useT()
  const tooltipId = useId()
  const failovers = useAppStore((state) => state.failovers)
  // The log grows every frame; the lane follows it a few times a second.
  const events = useThrottledStore(selectEvents, 250)
  const nowMs = useThrottledStore(selectNow, 250)
  const simTimeMs = useAppStore((state) => Math.floor(state.simTimeMs / STEP_MS) * STEP_MS)
  const horizonMs = useAppStore((state) => Math.floor(state.horizonMs / STEP_MS) * STEP_MS)
  const durationMs = useAppStore((state) => state.spec.durationMs)
  const brokers = useAppStore((state) => state.spec.cluster.brokers)
  const seek = useAppStore((state) => state.seek)
  const pause = useAppStore((state) => state.pause)
  const [active, setActive] = useState<string | null>(null)

  const extentMs = timelineScaleMs(horizonMs, simTimeMs, durationMs)
  // Follows the growing log: each update reads only the events logged since the last one.
  const [timeline] = useState(createIncidentTimeline)
  const incidents = useMemo(
    () => timeline(failovers, events, nowMs, { brokers }),
    [timeline, failovers, events, nowMs, brokers],
  )
  const groups = useMemo(() => laneGroups(incidents, extentMs), [incidents, extentMs])
  const current = incidentAt(incidents, simTimeMs)
  const rows = Math.max(1, Math.min(LANE_ROWS, 1 + Math.max(-1, ...groups.map((g) => g.row))))
  const at = (x: number) => `calc(0.5rem + (100% - 1rem) * ${x.toFixed(4)})`

  return (
    <section
      aria-label={t('incidents.label')}
      className="border-b border-border bg-panel px-4 py-1"
    >
      <div className="flex items-baseline gap-2 text-xs">
        <h2 className="font-semibold">{t('incidents.title')}</h2>
        {groups.length === 0 && <span className="text-muted">{t('incidents.none')}</span>}
      </div>
      {groups.length > 0 && (
        <div
          className="relative"
          style={{ height: rows * ROW_PX }}
          onKeyDown={(event) => {
            // A tooltip must be dismissable without moving focus (WCAG 1.4.13).
            if (event.key === 'Escape') setActive(null)
          }}
        >
          <div
            aria-hidden="true"
            className="absolute inset-y-0 w-px bg-focus"
            style={{ left: at(Math.min(1, simTimeMs / extentMs)) }}
          />
          {groups.map((g) => (
            <div
              key={g.key}
              className="absolute"
              style={{
                left: at(g.x),
                top: g.row * ROW_PX,
                transform: g.alignEnd ? 'translateX(-100%)' : undefined,
              }}
            >
              <button
                type="button"
                className={`incident-mark flex h-5 items-center gap-1 whitespace-nowrap rounded border border-border bg-bg px-1 font-mono text-[11px] leading-4 hover:border-focus ${g.alignEnd ? 'border-r-2 border-r-fg' : 'border-l-2 border-l-fg'}`}
                aria-label={t('incidents.seek', { sentences: g.sentences.join('; ') })}
                aria-describedby={active === g.key ? tooltipId : undefined}
                onMouseEnter={() => setActive(g.key)}
                onMouseLeave={() => setActive((k) => (k === g.key ? null : k))}
                onFocus={() => setActive(g.key)}
                onBlur={() => setActive((k) => (k === g.key ? null : k))}
                onClick={() => {
                  pause()
                  seek(g.atMs)
                }}
              >
                <span aria-hidden="true">{g.icon}</span>
                <span>{g.label}</span>
              </button>
              {active === g.key && (
                <div
                  id={tooltipId}
                  role="tooltip"
                  className={`absolute top-6 z-30 w-max max-w-xs rounded border border-border bg-panel p-2 text-xs shadow-lg ${g.alignEnd ? 'right-0' : 'left-0'}`}
                >
                  {g.sentences.map((sentence, i) => (
                    <p key={i}>{sentence}</p>
                  ))}
                </div>
              )}
            </div>
          ))}
        </div>
      )}
      {current !== null && (
        <p className="text-xs [overflow-wrap:anywhere]">
          <span className="font-semibold">
            {`${
              incidents.length > 1
                ? t('incidents.position', { index: current.index + 1, total: incidents.length })
                : t('incidents.recap')
            } `}
          </span>
          {recapLine(current.recap)}
        </p>
      )}
    </section>
  )
}
