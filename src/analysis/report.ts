/**
 * The analysis report: the survivability matrix plus the advisor's findings, as data (`analyze`,
 * stable key order, JSON-ready) and as a Markdown design-review document (`analysisToMarkdown`).
 * A finding's sentence and its fix's label come from `renderFinding` and `renderFixLabel`.
 */
import type { SimulationSpec } from '../engine/spec'
import { uncleanElectionEnabled } from '../engine/spec'
import type { Finding } from './advisor'
import { advise } from './advisor'
import type { BrokerCapacityReport, CapacityReport } from './capacity'
import { capacityReport } from './capacity'
import { RESOURCE_LABELS } from '../engine/capacity/model'
import { renderFinding, renderFixLabel } from './finding-messages'
import { plural } from './plural'
import { leaderMinIsr } from './version'
import type { FailureOutcome } from './survivability'
import { survivabilityMatrix, zonesOf } from './survivability'
import { compareSeverity, verdict, type Verdict, type VerdictOptions } from './verdict'
import { classSentences, clientsNote, verdictHeadline } from './verdict-text'
import { markdownCodeCell, markdownParagraphs, markdownText } from '../scenario/safe-text'

export interface AnalysisReport {
  version: 1
  assumption: string
  failures: FailureOutcome[]
  advice: Finding[]
  /**
   * Per failure class: cases losing availability or putting data at risk, the worst case and its
   * topics, capacity, and what clients saw in a run of it (verdict.ts).
   */
  verdict: Verdict
  /** Per-broker load and utilisation (docs/capacity.md); null when no broker type is set. */
  capacity: CapacityReport | null
}

/** When there are more pair and zone-plus-broker rows than this, the Markdown shows only the worst. */
export const MARKDOWN_COMBINED_ROWS_MAX = 40
/** How many of the worst pair and zone-plus-broker rows a long Markdown matrix shows. */
export const MARKDOWN_WORST_ROWS = 20

/**
 * Runs the survivability matrix, the advisor and the verdict. The verdict's client runs (one
 * engine run per failure class, seconds on a large cluster) happen only when asked for
 * (`clientRuns: true`): the CLI asks, the dashboard runs them in a worker.
 *
 * @example
 * const report = analyze(spec, { clientRuns: true })
 * writeFileSync('analysis.json', JSON.stringify(report, null, 2))
 */
export function analyze(spec: SimulationSpec, options: VerdictOptions = {}): AnalysisReport {
  const { assumption, failures } = survivabilityMatrix(spec)
  return {
    version: 1,
    assumption,
    failures,
    advice: advise(spec),
    verdict: verdict(spec, failures, { ...options, clientRuns: options.clientRuns === true }),
    capacity: capacityReport(spec, failures),
  }
}

/**
 * A Markdown design-review document: layout, findings and the survivability matrix. Large
 * matrices show every single-broker and zone row plus the worst pair and zone-plus-broker rows.
 * Every piece of text goes through `markdownText` (or `markdownParagraphs`, `markdownCodeCell`),
 * whoever wrote it: names, zones and topics are the user's, and a sentence quotes them, so no
 * name or description can add a tag, a link, a heading or a table cell, or fake the verdict.
 */
export function analysisToMarkdown(report: AnalysisReport, spec: SimulationSpec): string {
  const lines = [
    `# Design review: ${markdownText(spec.name)}`,
    '',
    ...description(spec.description),
    ...verdictSection(report),
    '',
    ...layoutSection(spec),
    '',
    ...findingsSection(report.advice),
    '',
    ...survivabilitySection(report),
    ...capacitySection(report.capacity),
  ]
  return lines.join('\n') + '\n'
}

/** The description's paragraphs and a blank line, or nothing when it is empty. */
function description(text: string): string[] {
  const lines = markdownParagraphs(text)
  return lines.length === 0 ? [] : [...lines, '']
}

function layoutSection(spec: SimulationSpec): string[] {
  const { cluster } = spec
  const zones = zonesOf(spec)
  const brokersIn = (zone: string) =>
    cluster.brokers
      .filter((b) => b.zone === zone)
      .map((b) => b.id)
      .sort((a, b) => a - b)
  const controllersIn = (zone: string) =>
    cluster.controllers
      .filter((c) => c.zone === zone)
      .map((c) => c.id)
      .sort((a, b) => a - b)
  const placement = (ids: (zone: string) => number[]) =>
    zones
      .map((z) => `${markdownText(z)}: ${ids(z).length === 0 ? 'none' : ids(z).join(', ')}`)
      .join('; ')
  const controlPlane =
    cluster.controller === 'kraft'
      ? `KRaft controller quorum of ${plural(cluster.controllers.length, 'voter')} (${placement(controllersIn)})`
      : `ZooKeeper ensemble of ${plural(cluster.controllers.length, 'node')} (${placement(controllersIn)});` +
        ' the active controller is one of the brokers and fails over to another'
  const lines = [
    '## Layout',
    '',
    `- Zones: ${zones.length} (${zones.map(markdownText).join(', ')})`,
    `- Brokers: ${cluster.brokers.length} (${placement(brokersIn)})`,
    `- Control plane: ${controlPlane}`,
    `- Cluster defaults: min.insync.replicas=${cluster.config['min.insync.replicas']},` +
      ` unclean.leader.election.enable=${cluster.config['unclean.leader.election.enable']}`,
    '',
  ]
  if (spec.topics.length === 0) return [...lines, 'No topics.']
  lines.push(
    '| Topic | Partitions | RF | min.insync.replicas | Unclean election |',
    '| --- | --- | ---: | ---: | --- |',
  )
  for (const topic of spec.topics) {
    const configured = topic.config['min.insync.replicas'] ?? cluster.config['min.insync.replicas']
    const effective = leaderMinIsr(spec, topic)
    const minIsr =
      configured === effective ? `${effective}` : `${configured} (effective ${effective})`
    const unclean = uncleanElectionEnabled(topic, cluster.config) ? 'enabled' : 'disabled'
    lines.push(
      row([cell(topic.name), `${topic.partitions}`, `${topic.replicationFactor}`, minIsr, unclean]),
    )
  }
  return lines
}

function findingsSection(advice: Finding[]): string[] {
  if (advice.length === 0) return ['## Findings', '', 'No findings.']
  const count = (severity: string) => advice.filter((f) => f.severity === severity).length
  const counts = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`
  return [
    '## Findings',
    '',
    `${plural(advice.length, 'finding')}: ${counts}.`,
    '',
    '| Severity | Rule | Where | Finding | Suggested fix |',
    '| --- | --- | --- | --- | --- |',
    ...advice.map((f) =>
      row([
        f.severity,
        markdownCodeCell(f.id),
        markdownCodeCell(f.path),
        cell(renderFinding(f)),
        cell(f.fix === undefined ? '' : renderFixLabel(f.fix)),
      ]),
    ),
  ]
}

/** The review's verdict first: the headline, then each failure class's sentences. */
function verdictSection(report: AnalysisReport): string[] {
  const { verdict: v } = report
  const headline = verdictHeadline(v)
  const mark = headline.tone === 'ok' ? '✓' : headline.tone === 'risk' ? '▲' : '✖'
  const lines = ['## Verdict', '', `**${mark} ${markdownText(headline.text)}**`, '']
  for (const c of v.classes) {
    const [first, ...rest] = classSentences(c).map(markdownText)
    lines.push(`- ${first ?? ''}`, ...rest.map((sentence) => `  ${sentence}`))
  }
  const note = clientsNote(v)
  if (note !== null) lines.push('', `_${markdownText(note)}_`)
  return lines
}

function survivabilitySection(report: AnalysisReport): string[] {
  const { failures } = report
  const singles = failures.filter((f) => f.kind === 'broker' || f.kind === 'zone')
  const combined = failures.filter((f) => f.kind === 'brokers' || f.kind === 'zone+broker')
  const shown =
    combined.length <= MARKDOWN_COMBINED_ROWS_MAX
      ? combined
      : [...combined].sort(compareSeverity).slice(0, MARKDOWN_WORST_ROWS)
  const omitted = combined.length - shown.length
  const lines = [
    '## Survivability',
    '',
    `_Assumption: ${markdownText(report.assumption)}_`,
    '',
    ...(report.capacity === null ? [] : [capacitySummaryLine(failures), '']),
    ...failureHeader(report.capacity !== null),
    ...[...singles, ...shown].map((f) => failureRow(f, report.capacity !== null)),
  ]
  if (omitted > 0) {
    lines.push(
      '',
      `Showing every single-broker and zone row and the worst ${shown.length} of` +
        ` ${combined.length} broker-pair and zone-plus-broker rows; ${plural(omitted, 'row')} omitted.`,
    )
  }
  return lines
}

function failureHeader(capacity: boolean): string[] {
  const extra = capacity ? ' Busiest survivor | Overloaded brokers |' : ''
  const align = capacity ? ' ---: | ---: |' : ''
  return [
    `| Failure | Brokers down | Controllers down | Offline | Unwritable (acks=all) | Single copy | Need unclean election | Control plane |${extra}`,
    `| --- | --- | --- | ---: | ---: | ---: | ---: | --- |${align}`,
  ]
}

function failureRow(f: FailureOutcome, capacity: boolean): string {
  const cells = [
    cell(f.name),
    f.brokers.length === 0 ? 'none' : f.brokers.join(', '),
    f.controllers.length === 0 ? 'none' : f.controllers.join(', '),
    `${f.offlinePartitions}`,
    `${f.unwritablePartitions}`,
    `${f.singleCopyPartitions}`,
    `${f.uncleanElectionRequired}`,
    f.controlPlaneLost ? '**lost**' : 'ok',
  ]
  if (capacity) {
    const peak = f.peakBrokerUtilisation ?? 0
    cells.push(percent(peak) + (peak > 1 ? ' **over**' : ''), `${f.overloadedBrokers ?? 0}`)
  }
  return row(cells)
}

/** The capacity line of the survivability summary: the row whose busiest survivor is busiest. */
function capacitySummaryLine(failures: FailureOutcome[]): string {
  let worst: FailureOutcome | null = null
  for (const f of failures) {
    if (f.peakBrokerUtilisation === null) continue
    if (worst === null || f.peakBrokerUtilisation > worst.peakBrokerUtilisation!) worst = f
  }
  if (worst === null) return '- Capacity: no failure leaves a broker standing.'
  const over = failures.filter((f) => (f.overloadedBrokers ?? 0) > 0).length
  return (
    `- Capacity: ${over} of ${plural(failures.length, 'case')} ${over === 1 ? 'overloads' : 'overload'}` +
    ' a surviving broker; the busiest' +
    ` survivor is after ${markdownText(worst.name)} (${percent(worst.peakBrokerUtilisation!)} of its limit,` +
    ` ${plural(worst.overloadedBrokers ?? 0, 'broker')} over).`
  )
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`
}

function capacitySection(capacity: CapacityReport | null): string[] {
  if (capacity === null) return []
  const lines = [
    '',
    '## Capacity',
    '',
    `_Broker type ${markdownText(capacity.brokerType)}. Utilisation is each broker's largest load-to-limit` +
      ' ratio: network in and out against the baseline bandwidth, volume writes against the' +
      " volume's throughput, Express client traffic against AWS's sustained figures, and a CPU" +
      " estimate (AWS's rule: keep CPU under 60%). Derivation and sources: docs/capacity.md._",
    '',
  ]
  const worst = capacity.worstFailure
  const after = new Map(worst?.brokers.map((b) => [b.id, b]) ?? [])
  const header = worst === null ? '' : ` After ${cell(worst.name)} |`
  lines.push(
    `| Broker | Zone | Utilisation | Bound by | CPU (estimate) | Bytes in (MiB/s) | Bytes out (MiB/s) | Replication in/out (MiB/s) | Partitions |${header}`,
    `| ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |${worst === null ? '' : ' ---: |'}`,
  )
  for (const b of capacity.brokers) {
    const cells = [
      `${b.id}`,
      cell(b.zone),
      utilisationCell(b),
      cell(RESOURCE_LABELS[b.bound]),
      b.cpu === null ? 'n/a' : percent(b.cpu),
      mibps(b.metrics.BytesInPerSec),
      mibps(b.metrics.BytesOutPerSec),
      `${mibps(b.metrics.ReplicationBytesInPerSec)} / ${mibps(b.metrics.ReplicationBytesOutPerSec)}`,
      `${b.partitions}`,
    ]
    if (worst !== null) {
      const a = after.get(b.id)
      cells.push(a === undefined ? 'down' : utilisationCell(a))
    }
    lines.push(row(cells))
  }
  return lines
}

function utilisationCell(b: BrokerCapacityReport): string {
  return percent(b.utilisation) + (b.utilisation > 1 ? ' **over**' : '')
}

function mibps(bytesPerSec: number): string {
  return (bytesPerSec / 1048576).toFixed(1)
}

/** A table row of cells already escaped (`cell`, `markdownCodeCell`) or built of numbers. */
function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

/** A table cell of text: escaped so that it renders as the text and stays one cell. */
function cell(text: string): string {
  return markdownText(text)
}
