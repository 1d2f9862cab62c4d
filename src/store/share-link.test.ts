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
  hashWithoutLink,
  inflateCapped,
  isShareLink,
  refusedLinkNotice,
  toBase64Url,
} from './share-link'
import { parseScenario } from '../scenario/validate'
import { tinySpec } from '../host/testing/fake-engine'
import { scenarioToJson } from '../scenario/export'
import { DEFAULT_SCENARIO } from '../scenarios/default-scenario'

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
    ['bad characters', '#scenario=abc$%^', 'bad-characters', 'contains "$" at character 4'],
    [
      'not deflate data',
      '#scenario=AAAAAAAAAAAA',
      'not-decompressible',
      'could not be decompressed',
    ],
    ['an empty scenario', '#scenario=', 'no-scenario', 'it has no scenario data'],
    [
      'a huge hash',
      `#scenario=${'A'.repeat(SHARE_LIMITS.encodedChars)}`,
      'too-long',
      'too long to open',
    ],
    ['a bad time', `${linkFor(serialize(tinySpec()))}&t=-4`, 'bad-parameter', '("t") is "-4"'],
    [
      'a time too far',
      `${linkFor(serialize(tinySpec()))}&t=99999999999`,
      'bad-parameter',
      '("t") is larger than 86400000',
    ],
    ['a bad seed', `${linkFor(serialize(tinySpec()))}&seed=x`, 'bad-parameter', 'seed ("seed")'],
  ])('turn %s into a message', (_name, hash, failure, fragment) => {
    const decoded = decodeShareLink(hash, parse)
    expect(decoded).toMatchObject({ ok: false, failure })
    if (!decoded.ok) expect(decoded.message).toContain(fragment)
  })

  describe('say in plain words what is wrong with a damaged link', () => {
    const good = linkFor(
      JSON.stringify({ version: 1, name: 'x', cluster: { zones: ['a'], brokersPerZone: 1 } }),
    )

    function message(hash: string): string {
      const decoded = decodeShareLink(hash, parseScenario)
      if (decoded.ok) throw new Error('expected the link to be refused')
      return decoded.message
    }

    it('accepts the undamaged link these cases start from', () => {
      expect(decodeShareLink(good, parseScenario).ok).toBe(true)
    })

    it.each([20, 21, 22, 23])(
      'a link cut off after %i characters of its data is "damaged", not "unexpected EOF"',
      (keep) => {
        const cut = good.slice(0, '#scenario='.length + keep)
        expect(message(cut)).toBe(
          'The share link is damaged: its scenario data could not be decompressed' +
            ' (the link may have been cut off when it was copied).',
        )
        const text = message(cut)
        expect(text).not.toMatch(/EOF|invalid block|atob|InvalidCharacter/i)
      },
    )

    it('names the exact wording for data that does not decompress', () => {
      expect(message('#scenario=AAAAAAAAAAAA')).toBe(
        'The share link is damaged: its scenario data could not be decompressed' +
          ' (the link may have been cut off when it was copied).',
      )
    })

    it('says where JSON inside the link breaks', () => {
      expect(message(linkFor('{"name": '))).toBe(
        'The share link is damaged: its scenario is not valid JSON at line 1, column 10' +
          ' (unexpected end of the text; expected a value).',
      )
    })

    it('names the field that fails validation, with the validator’s own words', () => {
      const text = message(
        linkFor(JSON.stringify({ version: 1, name: 'x', cluster: { zones: [] } })),
      )
      expect(text).toMatch(/^The share link's scenario is not valid: cluster\.zones: /)
      expect(text.endsWith('.')).toBe(true)
    })

    it('lists at most three problems and counts the rest', () => {
      const text = message(
        linkFor(JSON.stringify({ version: 7, name: 5, cluster: 3, topics: 4, seed: 'x' })),
      )
      // Five fields fail; three are named (sorted by path), the other two counted.
      expect(text).toMatch(/^The share link's scenario is not valid: name: must be a string/)
      expect(text).toContain('; seed: must be an integer')
      expect(text).toMatch(/; version: .+; and 2 more\.$/)
      expect(text).not.toMatch(/cluster:|topics:/)
    })

    it('says a deflate bomb is too large, not damaged', () => {
      const bomb = toBase64Url(deflateSync(new Uint8Array(20_000_000)))
      expect(message(`#scenario=${bomb}`)).toBe(
        "The share link's scenario is too large to open: it expands to more than" +
          ` ${SHARE_LIMITS.jsonBytes} bytes.`,
      )
    })
  })

  it('tell what is on screen after a refused link', () => {
    expect(refusedLinkNotice('The share link is damaged: x.', 'default')).toBe(
      'The share link is damaged: x. The default scenario is shown instead.',
    )
    expect(refusedLinkNotice('The share link is damaged: x.', 'current')).toBe(
      'The share link is damaged: x. The scenario you had open is still shown.',
    )
  })

  it.each([
    ['#scenario=abc&seed=4&t=9', ''],
    ['scenario=abc', ''],
    ['#scenario=abc&embed=1', '#embed=1'],
    ['#embed=1&scenario=abc&t=5&x=y', '#embed=1&x=y'],
    ['', ''],
  ])('clear the link parameters from %j, leaving %j', (hash, rest) => {
    expect(hashWithoutLink(hash)).toBe(rest)
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
    expect(() => inflateCapped(new Uint8Array(0), 10)).toThrow(/no scenario data/)
    const decoded = decodeShareLink(`#scenario=${toBase64Url(bomb)}`, parse)
    expect(decoded.ok ? '' : decoded.message).toContain('expands to more than')
  })
})

describe('a scenario over the reader budget in an intact link', () => {
  it('is refused as invalid, not as a damaged link', () => {
    const spec = { ...DEFAULT_SCENARIO, description: 'x'.repeat(100_001) }
    const decoded = decodeShareLink(encodeShareLink(spec, 0, scenarioToJson), parseScenario)
    expect(decoded).toMatchObject({ ok: false, failure: 'invalid-scenario' })
    if (!decoded.ok) expect(decoded.message).not.toMatch(/damaged/)
  })
})
