/**
 * The active language of the page and the `t` that reads it, outside React.
 *
 * The language is a property of the whole document (`<html lang>`), and text is made in places
 * that are not components: announcements, tooltips drawn by D3, the action registry's labels.
 * So the active catalogue lives here, once, and components subscribe to it through `useT()`
 * (`react.ts`), which re-renders them when it changes. English is bundled; every other catalogue
 * is its own chunk, imported the first time it is asked for, and English stays on screen until it
 * arrives, so a switch never blanks the page.
 *
 * @example
 * t('toolbar.play') // 'Play'
 * await setLocale('ko')
 * t('toolbar.play') // '재생'
 */
import type { Catalogue, MessageKey, ParamArgs } from './catalogue'
import { EN } from './en'
import { chooseLocale, DEFAULT_LOCALE, type ChoiceStorage, type Locale, saveLocale } from './locale'
import { browserSources } from './locale-browser'
import { formatMessage, interpolateParts, messageText, type Params } from './message-format'

/** A translator bound to one catalogue. */
export interface Translate {
  <K extends MessageKey>(key: K, ...params: ParamArgs<K>): string
  /** The message split around its placeholders, each replaced by its value (React nodes too). */
  parts<K extends MessageKey, T>(key: K, values: Readonly<Record<string, T>>): (string | T)[]
  readonly locale: Locale
  readonly catalogue: Catalogue
}

const LOADERS: Record<Locale, () => Promise<Catalogue>> = {
  en: () => Promise.resolve(EN),
  ko: () => import('./ko').then((module) => module.KO),
}

/** Builds the `t` of one catalogue; English fills any gap, though the types allow none. */
export function translator(catalogue: Catalogue): Translate {
  const lookup = (key: MessageKey) => catalogue.messages[key] ?? EN.messages[key]
  const t = (<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string =>
    formatMessage(catalogue.locale, lookup(key), params[0])) as Translate
  const parts = <K extends MessageKey, T>(key: K, values: Readonly<Record<string, T>>) =>
    interpolateParts(messageText(catalogue.locale, lookup(key), values as Params), values)
  return Object.assign(t, { parts, locale: catalogue.locale, catalogue })
}

/** English whatever the screen shows: for names the code looks things up by (glossary terms). */
export const englishT: Translate = translator(EN)

let active: Translate = englishT
let requested: Locale = DEFAULT_LOCALE
let started = false
const listeners = new Set<() => void>()

/** The translator of the language on screen now. */
export function currentT(): Translate {
  return active
}

/**
 * `t` of the language on screen, for code outside React. Its `locale` and `catalogue` are
 * getters (defined, not copied), so they follow every switch.
 */
export const t: Translate = Object.defineProperties(
  <K extends MessageKey>(key: K, ...params: ParamArgs<K>): string => active(key, ...params),
  {
    parts: {
      value: <K extends MessageKey, T>(key: K, values: Readonly<Record<string, T>>) =>
        active.parts(key, values),
    },
    locale: { get: () => active.locale },
    catalogue: { get: () => active.catalogue },
  },
) as Translate

/** The language asked for last (it may still be loading). */
export function requestedLocale(): Locale {
  return requested
}

export function subscribeLocale(listener: () => void): () => void {
  startLocale()
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function notify(): void {
  for (const listener of [...listeners]) listener()
}

function show(catalogue: Catalogue): void {
  if (active.catalogue === catalogue) return
  active = translator(catalogue)
  if (typeof document !== 'undefined') document.documentElement.lang = catalogue.locale
  notify()
}

function request(locale: Locale): void {
  if (requested === locale) return
  requested = locale
  notify()
}

/**
 * Shows `locale` once its catalogue is loaded. Only the latest request counts, so a quick
 * en → ko → en never ends in Korean. A catalogue that fails to load (offline before it was
 * cached) leaves the current language; the promise says whether the switch happened.
 */
export async function setLocale(locale: Locale): Promise<boolean> {
  request(locale)
  let catalogue: Catalogue
  try {
    catalogue = await LOADERS[locale]()
  } catch {
    if (requested === locale) request(active.locale)
    return false
  }
  if (requested !== locale) return false
  show(catalogue)
  return true
}

/**
 * The reader's choice from the header switch: shown, remembered in localStorage and written into
 * the address bar's hash (`lang=ko`), which the autosaved link and the share link keep.
 */
export function chooseLocaleByUser(
  locale: Locale,
  storage: ChoiceStorage | null,
  writeHash: ((locale: Locale) => void) | null,
): Promise<boolean> {
  saveLocale(storage, locale)
  writeHash?.(locale)
  return setLocale(locale)
}

/**
 * Picks the first language from the page (saved choice, link, browser) once, when the first
 * component subscribes; later calls do nothing.
 */
export function startLocale(): void {
  if (started) return
  started = true
  const sources = browserSources()
  if (sources === null) return
  const locale = chooseLocale(sources)
  if (locale !== active.locale) void setLocale(locale)
}

/** Back to English with nothing started, for tests that switch languages. */
export function resetLocaleForTests(): void {
  started = false
  request(DEFAULT_LOCALE)
  show(EN)
}
