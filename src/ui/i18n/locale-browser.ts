/**
 * The browser's side of the language choice: where the saved choice, the address and the
 * browser's languages are read, and how the switch writes `lang` into the address bar. Every
 * access is guarded, since storage may throw and Node (tests, the CLI) has no window.
 */
import { type ChoiceStorage, type Locale, type LocaleSources, readSavedLocale } from './locale'
import { withLocaleParam } from './locale'

/** localStorage, or null where touching it throws (sandboxed iframes, disabled storage). */
export function pageStorage(): ChoiceStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

/** What the first choice is made from, or null outside a browser. */
export function browserSources(): LocaleSources | null {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return null
  return {
    saved: readSavedLocale(pageStorage()),
    address: { search: window.location.search, hash: window.location.hash },
    languages: navigator.languages.length > 0 ? navigator.languages : [navigator.language],
  }
}

/**
 * Puts `lang=<locale>` into the address bar's hash in place: no history entry and no
 * `hashchange` (so the app does not take it for a pasted share link), every other parameter kept.
 */
export function writeLocaleToAddress(locale: Locale): void {
  const { pathname, search, hash } = window.location
  history.replaceState(history.state, '', `${pathname}${search}${withLocaleParam(hash, locale)}`)
}
