/**
 * The design-review report as Markdown: the static analysis (`analysisToMarkdown`: layout,
 * advisor findings, survivability matrix) followed by what the current simulation run showed,
 * and the share link that reopens the run at the same moment. Text from the scenario (client ids,
 * topics, zones in fault descriptions) goes through `markdownText`, as in the analysis, so it
 * renders as text and never as markup.
 */
import { describeFault } from '../analysis/fault-text'
import { plural } from '../analysis/plural'
import { analysisToMarkdown, analyze, type AnalysisReport } from '../analysis/index'
import type { SimulationSpec, TimedFault } from '../engine/spec'
import type { MetricsSample, ProducerView, SimEvent, Snapshot } from '../engine/types'
import { markdownAutolink, markdownText } from '../scenario/safe-text'
import { formatSimTime } from '../scenario/sim-time'
import { type ExportFile, fileStem } from './files'

export interface ReviewInput {
  /** The scenario as loaded (its configuration is what the analysis reviews). */
  spec: SimulationSpec
  /** The latest snapshot of the run, or null before the simulation has loaded. */
  snapshot: Snapshot | null
  metricsSeries: readonly MetricsSample[]
  /** Every fault of the run so far: the scenario's script plus injections. */
  faults: readonly TimedFault[]
  events: readonly SimEvent[]
  /** A link that reopens the run (empty when there is none). */
  shareUrl: string
  /** The analysis, when the caller has it already (else computed). */
  analysis?: AnalysisReport
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** A table cell of text: escaped so that it renders as the text and stays one cell. */
function cell(text: string): string {
  return markdownText(text)
}

function acksText(acks: number): string {
  return acks === -1 ? 'all' : String(acks)
}

function errorsText(producer: ProducerView): string {
  const entries = Object.entries(producer.errors)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a.localeCompare(b))
  return entries.length === 0 ? 'none' : entries.map(([e, n]) => `${e} ×${n}`).join(', ')
}

function peak(series: readonly MetricsSample[], value: (s: MetricsSample) => number): number {
  return series.reduce((max, sample) => Math.max(max, value(sample)), 0)
}

function faultLines(faults: readonly TimedFault[], nowMs: number): string[] {
  const past = faults.filter((f) => f.atMs <= nowMs)
  if (past.length === 0) return ['- Faults so far: none.']
  return [
    `- Faults so far (${past.length}):`,
    ...past.map(
      (f) => `  - ${formatSimTime(f.atMs)} ${markdownText(`${f.type} (${describeFault(f)})`)}`,
    ),
  ]
}

function producerTable(snapshot: Snapshot): string[] {
  const producers = snapshot.clients.filter((c): c is ProducerView => c.kind === 'producer')
  if (producers.length === 0) return ['No producers.']
  return [
    '| Producer | Topic | acks | Sent | Acknowledged | Failed | Errors | Lost acknowledged |',
    '| --- | --- | --- | ---: | ---: | ---: | --- | ---: |',
    ...producers.map(
      (p) =>
        `| ${cell(p.id)} | ${cell(p.topic)} | ${acksText(p.acks)} | ${p.sent} | ${p.acked} | ` +
        `${p.failed} | ${cell(errorsText(p))} | ${p.lostAcked} |`,
    ),
  ]
}

/** The "Outcome of the current run" section on its own (also used by tests). */
export function runOutcomeMarkdown(input: Omit<ReviewInput, 'analysis'>): string[] {
  const { snapshot, metricsSeries, faults, events } = input
  if (snapshot === null) return ['## Outcome of the current run', '', 'The run has not started.']
  const m = snapshot.metrics
  const total = snapshot.partitions.length
  const led = snapshot.partitions.filter((p) => p.leader !== -1).length
  const unclean = events.filter((e) => e.type === 'LeaderElected' && e.unclean).length
  const lines = [
    '## Outcome of the current run',
    '',
    `Simulated time ${formatSimTime(snapshot.nowMs)} (seed ${snapshot.seed}, ${snapshot.mode === 'kraft' ? 'KRaft' : 'ZooKeeper'} mode).`,
    '',
    ...faultLines(faults, snapshot.nowMs),
    `- Partitions now: ${led} of ${total} ${led === 1 ? 'has' : 'have'} a leader;` +
      ` OfflinePartitionsCount ${m.OfflinePartitionsCount},` +
      ` UnderMinIsrPartitionCount ${m.UnderMinIsrPartitionCount},` +
      ` UnderReplicatedPartitions ${m.UnderReplicatedPartitions}, ActiveControllerCount ${m.ActiveControllerCount}.`,
    `- Peaks so far: OfflinePartitionsCount ${peak(metricsSeries, (s) => s.OfflinePartitionsCount)},` +
      ` UnderMinIsrPartitionCount ${peak(metricsSeries, (s) => s.UnderMinIsrPartitionCount)},` +
      ` UnderReplicatedPartitions ${peak(metricsSeries, (s) => s.UnderReplicatedPartitions)}.`,
    `- Availability: partitions spent ${seconds(snapshot.availability.offlinePartitionMs)} offline` +
      ` and ${seconds(snapshot.availability.unwritablePartitionMs)} unwritable for acks=all` +
      ' (summed over partitions).',
    `- Durability: ${plural(snapshot.durability.ackedRecords, 'record')} acknowledged,` +
      ` ${snapshot.durability.lostAckedRecords} lost,` +
      ` ${snapshot.durability.unavailableAckedRecords} unavailable right now.`,
    `- Unclean leader elections: ${unclean}.`,
    '',
    ...producerTable(snapshot),
  ]
  return lines
}

/**
 * @example
 * const md = reviewMarkdown({ spec, snapshot, metricsSeries, faults, events, shareUrl })
 */
export function reviewMarkdown(input: ReviewInput): string {
  const analysis = input.analysis ?? analyze(input.spec)
  const link =
    input.shareUrl === ''
      ? []
      : [
          '## Share link',
          '',
          `Reopen this run at the same moment: ${markdownAutolink(input.shareUrl)}`,
          '',
        ]
  return [
    analysisToMarkdown(analysis, input.spec).trimEnd(),
    '',
    ...runOutcomeMarkdown(input),
    '',
    ...link,
  ]
    .join('\n')
    .replace(/\n*$/, '\n')
}

export function reviewMarkdownFile(input: ReviewInput): ExportFile {
  return {
    name: `${fileStem(input.spec.name)}-review.md`,
    mime: 'text/markdown',
    data: reviewMarkdown(input),
  }
}
