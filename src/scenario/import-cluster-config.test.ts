/**
 * Checks the cluster-wide configs of an import: MSK's defaults for 2- and 3-zone clusters (and
 * the 3-zone ones for any other count, with a note), Apache Kafka's defaults, the order of the
 * sources (typed, preset, read from the cluster, Apache default) with a note where a choice
 * overrides what the cluster shows, and `--cluster-config` text with precise problems.
 */
import { describe, expect, it } from 'vitest'
import {
  mskZoneNote,
  parseConfigAssignments,
  presetValues,
  resolveImportConfig,
  sourceText,
} from './import-cluster-config'
import { renderProblem } from './messages'

describe('presets', () => {
  it.each([
    [2, { 'min.insync.replicas': 1, 'default.replication.factor': 2 }],
    [3, { 'min.insync.replicas': 2, 'default.replication.factor': 3 }],
    [1, { 'min.insync.replicas': 2, 'default.replication.factor': 3 }],
    [4, { 'min.insync.replicas': 2, 'default.replication.factor': 3 }],
  ])('MSK defaults on %i zones', (zones, expected) => {
    expect(presetValues('msk', zones)).toEqual({
      ...expected,
      'unclean.leader.election.enable': true,
    })
  })

  it('says when MSK has no such zone count', () => {
    expect(mskZoneNote(2)).toBeNull()
    expect(mskZoneNote(3)).toBeNull()
    expect(mskZoneNote(1)).toMatch(/gives one, so MSK's 3-zone defaults are used/)
    expect(mskZoneNote(5)).toMatch(/gives 5/)
  })

  it('Apache Kafka defaults, whatever the zones', () => {
    expect(presetValues('apache', 2)).toEqual({
      'min.insync.replicas': 1,
      'default.replication.factor': 1,
      'unclean.leader.election.enable': false,
    })
  })
})

describe('resolveImportConfig', () => {
  const read = {
    values: { 'min.insync.replicas': 2, 'replica.lag.time.max.ms': 10000 },
    places: { 'min.insync.replicas': 'line 5 of the kafka-configs output' },
  }

  it('uses Apache Kafka defaults when nothing is given', () => {
    const r = resolveImportConfig({ zoneCount: 3 })
    expect(r.values).toEqual(presetValues('apache', 3))
    expect(sourceText(r.sources['min.insync.replicas'])).toBe(
      'Apache Kafka default, nothing else given',
    )
  })

  it('takes what the cluster shows, and keeps the other configs it shows', () => {
    const r = resolveImportConfig({ read, zoneCount: 3 })
    expect(r.values).toEqual({
      'min.insync.replicas': 2,
      'default.replication.factor': 1,
      'unclean.leader.election.enable': false,
      'replica.lag.time.max.ms': 10000,
    })
    expect(sourceText(r.sources['min.insync.replicas'])).toBe(
      'from line 5 of the kafka-configs output',
    )
    expect(r.notes).toEqual([])
  })

  it('puts a preset over what was read, and a typed value over both, saying so', () => {
    const r = resolveImportConfig({
      read,
      preset: 'msk',
      typed: { 'unclean.leader.election.enable': false },
      zoneCount: 2,
    })
    expect(r.values['min.insync.replicas']).toBe(1)
    expect(r.values['default.replication.factor']).toBe(2)
    expect(r.values['unclean.leader.election.enable']).toBe(false)
    expect(sourceText(r.sources['min.insync.replicas'])).toBe('MSK default for 2 zones')
    expect(sourceText(r.sources['unclean.leader.election.enable'])).toBe('given')
    expect(r.notes).toEqual([
      'min.insync.replicas: the kafka-configs output says 2 (line 5 of the kafka-configs output), but the import uses 1 (MSK default for 2 zones)',
    ])
  })
})

describe('parseConfigAssignments', () => {
  it('reads the three configs', () => {
    expect(
      parseConfigAssignments(
        'min.insync.replicas=2, default.replication.factor=3;unclean.leader.election.enable=false',
      ),
    ).toEqual({
      ok: true,
      values: {
        'min.insync.replicas': 2,
        'default.replication.factor': 3,
        'unclean.leader.election.enable': false,
      },
    })
  })

  it.each([
    ['min.insync.replicas', 'clusterConfig[0]: "min.insync.replicas" is not of the form key=value'],
    ['retention.ms=1', 'clusterConfig[0]: "retention.ms" is not one of min.insync.replicas'],
    ['min.insync.replicas=x', 'clusterConfig[0]: min.insync.replicas="x" is not a whole number'],
    [
      'a=1,unclean.leader.election.enable=1',
      'clusterConfig[1]: unclean.leader.election.enable="1" is not true or false',
    ],
  ])('rejects %j', (text, message) => {
    const result = parseConfigAssignments(text)
    expect(result.ok).toBe(false)
    const lines = result.ok ? [] : result.problems.map((p) => `${p.path}: ${renderProblem(p)}`)
    expect(lines.some((l) => l.startsWith(message))).toBe(true)
  })

  it('checks a value against the scenario format’s range', () => {
    const result = parseConfigAssignments('default.replication.factor=40000', '--cluster-config')
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['--cluster-config[0]'])
  })
})
