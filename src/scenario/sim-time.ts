/**
 * Simulated time as text, the one format every view, export and notice uses: `mm:ss.mmm`, with
 * minutes that keep counting past 59 (75:00.000) so a run never wraps at the hour. It lives in
 * the scenario layer, the lowest one that the store, the UI and the exporters may all import
 * (docs/architecture.md, "Layers"); scenario times (`atMs`, `durationMs`) are what it formats.
 *
 * @example
 * formatSimTime(61_005) // '01:01.005'
 * formatSimTime(61_005, { milliseconds: false }) // '01:01'
 */

export interface SimTimeFormat {
  /** Append `.mmm` (default true); false gives `mm:ss`, as the timeline's length label shows it. */
  milliseconds?: boolean
}

/** Negative times read as 0 and fractions of a millisecond are dropped. */
export function formatSimTime(ms: number, format: SimTimeFormat = {}): string {
  const whole = Math.max(0, Math.floor(ms))
  const minutes = String(Math.floor(whole / 60_000)).padStart(2, '0')
  const seconds = String(Math.floor((whole % 60_000) / 1000)).padStart(2, '0')
  if (format.milliseconds === false) return `${minutes}:${seconds}`
  return `${minutes}:${seconds}.${String(whole % 1000).padStart(3, '0')}`
}
