/**
 * Which language the UI speaks, and where the choice is kept. In order: the reader's own saved
 * choice (localStorage), then a `lang` parameter in the address (hash or query: a share link
 * made in Korean opens in Korean for a reader who never chose), then the browser's languages
 * (any `ko*` gives Korean), else English. Pure functions over plain inputs, so tests need no
 * browser; the guarded storage access mirrors the tour's, because private windows and sandboxed
 * iframes make `localStorage` throw.
 */

export const LOCALES = ['en', 'ko'] as const

export type Locale = (typeof LOCALES)[number]

export const DEFAULT_LOCALE: Locale = 'en'

/** The localStorage key of the reader's choice. */
export const LOCALE_STORAGE_KEY = 'kafka-ha-lab.locale'

/** The hash (or query) parameter that carries the language in a link: `#...&lang=ko`. */
export const LOCALE_PARAM = 'lang'

/** Each language's name in itself, as the switch offers it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The supported locale a BCP 47 tag asks for: `ko`, `ko-KR`, `ko-Kore-KR` are Korean. */
export function localeOfTag(tag: string): Locale | null {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return isLocale(language) ? language : null
}

export interface LocaleSources {
  saved: string | null
  /** `location.search` and `location.hash`. */
  address: { search: string; hash: string }
  /** `navigator.languages`, most preferred first. */
  languages: readonly string[]
}

/** The `lang` parameter of the hash, else of the query string, when it names a locale. */
export function localeInAddress(address: { search: string; hash: string }): Locale | null {
  for (const part of [address.hash, address.search]) {
    const value = new URLSearchParams(part.replace(/^[#?]/, '')).get(LOCALE_PARAM)
    if (isLocale(value)) return value
  }
  return null
}

/**
 * @example
 * chooseLocale({ saved: null, address: { search: '', hash: '' }, languages: ['ko-KR', 'en'] })
 * // 'ko'
 */
export function chooseLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.saved)) return sources.saved
  const linked = localeInAddress(sources.address)
  if (linked !== null) return linked
  for (const tag of sources.languages) {
    const locale = localeOfTag(tag)
    if (locale !== null) return locale
  }
  return DEFAULT_LOCALE
}

/**
 * The hash with `lang` set to `locale` and every other parameter kept, so the address bar (and
 * the share link made from it) carries the language.
 *
 * @example withLocaleParam('#scenario=eJy&t=5', 'ko') // '#scenario=eJy&t=5&lang=ko'
 */
export function withLocaleParam(hash: string, locale: Locale): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  params.set(LOCALE_PARAM, locale)
  return `#${params.toString()}`
}

/** The two methods of `Storage` the choice uses, so tests pass a plain object. */
export interface ChoiceStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export function readSavedLocale(storage: ChoiceStorage | null): string | null {
  try {
    return storage?.getItem(LOCALE_STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

/** Returns whether the choice was stored (false: it lasts for this visit only). */
export function saveLocale(storage: ChoiceStorage | null, locale: Locale): boolean {
  try {
    if (storage === null) return false
    storage.setItem(LOCALE_STORAGE_KEY, locale)
    return true
  } catch {
    return false
  }
}
