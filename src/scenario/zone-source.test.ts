/**
 * Checks the zone sources: each kind is recognised from its text (typed map, kafka-configs
 * output, AWS JSON); kafka-configs output gives its racks, configs and controller mode and is
 * refused when some or all brokers have no broker.rack; MSK's numbering is assumed only when the
 * ids are 1..N with N a multiple of the zone count, and its warning says it is an assumption.
 */
import { describe, expect, it } from 'vitest'
import { describeSubnetsJson, kafkaConfigsOutput, listNodesJson } from './import-fixtures'
import { renderProblem } from './messages'
import {
  detectZoneSource,
  fittingZoneCounts,
  mskNumbering,
  numberedZones,
  numberingWarning,
  readZoneSource,
} from './zone-source'

const CONFIGS = kafkaConfigsOutput({ 1: 'use1-az1', 2: 'use1-az2', 3: 'use1-az3' })

describe('detectZoneSource', () => {
  it.each([
    ['', null],
    ['  \n', null],
    ['1=a,2=b', 'map'],
    ['{"1": "a"}', 'map'],
    [CONFIGS, 'kafka-configs'],
    [listNodesJson({ 1: 's' }), 'list-nodes'],
  ])('%j is %s', (text, kind) => {
    expect(detectZoneSource(text)).toBe(kind)
  })
})

describe('readZoneSource', () => {
  it('reads a typed map, kafka-configs output and AWS JSON alike', () => {
    const typed = readZoneSource('1=use1-az1,2=use1-az2,3=use1-az3')
    const configs = readZoneSource(CONFIGS)
    const aws = readZoneSource(
      listNodesJson({ 1: 's1', 2: 's2', 3: 's3' }) +
        describeSubnetsJson({
          s1: ['us-east-1a', 'use1-az1'],
          s2: ['us-east-1b', 'use1-az2'],
          s3: ['us-east-1c', 'use1-az3'],
        }),
    )
    for (const result of [typed, configs, aws]) {
      expect(result?.ok && [...result.source.zoneByBroker]).toEqual([
        [1, 'use1-az1'],
        [2, 'use1-az2'],
        [3, 'use1-az3'],
      ])
    }
    expect(configs?.ok && configs.source).toMatchObject({
      kind: 'kafka-configs',
      controller: 'kraft',
      config: { values: { 'min.insync.replicas': 1 } },
    })
    expect(readZoneSource('')).toBeNull()
  })

  it('refuses kafka-configs output where some brokers have no broker.rack', () => {
    const result = readZoneSource(kafkaConfigsOutput({ 1: 'a', 2: null, 3: null }))
    expect(result?.ok).toBe(false)
    expect(
      result?.ok === false && result.problems.map((p) => `${p.path}: ${renderProblem(p)}`),
    ).toEqual([
      "zoneMap, line 13: broker 2–3 have no broker.rack (null) while the others have one; Kafka's rack-aware assignment refuses such a cluster (AdminOperationException). Give those brokers their rack",
    ])
  })

  it('refuses kafka-configs output where no broker has a rack, and says what to give instead', () => {
    const result = readZoneSource(kafkaConfigsOutput({ 1: null }))
    expect(result?.ok === false && renderProblem(result.problems[0]!)).toMatch(
      /^no broker has broker.rack set .* Give a typed map instead/,
    )
  })

  it('asks for list-nodes when only describe-subnets is given', () => {
    const result = readZoneSource('', { subnets: describeSubnetsJson({ s: ['a', 'b'] }) })
    expect(result?.ok).toBe(false)
  })
})

describe('mskNumbering', () => {
  it('places broker b in zone ((b − 1) mod Z)', () => {
    const result = mskNumbering([6, 1, 2, 3, 4, 5], numberedZones(3))
    expect(result.ok && [...result.suggestion.zoneByBroker]).toEqual([
      [1, 'az1'],
      [2, 'az2'],
      [3, 'az3'],
      [4, 'az1'],
      [5, 'az2'],
      [6, 'az3'],
    ])
  })

  it.each([
    [
      [1, 2, 4],
      3,
      'the broker ids are 1–2, 4, not 1–3: MSK numbers its brokers from 1 without gaps',
    ],
    [[0, 1, 2], 3, 'the broker ids are 0–2, not 1–3'],
    [[1, 2, 3, 4], 3, '4 brokers do not divide evenly over 3 zones'],
    [[], 3, 'the input names no brokers'],
  ])('does not fit %j over %i zones', (ids, zones, reason) => {
    const result = mskNumbering(ids, numberedZones(zones))
    expect(result.ok ? '' : result.reason).toContain(reason)
  })

  it('offers the zone counts that fit, 3 first', () => {
    expect(fittingZoneCounts(Array.from({ length: 6 }, (_, i) => i + 1))).toEqual([3, 2])
    expect(fittingZoneCounts(Array.from({ length: 90 }, (_, i) => i + 1))).toEqual([3, 2])
    expect(fittingZoneCounts([1, 2, 3, 4])).toEqual([2])
    expect(fittingZoneCounts([1, 2, 3, 5])).toEqual([])
  })

  it('says that it is an assumption', () => {
    expect(renderProblem(numberingWarning(numberedZones(3)))).toMatch(
      /^zones assumed from MSK's broker numbering .* not read from the cluster; confirm with kafka-configs/,
    )
  })
})
