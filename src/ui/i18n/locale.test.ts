/**
 * Which language the UI starts in, and how the message format reads: the reader's saved choice
 * wins, then a `lang` parameter in the link, then the browser's languages (any Korean tag means
 * Korean), else English; the switch keeps every other parameter of the address. Plural forms are
 * chosen by the locale's rules and values go in as they are. Pure functions over plain inputs.
 */
import { describe, expect, it } from 'vitest'
import {
  chooseLocale,
  localeInAddress,
  localeOfTag,
  readSavedLocale,
  saveLocale,
  withLocaleParam,
} from './locale'
import { formatMessage, interpolateParts, paramsOf } from './message-format'

const nowhere = { search: '', hash: '' }

describe('the first language', () => {
  it('follows the browser when nothing else says: Korean for any ko tag, else English', () => {
    expect(chooseLocale({ saved: null, address: nowhere, languages: ['ko-KR', 'en-US'] })).toBe(
      'ko',
    )
    expect(chooseLocale({ saved: null, address: nowhere, languages: ['fr-FR', 'ko'] })).toBe('ko')
    expect(chooseLocale({ saved: null, address: nowhere, languages: ['fr-FR', 'de'] })).toBe('en')
    expect(chooseLocale({ saved: null, address: nowhere, languages: [] })).toBe('en')
  })

  it('takes a lang parameter of the link over the browser', () => {
    const link = { search: '', hash: '#scenario=eJy&t=5&lang=ko' }
    expect(chooseLocale({ saved: null, address: link, languages: ['en-US'] })).toBe('ko')
    const query = { search: '?lang=en', hash: '' }
    expect(chooseLocale({ saved: null, address: query, languages: ['ko-KR'] })).toBe('en')
  })

  it("takes the reader's saved choice over the link and the browser", () => {
    const link = { search: '', hash: '#lang=ko' }
    expect(chooseLocale({ saved: 'en', address: link, languages: ['ko-KR'] })).toBe('en')
  })

  it('ignores a saved value or parameter that names no supported language', () => {
    expect(
      chooseLocale({ saved: 'xx', address: { search: '', hash: '#lang=fr' }, languages: [] }),
    ).toBe('en')
    expect(localeInAddress({ search: '?lang=ko', hash: '#lang=zz' })).toBe('ko')
    expect(localeOfTag('KO_kr')).toBe('ko')
    expect(localeOfTag('kok')).toBeNull()
  })
})

describe('keeping the choice', () => {
  it('writes lang into the hash and keeps the share link and embed parameters', () => {
    expect(withLocaleParam('#scenario=eJy-_x&seed=4&t=5&embed=1', 'ko')).toBe(
      '#scenario=eJy-_x&seed=4&t=5&embed=1&lang=ko',
    )
    expect(withLocaleParam('#lang=ko&t=5', 'en')).toBe('#lang=en&t=5')
    expect(withLocaleParam('', 'ko')).toBe('#lang=ko')
  })

  it('survives storage that throws, as in a sandboxed iframe', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    expect(readSavedLocale(broken)).toBeNull()
    expect(saveLocale(broken, 'ko')).toBe(false)
    const kept = new Map<string, string>()
    const storage = {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
    }
    expect(saveLocale(storage, 'ko')).toBe(true)
    expect(readSavedLocale(storage)).toBe('ko')
  })
})

describe('the message format', () => {
  it('chooses plural forms by the locale’s rules', () => {
    const terms = { one: '{count} term', other: '{count} terms' }
    expect(formatMessage('en', terms, { count: 1 })).toBe('1 term')
    expect(formatMessage('en', terms, { count: 0 })).toBe('0 terms')
    expect(formatMessage('ko', { other: '용어 {count}개' }, { count: 1 })).toBe('용어 1개')
  })

  it('inserts values as they are: broker ids and offsets get no digit grouping', () => {
    expect(formatMessage('en', 'Broker {id} at offset {offset}', { id: 1001, offset: 12000 })).toBe(
      'Broker 1001 at offset 12000',
    )
    expect(formatMessage('en', 'Left {missing} as written', {})).toBe('Left {missing} as written')
  })

  it('splits a message around its placeholders for rich text', () => {
    expect(interpolateParts('See {term} and {key}.', { term: 1, key: 2 })).toEqual([
      'See ',
      1,
      ' and ',
      2,
      '.',
    ])
    expect(paramsOf({ one: '{shown} of {count} term', other: '{shown} of {count} terms' })).toEqual(
      ['count', 'shown'],
    )
  })
})
