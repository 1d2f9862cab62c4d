/**
 * Guided scenarios' narration in Korean: every guided scenario has a complete translation beside
 * it in public/scenarios/i18n/ko/ (the same steps at the same times, every field the English
 * step has, none empty, Kafka's identifiers kept as they are) and its picker title and summary
 * in ko/index.json, except the scenarios listed as not yet translated, which must really have
 * none. A translation that no longer fits its scenario is never shown: the English is.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ScenarioNarration } from '../../scenario/types'
import {
  type IndexTranslation,
  translateEntries,
  translateNarration,
  translationProblems,
} from './narration-i18n'

/** Scenarios whose Korean narration is still to write (the translators' second round). */
const NOT_YET_TRANSLATED: readonly string[] = []

const DIR = 'public/scenarios'
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8')) as unknown

interface Entry {
  id: string
  file: string
}

const entries = readJson(`${DIR}/index.json`) as Entry[]
const narrated = entries.filter(
  (e) => (readJson(`${DIR}/${e.file}`) as { narration?: unknown }).narration !== undefined,
)
const narrationOf = (e: Entry) =>
  (readJson(`${DIR}/${e.file}`) as { narration: ScenarioNarration }).narration
const koIndex = readJson(`${DIR}/i18n/ko/index.json`) as IndexTranslation

/** Config keys, error codes, Kafka class and metric names: never translated. */
function identifiers(text: string): string[] {
  const patterns = [
    /\b[a-z]{2,}(?:\.[a-z]{2,})+\b/g,
    /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g,
    /\b[A-Z][a-z]+(?:[A-Z][a-z]+){2,}\b/g,
  ]
  return [...new Set(patterns.flatMap((p) => text.match(p) ?? []))]
}

describe('Korean narration of the guided scenarios', () => {
  const translated = narrated.filter((e) => !NOT_YET_TRANSLATED.includes(e.id))

  it('covers at least three scenarios, each listed in the index', () => {
    expect(translated.length).toBeGreaterThanOrEqual(3)
    for (const id of NOT_YET_TRANSLATED) expect(entries.map((e) => e.id)).toContain(id)
  })

  it.each(translated.map((e) => [e.id, e] as const))('is complete for %s', (id, entry) => {
    const path = `${DIR}/i18n/ko/${entry.file}`
    expect(existsSync(path), path).toBe(true)
    const english = narrationOf(entry)
    const korean = readJson(path)
    expect(translationProblems(english, korean)).toEqual([])
    const words = koIndex[id]
    expect(words?.title.trim(), id).toBeTruthy()
    expect(words?.summary.trim(), id).toBeTruthy()
    // Kafka's words stay Kafka's, field by field.
    const shown = translateNarration(english, korean)
    english.steps.forEach((step, i) => {
      const ko = shown.steps[i]!
      for (const field of ['title', 'text', 'rule', 'predict'] as const) {
        for (const name of identifiers(step[field] ?? '')) {
          expect(ko[field], `${id} step ${i} ${field}: ${name}`).toContain(name)
        }
      }
    })
  })

  it('is honestly absent for the scenarios listed as not yet translated', () => {
    const present = NOT_YET_TRANSLATED.filter(
      (id) => existsSync(`${DIR}/i18n/ko/${id}.json`) || Object.hasOwn(koIndex, id),
    )
    expect(present).toEqual([])
  })
})

describe('a translation that does not fit', () => {
  const english: ScenarioNarration = {
    steps: [
      { atMs: 0, title: 'Start', text: 'Watch.', rule: 'A rule.' },
      { atMs: 5000, title: 'Crash', text: 'Broker 1 crashes.', checkpoint: true },
    ],
    tryIt: 'Try more.',
  }
  const korean = {
    steps: [
      { atMs: 0, title: '시작', text: '지켜보세요.', rule: '규칙.' },
      { atMs: 5000, title: '크래시', text: '브로커 1이 크래시합니다.' },
    ],
    tryIt: '더 해 보세요.',
  }

  it('is shown when complete, keeping the English times and checkpoints', () => {
    const shown = translateNarration(english, korean)
    expect(shown.steps.map((s) => s.title)).toEqual(['시작', '크래시'])
    expect(shown.steps[1]!.checkpoint).toBe(true)
    expect(shown.tryIt).toBe('더 해 보세요.')
  })

  it('is not shown when a step moved, went missing or lost a field', () => {
    const moved = { ...korean, steps: [korean.steps[0], { ...korean.steps[1], atMs: 6000 }] }
    expect(translationProblems(english, moved)).toEqual([
      'steps[1].atMs: 6000, the English step is at 5000',
    ])
    expect(translateNarration(english, moved)).toBe(english)
    expect(translationProblems(english, { ...korean, steps: [korean.steps[0]] })).toEqual([
      'steps: 1 steps, the English has 2',
    ])
    const noRule = { ...korean, steps: [{ ...korean.steps[0], rule: '' }, korean.steps[1]] }
    expect(translationProblems(english, noRule)).toEqual(['steps[0].rule: missing or empty'])
    expect(translationProblems(english, { steps: korean.steps })).toEqual([
      'tryIt: missing or empty',
    ])
  })

  it('keeps the English title and summary of a picker entry it does not name', () => {
    const list = [
      { id: 'a', title: 'A', summary: 'About A.', file: 'a.json' },
      { id: 'b', title: 'B', summary: 'About B.', file: 'b.json' },
    ]
    const shown = translateEntries(list, { a: { title: '가', summary: '가에 대하여.' } })
    expect(shown.map((e) => e.title)).toEqual(['가', 'B'])
  })
})
