/**
 * The guided scenarios in the language on screen. In English nothing is fetched; in another
 * language the narration's translation file and the locale's `index.json` are fetched once each
 * (from `public/scenarios/i18n/<locale>/`, cached for the visit and, offline, by the service
 * worker) and laid over the English. Until they arrive, or when a scenario has no translation
 * yet, the English shows. The store keeps the English narration: it is the lesson's source, and
 * what the live counters match metric names against.
 */
import { useEffect, useMemo, useState } from 'react'
import type { ScenarioNarration } from '../../scenario/types'
import type { GuidedScenarioEntry } from '../../scenarios/index'
import type { Locale } from '../i18n/locale'
import { useLocale } from '../i18n/react'
import {
  type IndexTranslation,
  translateEntries,
  translateNarration,
  translationFile,
} from './narration-i18n'
import { guidedFileOf, originalIdOf } from './try-it'

const cache = new Map<string, Promise<unknown>>()

/** A translation file's JSON, or null when there is none (404) or it cannot be read. */
function fetchTranslation(locale: Locale, file: string): Promise<unknown> {
  const path = translationFile(locale, file)
  let pending = cache.get(path)
  if (pending === undefined) {
    pending = import('../../scenarios/index')
      .then(({ guidedScenarioUrl }) => fetch(guidedScenarioUrl(path)))
      .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
      .catch(() => null)
    cache.set(path, pending)
  }
  return pending
}

function asIndex(value: unknown): IndexTranslation | null {
  return typeof value === 'object' && value !== null ? (value as IndexTranslation) : null
}

/** What `useTranslation` holds: the fetched JSON for one key (locale and file). */
interface Fetched {
  key: string
  value: unknown
}

/** The JSON of `file`'s translation in the language on screen, or null (English, or none). */
function useTranslationFile(file: string | null): unknown {
  const { locale } = useLocale()
  const key = file === null || locale === 'en' ? null : `${locale}/${file}`
  const [fetched, setFetched] = useState<Fetched | null>(null)
  useEffect(() => {
    if (key === null || file === null) return
    let live = true
    void fetchTranslation(locale, file).then((value) => {
      if (live) setFetched({ key, value })
    })
    return () => {
      live = false
    }
  }, [key, locale, file])
  return key !== null && fetched?.key === key ? fetched.value : null
}

/**
 * A guided scenario's title and narration in the language on screen.
 *
 * @example
 * const { title, narration } = useTranslatedNarration(guided.id, guided.title, guided.narration)
 */
export function useTranslatedNarration(
  id: string | null,
  title: string,
  narration: ScenarioNarration | null,
): { title: string; narration: ScenarioNarration | null } {
  const original = id === null ? null : (originalIdOf(id) ?? id)
  const words = useTranslationFile(original === null ? null : guidedFileOf(original))
  const index = asIndex(useTranslationFile('index.json'))
  const entry = original !== null && index !== null && Object.hasOwn(index, original)
  // Memoised: a new narration object each render would re-render the panel for nothing.
  const shown = useMemo(
    () => (narration === null || words === null ? narration : translateNarration(narration, words)),
    [narration, words],
  )
  return { title: entry ? (index[original]?.title ?? title) : title, narration: shown }
}

/** The picker's entries with their titles and summaries in the language on screen. */
export function useTranslatedEntries(
  entries: readonly GuidedScenarioEntry[] | null,
): GuidedScenarioEntry[] | null {
  const index = asIndex(useTranslationFile(entries === null ? null : 'index.json'))
  // Memoised: the picker moves focus when its entries change.
  return useMemo(
    () => (entries === null ? null : translateEntries(entries, index)),
    [entries, index],
  )
}
