/**
 * Share links round-trip a scenario, seed and time, and turn every damaged or hostile link into a
 * message: bad characters, truncated or non-deflate data, a deflate bomb, invalid JSON, an invalid
 * scenario, an oversized cluster, out-of-range numbers.
 */
import { deflateSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { SimulationSpec } from '../engine/spec'
import { makeProblem } from '../scenario/messages'
import type { ParseScenario } from './share-link'
import {
  SHARE_LIMITS,
  decodeShareLink,
  encodeShareLink,
  inflateCapped,
  isShareLink,
  toBase64Url,
} from './share-link'
import { tinySpec } from '../host/testing/fake-engine'

const serialize = (spec: SimulationSpec) => JSON.stringify(spec)
const parse: ParseScenario = (text) => {
  const value = JSON.parse(text) as SimulationSpec
  if (typeof value.name !== 'string') {
    return {
      ok: false,
      problems: [makeProblem('name', 'untranslated', { text: 'must be a string' })],
    }
  }
  return { ok: true, spec: value }
}

function linkFor(json: string): string {
  return `#scenario=${toBase64Url(deflateSync(strToU8(json)))}`
}

describe('share links', () => {
  it('round-trip the scenario, the seed and the time', () => {
    const spec = { ...tinySpec([{ type: 'crashBroker', broker: 1, atMs: 500 }]), seed: 42 }
    const hash = encodeShareLink(spec, 31_500.4, serialize)
    expect(hash).toMatch(/^#scenario=[A-Za-z0-9_-]+&seed=42&t=31500$/)
    expect(isShareLink(hash)).toBe(true)
    expect(decodeShareLink(hash, parse)).toEqual({ ok: true, spec, atMs: 31_500 })
  })

  it('let the seed parameter override the scenario seed', () => {
    const hash = encodeShareLink(tinySpec(), 0, serialize).replace('seed=7', 'seed=99')
    const decoded = decodeShareLink(hash, parse)
    expect(decoded.ok && decoded.spec.seed).toBe(99)
  })

  it('are recognised only when they carry a scenario', () => {
    expect(isShareLink('')).toBe(false)
    expect(isShareLink('#t=5')).toBe(false)
  })

  it.each([
    ['bad characters', '#scenario=abc$%^', 'base64url'],
    ['not deflate data', '#scenario=AAAAAAAAAAAA', 'could not be opened'],
    ['an empty scenario', '#scenario=', 'has no scenario'],
    ['a huge hash', `#scenario=${'A'.repeat(SHARE_LIMITS.encodedChars)}`, 'too long'],
    ['not JSON', linkFor('{"name": '), 'could not be opened'],
    ['an invalid scenario', linkFor('{"name": 5}'), 'name: must be a string'],
    ['a bad time', `${linkFor(serialize(tinySpec()))}&t=-4`, '"t" is not a whole number'],
    ['a time too far', `${linkFor(serialize(tinySpec()))}&t=99999999999`, '"t" is larger'],
  ])('turn %s into a message', (_name, hash, fragment) => {
    const decoded = decodeShareLink(hash, parse)
    expect(decoded.ok).toBe(false)
    if (!decoded.ok) {
      expect(decoded.message).toMatch(/^This share link could not be opened: /)
      expect(decoded.message).toContain(fragment)
    }
  })

  it('refuse a cluster too large to simulate', () => {
    const spec = tinySpec()
    spec.cluster.brokers = Array.from({ length: SHARE_LIMITS.brokers + 1 }, (_, i) => ({
      id: i,
      zone: 'a',
    }))
    const decoded = decodeShareLink(linkFor(serialize(spec)), parse)
    expect(decoded.ok ? '' : decoded.message).toContain('brokers (the limit is')
  })

  it('stop inflating a deflate bomb at the size limit', () => {
    const bomb = deflateSync(new Uint8Array(20_000_000))
    expect(bomb.length).toBeLessThan(SHARE_LIMITS.encodedChars)
    expect(() => inflateCapped(bomb, 1_000_000)).toThrow(/more than 1000000 bytes/)
    const decoded = decodeShareLink(`#scenario=${toBase64Url(bomb)}`, parse)
    expect(decoded.ok ? '' : decoded.message).toContain('expands to more than')
  })
})
