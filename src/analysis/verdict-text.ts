/**
 * The verdict (verdict.ts) in English sentences, shared by the dashboard's review and the
 * Markdown so that what CI archives reads exactly as the screen does. Kafka's identifiers (error
 * codes, config keys) stay as Kafka prints them.
 */
import type { FailureKind } from './survivability'
import { plural } from './plural'
import type { ClassVerdict, ClientImpact, Verdict, WorstCase } from './verdict'
import { displayText } from '../scenario/safe-text'

export const CLASS_LABELS: Record<FailureKind, string> = {
  broker: 'Any single broker',
  zone: 'Any single zone',
  brokers: 'Any two brokers',
  'zone+broker': 'A zone plus one more broker',
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`
}

function latency(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : seconds(ms)
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`
}

function topicText(t: WorstCase['topics'][number]): string {
  const parts: string[] = []
  if (t.offline > 0) parts.push(`${t.offline} of ${t.partitions} offline`)
  if (t.unwritable > 0) parts.push(`${t.unwritable} of ${t.partitions} unwritable`)
  return `${t.topic} ${parts.join(', ')}`
}

/** "use1-az1: 0 offline, 2 unwritable for acks=all (orders 2 of 12 unwritable); control plane lost". */
export function worstText(w: WorstCase): string {
  const parts = [`${w.offline} offline`, `${w.unwritable} unwritable for acks=all`]
  if (w.uncleanRequired > 0) parts.push(`${w.uncleanRequired} needing an unclean election`)
  if (w.singleCopy > 0) parts.push(`${w.singleCopy} down to one copy`)
  let text = `${w.name}: ${parts.join(', ')}`
  if (w.topics.length > 0) {
    const more = w.moreTopics > 0 ? `, and ${plural(w.moreTopics, 'more topic')}` : ''
    text += ` (${w.topics.map(topicText).join('; ')}${more})`
  }
  if (w.controlPlaneLost) text += '; the controller quorum loses its majority'
  return text
}

/** "In a 60 s run of use1-az1, writes stalled up to 9.2 s; 0 records failed, …". */
export function clientsText(c: ClientImpact): string {
  const felt: string[] = []
  if (c.maxStallMs !== null) felt.push(`writes stalled up to ${seconds(c.maxStallMs)}`)
  if (c.notResumedPartitions > 0)
    felt.push(
      `no write was acknowledged again on ${c.notResumedPartitions} of ${plural(c.touchedPartitions, 'partition')} it touched`,
    )
  if (felt.length === 0) felt.push('no write waited on it')
  const errors = Object.entries(c.errors)
  const errorText =
    errors.length === 0 ? '' : `; errors ${errors.map(([code, n]) => `${code} ×${n}`).join(', ')}`
  const p99 = c.p99LatencyMs === null ? '' : `; producer p99 latency ${latency(c.p99LatencyMs)}`
  return (
    `In a ${seconds(c.windowMs)} run of ${c.failure}, ${felt.join(' and ')};` +
    ` ${plural(c.failedRecords, 'record')} failed, ${plural(c.retriedRecords, 'record retry', 'record retries')},` +
    ` ${c.lostAckedRecords} acknowledged ${c.lostAckedRecords === 1 ? 'record' : 'records'} lost${p99}${errorText}.`
  )
}

function capacityText(v: ClassVerdict): string | null {
  if (v.overloadedCases === null || v.worst === null) return null
  const peak = v.worst.peakUtilisation
  const busiest =
    peak === null
      ? ''
      : `; after ${v.worst.name} the busiest survivor runs at ${percent(peak)} of its limit`
  return v.overloadedCases === 0
    ? `Capacity: the survivors carry the load in every case${busiest}.`
    : `Capacity: ${v.overloadedCases} of ${plural(v.cases, 'case')} overload a surviving broker${busiest}.`
}

/**
 * The sentences of one failure class, in order: the counts and worst case, clients, capacity.
 * Zone and topic names in them are the user's, so `displayText` makes any invisible or
 * reordering character visible (the Markdown escapes the sentences further).
 */
export function classSentences(v: ClassVerdict): string[] {
  return sentencesOf(v).map(displayText)
}

function sentencesOf(v: ClassVerdict): string[] {
  const label = CLASS_LABELS[v.kind]
  if (v.cases === 0 || v.worst === null) return [`${label}: no such failure in this layout.`]
  const availability =
    v.availabilityLost === 0
      ? `no case loses availability`
      : `${v.availabilityLost} of ${plural(v.cases, 'case')} ${v.availabilityLost === 1 ? 'loses' : 'lose'} availability`
  const durability =
    v.durabilityAtRisk === 0
      ? ''
      : `; ${v.durabilityAtRisk} ${v.durabilityAtRisk === 1 ? 'leaves' : 'leave'} data at risk (one copy left or an unclean election needed)`
  const hurts = v.availabilityLost > 0 || v.durabilityAtRisk > 0
  const worst = hurts ? `; worst is ${worstText(v.worst)}` : ''
  const sentences = [`${label}: ${availability}${durability}${worst}.`]
  if (v.clients !== null) sentences.push(clientsText(v.clients))
  const capacity = capacityText(v)
  if (capacity !== null) sentences.push(capacity)
  return sentences
}

/** The verdict's closing note on the client figures, or null when they are there. */
export function clientsNote(v: Verdict): string | null {
  if (!v.hasProducers)
    return 'No producers in the scenario, so no client figures: add a workload to see what clients would feel.'
  if (!v.classes.some((c) => c.clients !== null)) return 'Client figures not run for this review.'
  return null
}

export type HeadlineTone = 'ok' | 'risk' | 'bad'

/**
 * One line over the whole verdict: which single failures the layout survives. A single broker or
 * zone that loses availability is an outage an AZ-level design must not have ("bad"); only data
 * at risk, or only double failures hurting, is a "risk".
 */
export function verdictHeadline(v: Verdict): { tone: HeadlineTone; text: string } {
  const of = (kind: FailureKind) => v.classes.find((c) => c.kind === kind)
  const broker = of('broker')
  const zone = of('zone')
  const failing = [broker, zone].filter(
    (c): c is ClassVerdict => c !== undefined && c.worst !== null && c.availabilityLost > 0,
  )
  if (failing.length > 0) {
    const first = failing[failing.length - 1]!
    const what = first.kind === 'zone' ? 'a single zone' : 'a single broker'
    return {
      tone: 'bad',
      text: displayText(`Does not survive ${what}: ${worstText(first.worst!)}.`),
    }
  }
  const doubles = v.classes.filter(
    (c) => (c.kind === 'brokers' || c.kind === 'zone+broker') && c.availabilityLost > 0,
  )
  const atRisk = v.classes.some(
    (c) => (c.kind === 'broker' || c.kind === 'zone') && c.durabilityAtRisk > 0,
  )
  const survives = `Survives any single broker${zone !== undefined && zone.cases > 0 ? ' and any single zone' : ''} without losing availability`
  if (doubles.length === 0 && !atRisk)
    return { tone: 'ok', text: `${survives}, and any two failures too.` }
  const second = doubles.map((c) => CLASS_LABELS[c.kind].toLowerCase()).join(' or ')
  return {
    tone: 'risk',
    text:
      `${survives}` +
      (atRisk ? ', though a single failure can leave data at risk' : '') +
      (doubles.length > 0 ? `; ${second} can cost availability.` : '.'),
  }
}
