/**
 * What the timeline's track spans, and the rolling-restart window as the run has lived it. Pure,
 * shared by the scrubber (`TimelineScrubber`, `TimelineMarks`) and the incident lane so their
 * marks line up on one time axis.
 */
import type { TimedFault } from '../engine/spec'
import type { SimEvent } from '../engine/types'
import { formatSimTime } from '../scenario/sim-time'
import type { FaultWindow } from '../store/selectors'
import { timelineExtent } from '../store/selectors'

/**
 * The track's length: the whole scenario (`durationMs`, so a 180 s scenario reads 03:00 and its
 * scripted faults are in place from the start), or longer once the run goes past it.
 *
 * @example
 * timelineScaleMs(0, 0, 180_000) // 180_000
 * timelineScaleMs(200_000, 200_000, 180_000) // 240_000
 */
export function timelineScaleMs(horizonMs: number, simTimeMs: number, durationMs: number): number {
  return Math.max(timelineExtent(horizonMs, simTimeMs), Math.max(0, Math.floor(durationMs)))
}

export interface RestartProgress {
  /** The broker being restarted now, or null when none is (not begun, or finished). */
  broker: number | null
  /** Its place in the restart, 1-based, and how many brokers the restart covers. */
  index: number
  total: number
  /** When the last broker reported `done`, or null while the restart runs. */
  endMs: number | null
}

/**
 * A rolling restart's progress from its `RollingRestartStep` events (stop, start, done per
 * broker, as MSK restarts brokers one at a time). `nextAtMs` bounds the events to this restart
 * when another one follows it.
 */
export function restartProgress(
  fault: TimedFault,
  events: readonly SimEvent[],
  brokerCount: number,
  nextAtMs: number | null = null,
): RestartProgress {
  const total =
    fault.type === 'rollingRestart' && fault.brokers !== undefined
      ? fault.brokers.length
      : brokerCount
  let broker: number | null = null
  let index = 0
  let done = 0
  let endMs: number | null = null
  for (const e of events) {
    if (e.atMs < fault.atMs || e.type !== 'RollingRestartStep') continue
    if (nextAtMs !== null && e.atMs >= nextAtMs) break
    if (e.step === 'stop') {
      broker = e.broker
      index += 1
    } else if (e.step === 'done') {
      done += 1
      broker = null
      if (done >= total) endMs = e.atMs
    }
  }
  return { broker, index, total, endMs }
}

/** A fault window, with a running rolling restart's progress ("broker 3 (3 of 6)"). */
export interface TimelineWindow extends FaultWindow {
  progress?: string
}

/**
 * The fault windows with each rolling restart's real end (its last broker done; open while it
 * runs) and, while it runs, its progress: "Rolling restart, broker 3 (3 of 6)".
 */
export function withRestartProgress(
  windows: readonly FaultWindow[],
  recording: readonly TimedFault[],
  events: readonly SimEvent[],
  brokerCount: number,
): TimelineWindow[] {
  const restarts = recording.filter((f) => f.type === 'rollingRestart')
  if (restarts.length === 0) return windows.slice()
  return windows.map((w) => {
    if (w.kind !== 'admin' || w.label !== 'Rolling restart') return w
    const k = restarts.findIndex((f) => f.atMs === w.startMs)
    const fault = restarts[k]
    if (fault === undefined) return w
    const next = restarts[k + 1]?.atMs ?? null
    const progress = restartProgress(fault, events, brokerCount, next)
    if (progress.endMs !== null) return { ...w, endMs: progress.endMs }
    if (progress.broker === null) return { ...w, endMs: null }
    const step = `broker ${progress.broker} (${progress.index} of ${progress.total})`
    return { ...w, endMs: null, label: `${w.label}, ${step}`, progress: step }
  })
}

/** "Broker 1 down 00:20.000–00:45.000", "Rolling restart, broker 2 (2 of 3) 00:10.000–ongoing". */
export function windowTitle(w: FaultWindow): string {
  const end = w.endMs === null ? 'ongoing' : formatSimTime(w.endMs)
  return `${w.label} ${formatSimTime(w.startMs)}–${end}`
}
