/**
 * Checks `parseZoneMap`: the text form with every separator people type (commas, semicolons,
 * spaces, new lines; "=" or ":" with optional spaces), the JSON-object form, and precise problems
 * for malformed entries, bad ids, missing zones and contradictory duplicates.
 */
import { describe, expect, it } from 'vitest'
import { parseZoneMap, zoneMapFromObject } from './zone-map'

function map(text: string): [number, string][] {
  const result = parseZoneMap(text)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return [...result.zoneByBroker.entries()]
}

describe('parseZoneMap', () => {
  it.each([
    ['1=use1-az1,2=use1-az2,3=use1-az3'],
    ['1=use1-az1, 2=use1-az2, 3=use1-az3'],
    ['1 = use1-az1; 2 = use1-az2; 3 = use1-az3'],
    ['1:use1-az1\n2:use1-az2\r\n3:use1-az3\n'],
    ['  1=use1-az1 2=use1-az2\t3=use1-az3  '],
    ['{"1": "use1-az1", "2": "use1-az2", "3": "use1-az3"}'],
    ['1=use1-az1,2=use1-az2,3=use1-az3,1=use1-az1'],
  ])('reads %j', (text) => {
    expect(map(text)).toEqual([
      [1, 'use1-az1'],
      [2, 'use1-az2'],
      [3, 'use1-az3'],
    ])
  })

  it('reads an empty text as an empty map', () => {
    expect(map('')).toEqual([])
    expect(map('  \n')).toEqual([])
  })

  it.each([
    ['1=a,2', 'zoneMap[1]', '"2" is not of the form broker=zone'],
    ['1=a,b-2=b', 'zoneMap[1]', '"b-2" in "b-2=b" is not a broker id'],
    ['1=a,-2=b', 'zoneMap[1]', 'is not a broker id'],
    ['1=', 'zoneMap[0]', '"1=" has no zone after "="'],
    ['1=a=b', 'zoneMap[0]', 'not of the form broker=zone'],
    ['1=a,1=b', 'zoneMap[1]', 'broker 1 is mapped to both "a" and "b"'],
    ['99999999999=a', 'zoneMap[0]', 'is not a broker id'],
    ['{"1": 5}', 'zoneMap["1"]', 'must be a zone name without spaces (got the number 5)'],
    ['{"one": "a"}', 'zoneMap.one', '"one" is not a broker id'],
    ['{"1": "a b"}', 'zoneMap["1"]', 'without spaces'],
    ['{"1": "a",}', 'zoneMap, line 1, column 11', 'trailing comma'],
  ])('rejects %j', (text, path, words) => {
    const result = parseZoneMap(text)
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.problems
    expect(problems.map((p) => p.path)).toContain(path)
    expect(problems.find((p) => p.path === path)?.message).toContain(words)
  })

  it('reports every bad entry', () => {
    const result = parseZoneMap('x,1=a,y,2=')
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'zoneMap[0]',
      'zoneMap[2]',
      'zoneMap[3]',
    ])
  })

  it('accepts an object directly, and rejects other values', () => {
    const result = zoneMapFromObject({ 10: 'a', 20: 'b' })
    expect(result.ok && [...result.zoneByBroker.keys()]).toEqual([10, 20])
    expect(zoneMapFromObject([]).ok).toBe(false)
    expect(parseZoneMap(7 as unknown as string).ok).toBe(false)
  })
})
