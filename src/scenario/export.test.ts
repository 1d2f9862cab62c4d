/**
 * Checks `scenarioToJson`: the explicit form round-trips (parseScenario(scenarioToJson(spec))
 * deep-equals spec) for the fixtures and for fast-check-generated scenarios, exporting is
 * stable (same spec, same text; key order fixed), and the text is readable (short objects on one
 * line, 100 columns where the content allows).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLUSTER_CONFIG, type SimulationSpec } from '../engine/spec'
import { scenarioFileArbitrary } from './arbitraries'
import { scenarioToJson, specToScenario } from './export'
import { ALL_FAULTS, IMPORTED, FULL_EXAMPLE, MINIMAL, VALID } from './fixtures'
import { parseScenario, validateScenario } from './validate'

function spec(raw: unknown): SimulationSpec {
  const result = validateScenario(raw)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.spec
}

function roundTrip(s: SimulationSpec): SimulationSpec {
  const result = parseScenario(scenarioToJson(s))
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  expect(result.warnings.filter((w) => !w.message.includes('after the end of the run'))).toEqual([])
  return result.spec
}

describe('scenarioToJson', () => {
  it.each(Object.entries(VALID))('round-trips the fixture %s', (_name, raw) => {
    const s = spec(raw)
    expect(roundTrip(s)).toEqual(s)
  })

  it('round-trips generated scenarios, and exporting again gives the same text', () => {
    fc.assert(
      fc.property(scenarioFileArbitrary, (file) => {
        const result = validateScenario(file)
        if (!result.ok) throw new Error(JSON.stringify(result.problems))
        const text = scenarioToJson(result.spec)
        const back = parseScenario(text)
        expect(back.ok && back.spec).toEqual(result.spec)
        if (back.ok) expect(scenarioToJson(back.spec)).toBe(text)
      }),
      { numRuns: 300 },
    )
  })

  it('writes the explicit form: every default, broker, controller and replica list', () => {
    const file = specToScenario(spec(MINIMAL))
    expect(file.cluster.brokers).toEqual([{ id: 1, zone: 'a' }])
    expect(file.cluster.controllers).toHaveLength(3)
    expect(Object.keys(file.cluster.config ?? {})).toHaveLength(
      Object.keys(DEFAULT_CLUSTER_CONFIG).length,
    )
    expect(file.cluster.brokersPerZone).toBeUndefined()
    const topicFile = specToScenario(spec(FULL_EXAMPLE)).topics?.[0]
    expect(Object.keys(topicFile?.assignment ?? {})).toEqual(['0', '1', '2', '3', '4', '5'])
    expect(topicFile?.initial).toEqual({ '0': { leader: 2, isr: [2, 1] } })
  })

  it('writes acks as "all", 1 or 0', () => {
    const text = scenarioToJson(spec(VALID.acksForms))
    expect(text.match(/"acks": ("all"|-?\d)/g)).toEqual([
      '"acks": "all"',
      '"acks": "all"',
      '"acks": 0',
      '"acks": 1',
      '"acks": "all"',
      '"acks": 0',
      '"acks": 1',
    ])
  })

  it('writes keys in a fixed order and short objects on one line', () => {
    const text = scenarioToJson(spec(ALL_FAULTS))
    expect(
      text.startsWith(
        '{\n  "version": 1,\n  "name": "every fault",\n  "description": "",\n  "seed": 1,',
      ),
    ).toBe(true)
    expect(text).toContain(
      '{ "atMs": 4000, "type": "isolateBroker", "broker": 3, "from": ["controllers"] }',
    )
    expect(text).toContain('{ "id": 1, "zone": "use1-az1" }')
    expect(text.endsWith('}\n')).toBe(true)
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100)
  })

  it('writes long strings whole, however long (they are never split into characters)', () => {
    const description = `${'A long description. '.repeat(20)}"quoted" and \\ escaped\n`
    const s = { ...spec(MINIMAL), description, name: 'n'.repeat(150) }
    const text = scenarioToJson(s)
    expect(text).toContain(`  "description": ${JSON.stringify(description)},\n`)
    expect(roundTrip(s)).toEqual(s)
  })

  it('keeps an empty initial map, so that the spec keeps its initial array', () => {
    const s = spec(IMPORTED)
    const withNulls: SimulationSpec = {
      ...s,
      topics: s.topics.map((t) => ({ ...t, initial: t.initial?.map(() => null) })),
    }
    expect(roundTrip(withNulls)).toEqual(withNulls)
  })
})
