/**
 * Locale-aware pieces of text that are not messages: a role or state named inside a sentence
 * (English lower-cases it, Korean has no letter case) and numbers read as quantities (grouped by
 * the locale's rules with `Intl.NumberFormat`; identifiers such as broker ids and offsets are not
 * quantities and are never passed here).
 */
import { t } from './runtime'

/** A name as it reads mid-sentence: "Out-of-sync follower" → "out-of-sync follower". */
export function inSentence(name: string): string {
  return t.locale === 'en' ? name.toLowerCase() : name
}

const numberFormats = new Map<string, Intl.NumberFormat>()

/** A count or rate in the language on screen: 12,345 in English and Korean alike. */
export function formatNumber(value: number, maximumFractionDigits = 0): string {
  const key = `${t.locale}/${maximumFractionDigits}`
  let format = numberFormats.get(key)
  if (format === undefined) {
    format = new Intl.NumberFormat(t.locale, { maximumFractionDigits })
    numberFormats.set(key, format)
  }
  return format.format(value)
}
