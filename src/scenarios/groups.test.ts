/**
 * The Scenarios picker's groups and its large clusters, read from public/scenarios with the real
 * parsers: every guided entry names its group, and an entry is in `capacity` exactly when its
 * scenario sets a broker type (the capacity model: byte rates against network limits). The large
 * clusters' own index (clusters/index.json, kept out of the guided index whose every entry the
 * guided tests play and narrate) lists files that the scenario reader accepts without a warning;
 * the reference cluster is 90 brokers in 3 zones with 10,000 partitions at RF 3, in a compact file.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseScenario } from '../scenario'
import { listGuidedScenarios, parseGuidedIndex } from './index'
import { PUBLIC_SCENARIOS_DIR, readGuidedFile } from './test-helpers'

const CLUSTERS_DIR = `${PUBLIC_SCENARIOS_DIR}clusters/`

describe('index.json groups', () => {
  const entries = listGuidedScenarios(readGuidedFile)

  it('puts a scenario under Capacity exactly when it sets a broker type', () => {
    for (const entry of entries) {
      const file = JSON.parse(readGuidedFile(entry.file)) as { cluster: { brokerType?: string } }
      const capacity = file.cluster.brokerType !== undefined
      expect({ id: entry.id, group: entry.group }).toEqual({
        id: entry.id,
        group: capacity ? 'capacity' : 'guided',
      })
    }
    expect(entries.filter((e) => e.group === 'capacity').map((e) => e.id)).toEqual([
      'right-layout-wrong-size',
      'broker-back-after-an-hour',
      'express-vs-standard-az-loss',
      'volume-replaced',
    ])
  })

  it('rejects a group the picker does not know', () => {
    const result = parseGuidedIndex(
      JSON.stringify([{ id: 'a', title: 'A', summary: 's', file: 'a.json', group: 'big' }]),
    )
    expect(result.ok ? [] : result.problems.map((p) => [p.path, p.message])).toEqual([
      ['[0].group', 'expected one of guided, capacity, large'],
    ])
  })
})

describe('clusters/index.json', () => {
  const index = parseGuidedIndex(readFileSync(`${CLUSTERS_DIR}index.json`, 'utf8'))

  it('lists every file in clusters/ once, all in the large group', () => {
    expect(index.ok ? [] : index.problems).toEqual([])
    if (!index.ok) return
    const files = readdirSync(CLUSTERS_DIR)
      .filter((f) => f.endsWith('.json') && f !== 'index.json')
      .sort()
    expect(index.entries.map((e) => e.file).sort()).toEqual(files)
    for (const entry of index.entries) expect(entry.group).toBe('large')
  })

  it('lists files the scenario reader accepts with no warnings, named as listed', () => {
    if (!index.ok) throw new Error('bad index')
    for (const entry of index.entries) {
      const result = parseScenario(readFileSync(`${CLUSTERS_DIR}${entry.file}`, 'utf8'))
      expect(result.ok ? [] : result.problems).toEqual([])
      if (!result.ok) continue
      expect(result.warnings).toEqual([])
      expect(result.spec.name).toBe(entry.title)
    }
  })

  it('has the reference cluster: 90 brokers in 3 zones, 10,000 partitions at RF 3', () => {
    const path = `${CLUSTERS_DIR}reference-cluster.json`
    const result = parseScenario(readFileSync(path, 'utf8'))
    if (!result.ok) throw new Error('invalid')
    const { spec } = result
    expect(spec.cluster.zones).toEqual(['use1-az1', 'use1-az2', 'use1-az3'])
    expect(spec.cluster.brokers).toHaveLength(90)
    expect(spec.topics.reduce((sum, t) => sum + t.partitions, 0)).toBe(10_000)
    for (const topic of spec.topics) {
      expect(topic.replicationFactor).toBe(3)
      // Rack-aware assignment: each partition's three replicas in three different zones.
      for (const replicas of topic.assignment) {
        const zones = replicas.map((id) => spec.cluster.brokers.find((b) => b.id === id)?.zone)
        expect(new Set(zones).size).toBe(3)
      }
    }
    // The compact form (brokersPerZone, no replica lists) keeps the file small to fetch.
    expect(statSync(path).size).toBeLessThan(20_000)
  })
})
