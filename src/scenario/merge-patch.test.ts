/**
 * Checks `mergePatch` against every example of RFC 7396's Appendix A, then what a scenario's
 * variant relies on: a config key changed deep in the cluster leaves its siblings alone, a list
 * is replaced whole, the inputs are never changed or shared with the result, and a "__proto__"
 * key stays an ordinary key.
 */
import { describe, expect, it } from 'vitest'
import { mergePatch } from './merge-patch'

describe('mergePatch', () => {
  // RFC 7396, Appendix A: original, patch, result.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('RFC 7396 example: %j patched with %j is %j', (target, patch, result) => {
    expect(mergePatch(target, patch)).toEqual(result)
  })

  it('changes one config key and keeps the rest of the cluster', () => {
    const file = {
      name: 'x',
      cluster: {
        zones: ['use1-az1', 'use1-az2', 'use1-az3'],
        brokersPerZone: 1,
        config: { 'min.insync.replicas': 3, 'default.replication.factor': 3 },
      },
      faults: [{ atMs: 20000, type: 'shutdownBroker', broker: 2 }],
    }
    expect(mergePatch(file, { cluster: { config: { 'min.insync.replicas': 2 } } })).toEqual({
      name: 'x',
      cluster: {
        zones: ['use1-az1', 'use1-az2', 'use1-az3'],
        brokersPerZone: 1,
        config: { 'min.insync.replicas': 2, 'default.replication.factor': 3 },
      },
      faults: [{ atMs: 20000, type: 'shutdownBroker', broker: 2 }],
    })
  })

  it('replaces a list whole: the patch lists every fault that stays', () => {
    const file = {
      faults: [
        { atMs: 15000, type: 'slowBroker', broker: 2, fetchDelayMs: 3000 },
        { atMs: 40000, type: 'crashBroker', broker: 1 },
      ],
    }
    expect(mergePatch(file, { faults: [{ atMs: 40000, type: 'crashBroker', broker: 1 }] })).toEqual(
      { faults: [{ atMs: 40000, type: 'crashBroker', broker: 1 }] },
    )
  })

  it('changes neither input and shares no object or array with them', () => {
    const target = { cluster: { zones: ['a'], config: { x: 1 } }, topics: [{ name: 't' }] }
    const patch = { cluster: { config: { y: 2 } }, clients: [{ id: 'p' }] }
    const before = structuredClone({ target, patch })
    const result = mergePatch(target, patch) as typeof target & typeof patch
    expect({ target, patch }).toEqual(before)
    expect(result.cluster.zones).not.toBe(target.cluster.zones)
    expect(result.topics).not.toBe(target.topics)
    expect(result.topics[0]).not.toBe(target.topics[0])
    expect(result.clients).not.toBe(patch.clients)
    result.cluster.zones.push('b')
    result.clients[0]!.id = 'changed'
    expect({ target, patch }).toEqual(before)
  })

  it('keeps a "__proto__" key as an ordinary key, never as a prototype', () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown
    const result = mergePatch({}, patch) as Record<string, unknown>
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype)
    expect(Object.keys(result)).toEqual(['__proto__', 'a'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
