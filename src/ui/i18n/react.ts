/**
 * React's side of the catalogues: `useT()` gives a component the translator of the language on
 * screen and re-renders it when the language changes; `useLocale()` also says which language is
 * on its way (the switch shows the choice at once while its catalogue loads).
 */
import { useSyncExternalStore } from 'react'
import type { Locale } from './locale'
import { currentT, requestedLocale, subscribeLocale, type Translate } from './runtime'

export function useT(): Translate {
  return useSyncExternalStore(subscribeLocale, currentT, currentT)
}

export function useLocale(): { locale: Locale; requested: Locale } {
  const t = useT()
  const requested = useSyncExternalStore(subscribeLocale, requestedLocale, requestedLocale)
  return { locale: t.locale, requested }
}
