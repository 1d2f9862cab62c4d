/**
 * Kafka's rate metrics (IsrShrinksPerSec, IsrExpandsPerSec, UncleanLeaderElectionsPerSec) are
 * Yammer meters (metrics-core 2.2.0, `KafkaMetricsGroup.newMeter`): a Count of every mark since the
 * meter was created and exponentially weighted rates that a tick thread updates every 5 s. This
 * models the Count and the OneMinuteRate on the simulated clock.
 *
 * Yammer's EWMA, as documented by metrics-core: each tick takes the marks since the last tick as
 * an instant rate (marks / 5 s); the first tick sets the rate to it, later ticks move the rate
 * towards it by alpha = 1 − e^(−5/60) (a one-minute time constant). The rate is reported per
 * second. Ticks fall on a fixed 5 s grid from the meter's creation and are applied lazily, before
 * a mark or a read, so when the engine reads a meter does not change what it reads.
 */

export const METER_TICK_MS = 5_000
/**
 * EWMA.oneMinuteEWMA's alpha, 1 − e^(−5 s / 60 s), written out: `Math.exp` may differ in the last
 * bit between JavaScript engines, and the engine must give the same bytes everywhere.
 */
export const ONE_MINUTE_ALPHA = 0.07995558537067671

export interface MeterState {
  /** Simulated time the meter was created; ticks fall at createdAtMs + k · 5 s. */
  createdAtMs: number
  ticks: number
  count: number
  /** Marks since the last tick. */
  uncounted: number
  /** Events per second; meaningful once initialized. */
  oneMinuteRate: number
  initialized: boolean
}

/** What a meter reports, with the attribute names of Kafka's JMX MBeans. */
export interface MeterReading {
  Count: number
  OneMinuteRate: number
}

export function newMeter(createdAtMs: number): MeterState {
  return {
    createdAtMs,
    ticks: 0,
    count: 0,
    uncounted: 0,
    oneMinuteRate: 0,
    initialized: false,
  }
}

function tick(meter: MeterState): void {
  const instantRate = meter.uncounted / (METER_TICK_MS / 1000)
  meter.uncounted = 0
  if (meter.initialized)
    meter.oneMinuteRate += ONE_MINUTE_ALPHA * (instantRate - meter.oneMinuteRate)
  else {
    meter.oneMinuteRate = instantRate
    meter.initialized = true
  }
}

/** Applies every tick due by `nowMs` (a tick at exactly `nowMs` runs before a mark at `nowMs`). */
function tickUpTo(meter: MeterState, nowMs: number): void {
  const due = Math.floor((nowMs - meter.createdAtMs) / METER_TICK_MS)
  while (meter.ticks < due) {
    tick(meter)
    meter.ticks += 1
  }
}

export function markMeter(meter: MeterState, nowMs: number, n = 1): void {
  tickUpTo(meter, nowMs)
  meter.count += n
  meter.uncounted += n
}

export function readMeter(meter: MeterState, nowMs: number): MeterReading {
  tickUpTo(meter, nowMs)
  return { Count: meter.count, OneMinuteRate: meter.oneMinuteRate }
}
