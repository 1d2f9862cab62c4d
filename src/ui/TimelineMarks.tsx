/**
 * What the scrubber's track shows: shaded fault windows, event markers (faults as tall marks,
 * elections and broker changes as short ticks), and the recorded future after a seek back.
 * Decorative: the same facts are in the event log, so it is hidden from assistive technology.
 */
import type { TimelineMarker } from '../store/timeline'
import type { FaultWindow } from '../store/selectors'

const MARK_CLASS: Record<TimelineMarker['kind'], string> = {
  fault: 'mark-fault',
  election: 'mark-election',
  offline: 'mark-offline',
  broker: 'mark-broker',
  controller: 'mark-controller',
  violation: 'mark-violation',
}

export interface TimelineMarksProps {
  extentMs: number
  simTimeMs: number
  horizonMs: number
  windows: readonly FaultWindow[]
  markers: readonly TimelineMarker[]
}

export function TimelineMarks({
  extentMs,
  simTimeMs,
  horizonMs,
  windows,
  markers,
}: TimelineMarksProps) {
  const x = (ms: number) => (Math.min(ms, extentMs) / extentMs) * 1000
  return (
    <svg
      aria-hidden="true"
      className="timeline-marks pointer-events-none absolute inset-x-2 top-0 h-5"
      viewBox="0 0 1000 20"
      preserveAspectRatio="none"
    >
      <rect className="timeline-known" x={0} y={8} width={x(horizonMs)} height={4} />
      {horizonMs > simTimeMs && (
        <rect
          className="timeline-future"
          x={x(simTimeMs)}
          y={6}
          width={x(horizonMs) - x(simTimeMs)}
          height={8}
        />
      )}
      {windows.map((w) => (
        <rect
          key={`${w.label}@${w.startMs}`}
          className={`fault-window window-${w.kind}`}
          x={x(w.startMs)}
          y={0}
          width={Math.max(2, x(w.endMs ?? horizonMs) - x(w.startMs))}
          height={20}
        >
          <title>{w.label}</title>
        </rect>
      ))}
      {markers.map((m) => (
        <line
          key={`${m.kind}@${m.eventIndex}`}
          className={MARK_CLASS[m.kind]}
          x1={x(m.atMs)}
          x2={x(m.atMs)}
          y1={m.kind === 'fault' || m.kind === 'violation' ? 0 : 5}
          y2={m.kind === 'fault' || m.kind === 'violation' ? 20 : 15}
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  )
}
