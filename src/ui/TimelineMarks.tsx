/**
 * What the scrubber's track shows: shaded fault windows (titled with their real start and end),
 * event markers (faults as tall marks, elections and broker changes as short ticks), and the
 * recorded future after a seek back. Decorative: the same facts are in the event log and the
 * incident lane, so it is hidden from assistive technology — except a running rolling restart's
 * progress ("broker 3 (3 of 6)"), which is visible text and a polite status.
 */
import { memo } from 'react'
import type { TimelineMarker } from '../host/index'
import { useT } from './i18n/react'
import { type TimelineWindow, windowTitle } from './timeline-scale'

const MARK_CLASS: Record<TimelineMarker['kind'], string> = {
  fault: 'mark-fault',
  election: 'mark-election',
  offline: 'mark-offline',
  broker: 'mark-broker',
  controller: 'mark-controller',
  violation: 'mark-violation',
}

/** A recorded future shorter than the scrubber's step is the clock running ahead, not a seek. */
const FUTURE_MIN_MS = 100

export interface TimelineMarksProps {
  extentMs: number
  simTimeMs: number
  horizonMs: number
  windows: readonly TimelineWindow[]
  markers: readonly TimelineMarker[]
}

export function TimelineMarks({
  extentMs,
  simTimeMs,
  horizonMs,
  windows,
  markers,
}: TimelineMarksProps) {
  const t = useT()
  const x = (ms: number) => (Math.min(ms, extentMs) / extentMs) * 1000
  const running = windows.filter((w) => w.progress !== undefined)
  return (
    <>
      <svg
        aria-hidden="true"
        className="timeline-marks pointer-events-none absolute inset-x-2 top-0 h-5 w-[calc(100%-1rem)]"
        viewBox="0 0 1000 20"
        preserveAspectRatio="none"
      >
        <rect className="timeline-known" x={0} y={8} width={x(horizonMs)} height={4} />
        {horizonMs - simTimeMs >= FUTURE_MIN_MS && (
          <rect
            className="timeline-future"
            x={x(simTimeMs)}
            y={6}
            width={x(horizonMs) - x(simTimeMs)}
            height={8}
          />
        )}
        {windows.map((w, i) => (
          <rect
            key={`${i}@${w.startMs}`}
            className={`fault-window window-${w.kind}`}
            x={x(w.startMs)}
            y={0}
            width={Math.max(2, x(w.endMs ?? horizonMs) - x(w.startMs))}
            height={20}
          >
            <title>{windowTitle(w)}</title>
          </rect>
        ))}
        <MarkerLines markers={markers} extentMs={extentMs} />
      </svg>
      {running.map((w) => (
        <span
          key={`progress@${w.startMs}`}
          role="status"
          className="pointer-events-none absolute top-0 z-10 rounded bg-panel px-1 font-mono text-[10px] leading-4 text-fg"
          // The svg is inset by 0.5rem on each side; the label starts where its window does.
          style={{ left: `calc(0.5rem + (100% - 1rem) * ${(x(w.startMs) / 1000).toFixed(4)})` }}
        >
          <span aria-hidden="true">↻ </span>
          {t('timeline.restartProgress', { progress: w.progress ?? '' })}
        </span>
      ))}
    </>
  )
}

/**
 * The event markers change only with the markers or the extent (30 s steps), while the rest of
 * the track follows the clock: memoised, a long run's hundreds of markers are not re-rendered on
 * every step.
 */
const MarkerLines = memo(function MarkerLines({
  markers,
  extentMs,
}: {
  markers: readonly TimelineMarker[]
  extentMs: number
}) {
  return markers.map((m) => {
    const x = (Math.min(m.atMs, extentMs) / extentMs) * 1000
    const tall = m.kind === 'fault' || m.kind === 'violation'
    return (
      <line
        key={`${m.kind}@${m.eventIndex}`}
        className={MARK_CLASS[m.kind]}
        x1={x}
        x2={x}
        y1={tall ? 0 : 5}
        y2={tall ? 20 : 15}
        vectorEffect="non-scaling-stroke"
      />
    )
  })
})
