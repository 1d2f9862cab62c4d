/**
 * The catalogues are complete and consistent: every English key is in Korean with the same
 * placeholders, plural messages have exactly the CLDR plural categories of their locale (English
 * `one` and `other`, Korean only `other`, as `Intl.PluralRules` reports them), no message is
 * empty, and Kafka's identifiers an English message names (config keys, error codes, metric
 * names) appear unchanged in its translation. The glossary is checked the same way. The checks
 * read the catalogue objects themselves, so a key added to en.ts without its translation fails
 * here as well as in the type check.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Catalogue } from './catalogue'
import { EN } from './en'
import { KO } from './ko'
import { isPlural, type Message, paramsOf } from './message-format'

const TRANSLATIONS: readonly Catalogue[] = [KO]

/** Config keys (`min.insync.replicas`), error codes (`NOT_ENOUGH_REPLICAS`), metric names. */
function kafkaIdentifiers(text: string): string[] {
  const patterns = [
    /\b[a-z]{2,}(?:\.[a-z]{2,})+\b/g,
    /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g,
    /\b[A-Z][a-z]+(?:[A-Z][a-z]+){2,}\b/g,
  ]
  return [...new Set(patterns.flatMap((p) => text.match(p) ?? []))].sort()
}

function forms(message: Message): string[] {
  return isPlural(message) ? Object.values(message) : [message]
}

function categories(locale: string): string[] {
  return [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort()
}

describe.each(TRANSLATIONS.map((c) => [c.locale, c] as const))('the %s catalogue', (_, ko) => {
  const keys = Object.keys(EN.messages) as (keyof typeof EN.messages)[]

  it('has every English key and no other', () => {
    expect(Object.keys(ko.messages).sort()).toEqual([...keys].sort())
  })

  it('gives each message the same placeholders as its English source', () => {
    const mismatched = keys.filter(
      (key) => paramsOf(ko.messages[key]).join() !== paramsOf(EN.messages[key]).join(),
    )
    expect(mismatched).toEqual([])
  })

  it('has plural forms where English has them, in its own CLDR categories', () => {
    const expected = categories(ko.locale)
    for (const key of keys) {
      const message = ko.messages[key]
      expect(isPlural(message), key).toBe(isPlural(EN.messages[key]))
      if (isPlural(message)) expect(Object.keys(message).sort(), key).toEqual(expected)
    }
  })

  it('leaves no message empty', () => {
    expect(keys.filter((key) => forms(ko.messages[key]).some((f) => f.trim() === ''))).toEqual([])
  })

  it("keeps Kafka's identifiers exactly as the English names them", () => {
    const lost = keys.flatMap((key) => {
      const text = forms(ko.messages[key]).join('\n')
      return kafkaIdentifiers(forms(EN.messages[key]).join('\n'))
        .filter((id) => !text.includes(id))
        .map((id) => `${key}: ${id}`)
    })
    expect(lost).toEqual([])
  })

  it('defines every glossary entry, keeping its Kafka names and sources', () => {
    const ids = Object.keys(EN.glossary) as (keyof typeof EN.glossary)[]
    expect(Object.keys(ko.glossary).sort()).toEqual([...ids].sort())
    for (const id of ids) {
      const entry = ko.glossary[id]
      const english = EN.glossary[id]
      expect(entry.term.trim(), id).not.toBe('')
      expect(entry.definition.trim(), id).not.toBe('')
      expect(entry.source.trim(), id).not.toBe('')
      for (const name of kafkaIdentifiers(`${english.definition}\n${english.source}`)) {
        expect(`${entry.definition}\n${entry.source}`, `${id}: ${name}`).toContain(name)
      }
    }
  })
})

describe('the English catalogue', () => {
  it('has plural forms in exactly the English CLDR categories', () => {
    const plurals = Object.entries(EN.messages).filter(([, m]) => isPlural(m))
    expect(plurals.length).toBeGreaterThan(0)
    for (const [key, message] of plurals) {
      expect(Object.keys(message).sort(), key).toEqual(categories('en'))
    }
  })

  it('uses well-formed placeholders only: {name}, no stray braces', () => {
    for (const [key, message] of Object.entries(EN.messages)) {
      for (const form of forms(message)) {
        expect(form.replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, ''), key).not.toMatch(/[{}]/)
      }
    }
  })
})

describe('loading', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return sources(path)
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
    })
  }

  it('imports a translation only dynamically, so it is a chunk of its own', () => {
    const staticImports = sources('src').filter((path) =>
      /^import[^;]*from '(?:\.\/|.*\/i18n\/)ko(?:-glossary)?'/m.test(readFileSync(path, 'utf8')),
    )
    expect(staticImports.map((p) => p.replaceAll('\\', '/'))).toEqual(['src/ui/i18n/ko.ts'])
  })
})
