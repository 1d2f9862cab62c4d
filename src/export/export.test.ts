/**
 * The pure exporters, checked on a real run of the MSK-recommended layout with one zone stopped:
 * the scenario JSON reads back through the scenario reader, the CSV has a header and one row per
 * sample with per-broker LeaderCount columns, and the Markdown review carries the analysis, the
 * run's outcome and the share link. File stems and the embed flag are table-driven.
 */
import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/index'
import { buildSpec, recommendedSpec } from '../analysis/test-helpers'
import { createSimulation } from '../engine/index'
import type { SimulationSpec } from '../engine/spec'
import { parseScenario } from '../scenario/index'
import { embedUrl, isEmbedMode } from './embed'
import { fileStem } from './files'
import { metricsCsvFile, metricsToCsv, METRIC_COLUMNS } from './metrics-csv'
import { reviewMarkdown, runOutcomeMarkdown } from './review-markdown'
import { scenarioJsonFile } from './scenario-json'

function zoneLossRun(runMs = 40_000) {
  const spec: SimulationSpec = {
    ...recommendedSpec(),
    name: 'Zone loss: 3 AZs × 2',
    faults: [{ atMs: 10_000, type: 'stopZone', zone: 'use1-az1' }],
  }
  const sim = createSimulation(spec)
  sim.runUntil(runMs)
  return { spec, sim }
}

describe('fileStem', () => {
  it.each([
    ['Default: 3 AZs × 2 brokers, RF 3', 'default-3-azs-2-brokers-rf-3'],
    ['  ', 'scenario'],
    ['Ünïcode naïve', 'unicode-naive'],
    ['x'.repeat(80), 'x'.repeat(60)],
  ])('%j → %j', (name, stem) => {
    expect(fileStem(name)).toBe(stem)
  })
})

describe('scenarioJsonFile', () => {
  it('writes a scenario the reader accepts, with the same spec', () => {
    const { spec } = zoneLossRun(0)
    const file = scenarioJsonFile(spec)
    expect(file.name).toBe('zone-loss-3-azs-2.json')
    expect(file.mime).toBe('application/json')
    const parsed = parseScenario(file.data as string)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(parsed.spec).toEqual(spec)
  })
})

describe('metricsToCsv', () => {
  it('has a header row and one row per sample, LeaderCount per broker', () => {
    const { sim } = zoneLossRun()
    const series = sim.metricsSeries()
    const lines = metricsToCsv(series).trimEnd().split('\n')
    expect(lines).toHaveLength(series.length + 1)
    const header = lines[0]!.split(',')
    const names = METRIC_COLUMNS.map((c) => c.name)
    expect(header.slice(0, names.length + 1)).toEqual(['atMs', ...names])
    // A meter is two columns named by its MBean attributes.
    expect(header).toContain('IsrShrinksPerSec.Count')
    expect(header).toContain('IsrShrinksPerSec.OneMinuteRate')
    expect(header.slice(-6)).toEqual([1, 2, 3, 4, 5, 6].map((b) => `LeaderCount.broker${b}`))
    for (const line of lines) expect(line.split(',')).toHaveLength(header.length)
    // After the zone stop, brokers 1 and 4 (use1-az1) lead nothing.
    const last = lines.at(-1)!.split(',')
    expect(last[header.indexOf('LeaderCount.broker1')]).toBe('0')
    expect(last[header.indexOf('LeaderCount.broker4')]).toBe('0')
    expect(Number(last[0])).toBe(series.at(-1)!.atMs)
    const count = header.indexOf('UncleanLeaderElectionsPerSec.Count')
    expect(last[count]).toBe(String(series.at(-1)!.UncleanLeaderElectionsPerSec.Count))
  })

  it('writes 0 for a broker missing from a sample and nothing for a non-finite value', () => {
    const base = zoneLossRun(1000).sim.metricsSeries()[0]!
    const csv = metricsToCsv([
      { ...base, atMs: 0, LeaderCount: { '1': 2 } },
      { ...base, atMs: 1000, LeaderCount: { '2': 1 }, consumerLag: Number.NaN },
    ])
    const [header, first, second] = csv
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','))
    expect(header!.slice(-2)).toEqual(['LeaderCount.broker1', 'LeaderCount.broker2'])
    expect(first!.slice(-2)).toEqual(['2', '0'])
    expect(second!.slice(-2)).toEqual(['0', '1'])
    expect(second![header!.indexOf('consumerLag')]).toBe('')
  })

  it('names the file after the scenario', () => {
    expect(metricsCsvFile('RF 1', []).name).toBe('rf-1-metrics.csv')
    expect(metricsToCsv([])).toBe(`atMs,${METRIC_COLUMNS.map((c) => c.name).join(',')}\n`)
  })
})

describe('reviewMarkdown', () => {
  it('joins the analysis, the run outcome and the share link', () => {
    const { spec, sim } = zoneLossRun()
    const md = reviewMarkdown({
      spec,
      snapshot: sim.snapshot(),
      metricsSeries: sim.metricsSeries(),
      faults: sim.faults(),
      events: sim.events(),
      shareUrl: 'https://lab.example/#scenario=abc&t=40000',
    })
    expect(md).toMatch(/^# Design review: Zone loss/)
    expect(md).toContain('## Findings')
    expect(md).toContain('## Survivability')
    expect(md).toContain('## Outcome of the current run')
    expect(md).toContain('Simulated time 00:40.000 (seed 1, KRaft mode).')
    expect(md).toContain('  - 00:10.000 stopZone (zone use1-az1)')
    expect(md).toMatch(/- Durability: \d+ records acknowledged, 0 lost, 0 unavailable right now\./)
    expect(md).toContain('| checkout | orders | all |')
    expect(md).toContain('<https://lab.example/#scenario=abc&t=40000>')
    expect(md.endsWith('>\n')).toBe(true)
    // Sections come in order.
    const order = ['## Layout', '## Findings', '## Survivability', '## Outcome', '## Share link']
    const positions = order.map((heading) => md.indexOf(heading))
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('says when the run has not started and omits an empty share link', () => {
    const { spec } = zoneLossRun(0)
    const input = { spec, snapshot: null, metricsSeries: [], faults: [], events: [], shareUrl: '' }
    expect(runOutcomeMarkdown(input)).toEqual([
      '## Outcome of the current run',
      '',
      'The run has not started.',
    ])
    expect(reviewMarkdown(input)).not.toContain('## Share link')
  })
})

describe('reviewMarkdown counts', () => {
  // A count of one takes the singular noun (and verb); any other count the plural.
  function oneOfEach() {
    const { sim } = zoneLossRun(1000)
    // One broker, one controller, one topic with one partition of RF 1: the advisor flags it.
    const single = buildSpec({
      zones: ['use1-az1'],
      topics: [{ name: 'orders', partitions: 1, replicationFactor: 1, config: {} }],
    })
    const full = analyze(single)
    const analysis = {
      ...full,
      advice: full.advice.filter((f) => f.severity === 'error').slice(0, 1),
    }
    const snapshot = sim.snapshot()
    return {
      spec: single,
      analysis,
      snapshot: {
        ...snapshot,
        partitions: snapshot.partitions.slice(0, 1),
        durability: { ...snapshot.durability, ackedRecords: 1 },
      },
    }
  }

  it('writes "1 finding", "1 error", "1 record", "1 voter" and "1 of 1 case loses"', () => {
    const { spec, analysis, snapshot } = oneOfEach()
    expect(analysis.advice).toHaveLength(1)
    const md = reviewMarkdown({
      spec,
      analysis,
      snapshot,
      metricsSeries: [],
      faults: [],
      events: [],
      shareUrl: '',
    })
    expect(md).toContain('1 finding: 1 error, 0 warnings, 0 info.')
    expect(md).not.toMatch(/\b1 (findings|errors|warnings|records|voters|cases|partitions)\b/)
    expect(md).toContain('KRaft controller quorum of 1 voter (use1-az1: 1001)')
    expect(md).toMatch(/- Any single broker: 1 of 1 case loses availability;/)
    expect(md).toMatch(/- Partitions now: [01] of 1 (has|have) a leader;/)
    expect(md).toContain('- Durability: 1 record acknowledged, 0 lost, 0 unavailable right now.')
  })

  it('keeps the plural for other counts', () => {
    const { spec, sim } = zoneLossRun()
    const md = reviewMarkdown({
      spec,
      snapshot: sim.snapshot(),
      metricsSeries: sim.metricsSeries(),
      faults: sim.faults(),
      events: sim.events(),
      shareUrl: '',
    })
    expect(md).toContain('KRaft controller quorum of 3 voters')
    expect(md).toMatch(/- Partitions now: \d+ of 6 have a leader;/)
  })
})

describe('isEmbedMode', () => {
  it.each([
    [{ search: '?embed=1', hash: '' }, true],
    [{ search: '', hash: '#scenario=abc&seed=1&t=0&embed=1' }, true],
    [{ search: '?x=2&embed=true', hash: '' }, true],
    [{ search: '?embed=0', hash: '' }, false],
    [{ search: '?embedded=1', hash: '' }, false],
    [{ search: '', hash: '' }, false],
    [{ search: '', hash: '#embed' }, false],
  ])('%j → %s', (location, expected) => {
    expect(isEmbedMode(location)).toBe(expected)
  })

  it('builds an embed link that keeps the hash', () => {
    expect(embedUrl('https://lab.example/app/?a=1#scenario=x&t=5')).toBe(
      'https://lab.example/app/?a=1&embed=1#scenario=x&t=5',
    )
  })
})
