/**
 * The file → scenario path of "Open scenario file…", without a page: real scenario text through
 * the real reader (`parseScenario`, the CLI's), then `scenarioOutcome`, which must print each
 * problem as the CLI does (`file: path: message`, JSON syntax at `line N, column M`), refuse
 * clusters too large for a tab, and pass warnings on. Also the display cap, the paste detection
 * and which changes count as unsaved.
 */
import { describe, expect, it } from 'vitest'
import { parseScenario } from '../../scenario/validate'
import type { TimedFault } from '../../engine/spec'
import {
  MAX_SCENARIO_FILE_BYTES,
  PROBLEMS_SHOWN,
  capLines,
  fileSizeLine,
  looksLikeScenarioFile,
  openedMessage,
  scenarioOutcome,
  unsavedChanges,
} from './scenario-file'

const valid = JSON.stringify({
  version: 1,
  name: 'Three brokers',
  cluster: { zones: ['use1-az1', 'use1-az2', 'use1-az3'], brokersPerZone: 1 },
  topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
})

const open = (file: string, text: string) => scenarioOutcome(file, parseScenario(text))

describe('scenarioOutcome', () => {
  it('gives the spec of a valid file', () => {
    const outcome = open('three.json', valid)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.spec.name).toBe('Three brokers')
    expect(outcome.spec.cluster.brokers.map((b) => b.id)).toEqual([1, 2, 3])
    expect(outcome.spec.topics[0]?.assignment).toHaveLength(3)
    expect(outcome.warnings).toEqual([])
  })

  it('names the line and column of a JSON syntax error, after the file name', () => {
    const text = [
      '{',
      '  "version": 1,',
      '  "name": "x",',
      '  "cluster": { "zones": ["a"], "brokersPerZone": 3 },',
      '  "topics": [{ "name": "t", "partitions": -1, }]',
      '}',
    ].join('\n')
    expect(open('bad.json', text)).toEqual({
      ok: false,
      lines: ['bad.json: line 5, column 47: trailing comma before "}" (JSON does not allow it)'],
    })
  })

  it('names the JSON path of every schema problem, with Kafka words where Kafka has them', () => {
    const text = JSON.stringify({
      version: 1,
      name: 'x',
      cluster: { zones: ['a'], brokersPerZone: 3 },
      topics: [{ name: 't', partitions: -1, replicationFactor: 9 }],
    })
    expect(open('bad.json', text)).toEqual({
      ok: false,
      lines: [
        'bad.json: topics[0].partitions: must be at least 1 (got -1)',
        'bad.json: topics[0].replicationFactor: replicationFactor 9 is larger than the number of' +
          ' brokers (3); Kafka refuses it with InvalidReplicationFactorException',
      ],
    })
  })

  it('refuses a required field that is missing by its path', () => {
    const outcome = open('no-cluster.json', JSON.stringify({ version: 1, name: 'x' }))
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.lines.some((line) => line.startsWith('no-cluster.json: cluster: '))).toBe(true)
  })

  it('refuses a valid cluster larger than a share link may carry', () => {
    const text = JSON.stringify({
      version: 1,
      name: 'huge',
      cluster: { zones: ['a', 'b', 'c'], brokersPerZone: 200 },
    })
    expect(open('huge.json', text)).toEqual({
      ok: false,
      lines: [
        'huge.json: too large to simulate in a browser tab: it has 600 brokers (the limit is 500)',
      ],
    })
  })

  it('passes warnings on as the CLI prints them, and the notice lists them', () => {
    const text = JSON.stringify({
      version: 1,
      name: 'Late crash',
      durationMs: 60000,
      cluster: { zones: ['use1-az1', 'use1-az2', 'use1-az3'], brokersPerZone: 1 },
      faults: [{ atMs: 90000, type: 'crashBroker', broker: 1 }],
    })
    const outcome = open('late.json', text)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    const warning =
      'late.json: faults[0].atMs: warning: 90000 ms is after the end of the run' +
      ' (durationMs 60000); this fault never happens'
    expect(outcome.warnings).toEqual([warning])
    expect(openedMessage('late.json', outcome.spec, outcome.warnings)).toBe(
      `Opened “Late crash” from late.json: restarted at 00:00.000. 1 warning: ${warning}.`,
    )
    expect(openedMessage('late.json', outcome.spec, [])).toBe(
      'Opened “Late crash” from late.json: restarted at 00:00.000.',
    )
  })
})

describe('too many problems', () => {
  it('shows the first twenty and counts the rest', () => {
    const topics = Array.from({ length: 26 }, (_, i) => ({
      name: `t${i}`,
      partitions: 0,
      replicationFactor: 1,
    }))
    const text = JSON.stringify({
      version: 1,
      name: 'x',
      cluster: { zones: ['a'], brokersPerZone: 1 },
      topics,
    })
    const outcome = open('many.json', text)
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.lines).toHaveLength(26)
    const { shown, more } = capLines(outcome.lines)
    expect(PROBLEMS_SHOWN).toBe(20)
    expect(shown).toHaveLength(20)
    expect(shown[0]).toBe('many.json: topics[0].partitions: must be at least 1 (got 0)')
    expect(shown[19]).toBe('many.json: topics[19].partitions: must be at least 1 (got 0)')
    expect(more).toBe(6)
    expect(capLines(['a', 'b'])).toEqual({ shown: ['a', 'b'], more: 0 })
  })
})

describe('fileSizeLine', () => {
  it('refuses files over the limit before reading them', () => {
    expect(fileSizeLine('ok.json', MAX_SCENARIO_FILE_BYTES)).toBeNull()
    expect(fileSizeLine('big.json', 20 * 1024 * 1024)).toBe(
      'big.json: the file is too large to open: 20.0 MiB (the limit is 16.0 MiB)',
    )
  })
})

describe('looksLikeScenarioFile', () => {
  it.each([
    ['a scenario file', valid, true],
    ['one with a byte-order mark and comments', `\uFEFF// mine\n/* x */ ${valid}`, true],
    ['kafka-topics --describe output', 'Topic: orders\tTopicId: x\tPartitionCount: 3', false],
    ['a reassignment JSON', '{"version":1,"partitions":[{"topic":"t","partition":0}]}', false],
    ['a JSON array', '[{"cluster": 1}]', false],
    ['nothing', '', false],
  ])('%s: %s', (_what, text, expected) => {
    expect(looksLikeScenarioFile(text)).toBe(expected)
  })
})

describe('unsavedChanges', () => {
  const crash: TimedFault = { atMs: 5000, type: 'crashBroker', broker: 1 }
  const restart: TimedFault = { atMs: 9000, type: 'startBroker', broker: 1 }
  const outcome = open('three.json', valid)
  if (!outcome.ok) throw new Error('the fixture is invalid')
  const spec = { ...outcome.spec, faults: [crash] }
  const base = { generation: 0, spec, recording: [crash], guided: null }

  it('finds none in the first scenario, run as scripted', () => {
    expect(unsavedChanges(base, null)).toEqual([])
  })

  it('finds none in a guided scenario or a file just opened', () => {
    const guided = { id: 'g', title: 'G', narration: { steps: [] }, generation: 3 }
    expect(unsavedChanges({ ...base, generation: 3, guided }, null)).toEqual([])
    expect(unsavedChanges({ ...base, generation: 4 }, 4)).toEqual([])
  })

  it('counts a scenario loaded by the editor, a fix or an import as changed', () => {
    expect(unsavedChanges({ ...base, generation: 5 }, 4)).toEqual([
      'it was changed after it was opened (the Scenario tab, an advisor fix or an import)',
    ])
    const stale = { id: 'g', title: 'G', narration: { steps: [] }, generation: 3 }
    expect(unsavedChanges({ ...base, generation: 4, guided: stale }, null)).toHaveLength(1)
  })

  it('counts injected faults and scripted faults a fork discarded', () => {
    expect(unsavedChanges({ ...base, recording: [crash, restart] }, null)).toEqual([
      '1 fault injected during the run',
    ])
    expect(unsavedChanges({ ...base, recording: [restart, restart] }, null)).toEqual([
      '2 faults injected during the run',
      '1 scripted fault discarded by a fork',
    ])
  })
})
