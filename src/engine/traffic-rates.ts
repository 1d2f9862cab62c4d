/**
 * Traffic rates: for clusters too large to draw each message (traffic.ts draws at most
 * TRAFFIC_MAX_BROKERS brokers), the dashboard shows what flows instead — records produced to each
 * broker and records it replicates to its followers, per second of simulated time, and the records
 * that cross from one zone to another. Kafka reports the same as the broker metrics
 * `MessagesInPerSec` (kafka.server:type=BrokerTopicMetrics, records appended as leader) and, in
 * bytes, `ReplicationBytesOutPerSec`; here they are counted in records, since the engine's records
 * carry no size without a broker type (capacity adds bytes, docs/capacity.md).
 *
 * Counted as each message is delivered (simulation.ts, only when the dashboard asked for traffic):
 * a produce request when it reaches its leader, a follower's fetch response when it reaches the
 * follower. The counts go into one-second windows of simulated time; the snapshot reports the
 * last complete window, so the figures are steady between frames and do not depend on how often
 * the view samples. It reads the simulation's state and writes only its own counters.
 */
import type { Ctx } from './context'
import { EV } from './state'
import type { ProduceRequestState } from './state'
import type { TrafficRates } from './types'

/** The window the rates are counted over, ms of simulated time. */
export const RATE_WINDOW_MS = 1000

/** Per broker: records produced to it, produce requests, records replicated out and in. */
const FIELDS = 4
const PRODUCED = 0
const REQUESTS = 1
const REPLICATED_OUT = 2
const REPLICATED_IN = 3

/** The counters, kept in the run state (state.ts `trafficRates`). */
export interface RateCounters {
  /** The window being counted: floor(atMs / RATE_WINDOW_MS). */
  window: number
  current: Float64Array
  /** The last complete window's counts, and its number (-1 before the first). */
  previous: Float64Array
  previousWindow: number
  /** Cross-zone replication records, [fromZone * zones + toZone]. */
  currentZones: Float64Array
  previousZones: Float64Array
}

function countersOf(ctx: Ctx): RateCounters {
  const existing = ctx.s.trafficRates
  if (existing !== undefined) return existing
  const brokers = ctx.s.brokers.length
  const zones = ctx.spec.cluster.zones.length
  const created: RateCounters = {
    window: 0,
    current: new Float64Array(brokers * FIELDS),
    previous: new Float64Array(brokers * FIELDS),
    previousWindow: -1,
    currentZones: new Float64Array(zones * zones),
    previousZones: new Float64Array(zones * zones),
  }
  ctx.s.trafficRates = created
  return created
}

/** Moves the counters on to the window holding `atMs`. */
function roll(counters: RateCounters, atMs: number): void {
  const window = Math.floor(atMs / RATE_WINDOW_MS)
  if (window === counters.window) return
  if (window === counters.window + 1) {
    counters.previous.set(counters.current)
    counters.previousZones.set(counters.currentZones)
  } else {
    // A quiet second or more in between: the last complete window counted nothing.
    counters.previous.fill(0)
    counters.previousZones.fill(0)
  }
  counters.previousWindow = window - 1
  counters.current.fill(0)
  counters.currentZones.fill(0)
  counters.window = window
}

function openRequest(ctx: Ctx, a: number, b: number, c: number): ProduceRequestState | null {
  const r = ctx.s.producers[a]?.inFlight[c]
  return r !== null && r !== undefined && r.id === b && !r.closed ? r : null
}

/**
 * A message event is about to be handled: count it. Only produce requests reaching their leader
 * and fetch responses reaching their follower count; a stale one (a request its producer gave up,
 * a fetch round that was reset) is ignored by the engine on arrival and here too.
 */
export function countDelivery(
  ctx: Ctx,
  kind: number,
  a: number,
  b: number,
  c: number,
  atMs: number,
): void {
  if (kind !== EV.produceArrive && kind !== EV.fetchResponse) return
  const counters = countersOf(ctx)
  roll(counters, atMs)
  if (kind === EV.produceArrive) {
    const request = openRequest(ctx, a, b, c)
    if (request === null) return
    let records = 0
    for (const part of request.parts)
      for (const batch of part.batches) if (!batch.expired) records += batch.records
    const base = request.brokerIndex * FIELDS
    counters.current[base + PRODUCED] = (counters.current[base + PRODUCED] ?? 0) + records
    counters.current[base + REQUESTS] = (counters.current[base + REQUESTS] ?? 0) + 1
    return
  }
  const pair = ctx.s.pairs[a]
  if (pair === null || pair === undefined || pair.gen !== b) return
  let records = 0
  for (let e = pair.responseHead; e !== null; e = e.next)
    for (let k = 0; k < e.batchCount; k++) records += e.batches[k]?.count ?? 0
  if (records === 0) return
  const out = pair.leaderIndex * FIELDS + REPLICATED_OUT
  const into = pair.followerIndex * FIELDS + REPLICATED_IN
  counters.current[out] = (counters.current[out] ?? 0) + records
  counters.current[into] = (counters.current[into] ?? 0) + records
  const from = ctx.s.brokers[pair.leaderIndex]?.zone ?? 0
  const to = ctx.s.brokers[pair.followerIndex]?.zone ?? 0
  if (from !== to) {
    const cell = from * ctx.spec.cluster.zones.length + to
    counters.currentZones[cell] = (counters.currentZones[cell] ?? 0) + records
  }
}

/**
 * The rates of the last complete second of simulated time, or null when the simulation was not
 * asked for traffic (SimulationOptions.traffic).
 *
 * @example
 * const rates = trafficRates(ctx)
 * rates?.brokers[0] // { broker: 1, producedPerSec: 200, produceRequestsPerSec: 40, … }
 */
export function trafficRates(ctx: Ctx): TrafficRates | null {
  if (!ctx.traffic) return null
  const counters = countersOf(ctx)
  // The last complete window is the one before `nowMs`'s: `current` while nothing has been
  // delivered since it ended, `previous` once the next window has begun, zeros after a quiet spell.
  const last = Math.floor(ctx.s.nowMs / RATE_WINDOW_MS) - 1
  const source =
    counters.window === last
      ? { brokers: counters.current, zones: counters.currentZones }
      : counters.previousWindow === last
        ? { brokers: counters.previous, zones: counters.previousZones }
        : null
  const perSec = 1000 / RATE_WINDOW_MS
  const at = (array: Float64Array | undefined, i: number) => (array?.[i] ?? 0) * perSec
  const zoneNames = ctx.spec.cluster.zones
  const crossZone: TrafficRates['crossZone'] = []
  for (let f = 0; f < zoneNames.length; f++)
    for (let t = 0; t < zoneNames.length; t++) {
      const recordsPerSec = at(source?.zones, f * zoneNames.length + t)
      if (f !== t && recordsPerSec > 0)
        crossZone.push({ from: zoneNames[f] ?? '', to: zoneNames[t] ?? '', recordsPerSec })
    }
  return {
    windowMs: RATE_WINDOW_MS,
    windowEndMs: (last + 1) * RATE_WINDOW_MS,
    brokers: ctx.s.brokers.map((broker, i) => ({
      broker: broker.id,
      producedPerSec: at(source?.brokers, i * FIELDS + PRODUCED),
      produceRequestsPerSec: at(source?.brokers, i * FIELDS + REQUESTS),
      replicatedOutPerSec: at(source?.brokers, i * FIELDS + REPLICATED_OUT),
      replicatedInPerSec: at(source?.brokers, i * FIELDS + REPLICATED_IN),
    })),
    crossZone,
  }
}
