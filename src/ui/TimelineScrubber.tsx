/**
 * The timeline: drag (or use the arrow keys) to seek. Seeking back replays from a checkpoint;
 * acting while in the past forks a new future. "Back to latest" returns to the furthest time
 * reached. The track spans the scenario's `durationMs` (longer once the run passes it), and its
 * length label says so.
 */
import { useMemo } from 'react'
import type { SimEvent } from '../engine/types'
import { formatSimTime } from '../scenario/sim-time'
import { faultWindows } from '../store/selectors'
import { useT } from './i18n/react'
import { useAppStore, useStoreApi } from './store-context'
import { timelineScaleMs, withRestartProgress } from './timeline-scale'
import { TimelineMarks } from './TimelineMarks'

/** The scrubber moves in 100 ms steps; finer movement would re-render it every frame. */
const STEP_MS = 100
const NO_EVENTS: readonly SimEvent[] = []

export function TimelineScrubber() {
  const store = useStoreApi()
  const t = useT()
  // Both in whole steps, so that playing at 1× re-renders ten times a second, not every frame.
  const simTimeMs = useAppStore((state) => Math.floor(state.simTimeMs / STEP_MS) * STEP_MS)
  const horizonMs = useAppStore((state) => Math.floor(state.horizonMs / STEP_MS) * STEP_MS)
  const durationMs = useAppStore((state) => state.spec.durationMs)
  const recording = useAppStore((state) => state.recording)
  const markers = useAppStore((state) => state.markers)
  const seek = useAppStore((state) => state.seek)
  const ready = useAppStore((state) => state.snapshot !== null)
  const brokerCount = useAppStore((state) => state.snapshot?.brokers.length ?? 0)
  const restarting = recording.some((f) => f.type === 'rollingRestart')
  // The event log only matters for a rolling restart's progress; otherwise it is not followed.
  const events = useAppStore((state) => (restarting ? state.events : NO_EVENTS))
  const extentMs = timelineScaleMs(horizonMs, simTimeMs, durationMs)
  const windows = useMemo(
    () => withRestartProgress(faultWindows(recording), recording, events, brokerCount),
    [recording, events, brokerCount],
  )
  const inPast = horizonMs - simTimeMs >= STEP_MS
  const length = formatSimTime(extentMs, { milliseconds: false })
  return (
    <div className="flex items-center gap-3 border-b border-border bg-panel px-4 py-2">
      <div className="relative h-10 flex-1">
        <TimelineMarks
          extentMs={extentMs}
          simTimeMs={simTimeMs}
          horizonMs={horizonMs}
          windows={windows}
          markers={markers}
        />
        <input
          type="range"
          aria-label={t('timeline.label')}
          aria-valuetext={t('timeline.position', { time: formatSimTime(simTimeMs), length })}
          min={0}
          max={extentMs}
          step={STEP_MS}
          value={simTimeMs}
          disabled={!ready}
          className="timeline-range absolute inset-x-0 bottom-0 w-full"
          onChange={(event) => seek(Number(event.target.value))}
        />
      </div>
      <span
        className="w-16 text-right font-mono text-xs text-muted tabular-nums"
        title={
          extentMs > durationMs
            ? t('timeline.pastLength', {
                length: formatSimTime(durationMs, { milliseconds: false }),
              })
            : t('timeline.length')
        }
      >
        {length}
      </span>
      <button
        type="button"
        className="btn text-xs"
        disabled={!inPast}
        onClick={() => seek(store.getState().horizonMs)}
        title={t('timeline.backToLatestTitle', { time: formatSimTime(horizonMs) })}
      >
        {t('timeline.backToLatest')}
      </button>
    </div>
  )
}
