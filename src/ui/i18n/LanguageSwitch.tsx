/**
 * The header's language switch: a labelled select offering each language in its own name
 * ("English", "한국어", each option marked with its `lang` so a screen reader pronounces it
 * right). Choosing is instant: the select shows the choice at once, the page stays in the
 * current language until the new catalogue has loaded (a few kilobytes, cached afterwards), and
 * the choice is remembered (localStorage) and written into the address (`lang=ko`).
 */
import { LOCALE_NAMES, LOCALES, isLocale } from './locale'
import { pageStorage, writeLocaleToAddress } from './locale-browser'
import { useLocale, useT } from './react'
import { chooseLocaleByUser } from './runtime'

export function LanguageSwitch() {
  const t = useT()
  const { requested } = useLocale()
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>{t('header.language')}</span>
      <select
        className="rounded border border-border bg-panel px-2 py-1"
        value={requested}
        onChange={(event) => {
          const locale = event.target.value
          if (isLocale(locale)) {
            void chooseLocaleByUser(locale, pageStorage(), writeLocaleToAddress)
          }
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </label>
  )
}
