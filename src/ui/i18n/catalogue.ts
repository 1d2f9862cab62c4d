/**
 * The shape of a catalogue, derived from the English one (`en.ts`), which is the source of
 * truth: a translation must have every English key (TypeScript fails the build otherwise, as
 * `ko.ts` is declared `satisfies Catalogue`), each a string where English has a string and plural
 * forms where English has plural forms. That the placeholders match, and that the plural forms
 * are the locale's CLDR categories, the tests in `catalogue.test.ts` check.
 */
import type { GlossaryEntry, TermId } from '../teach/glossary'
import type { EN_MESSAGES } from './en'
import type { Locale } from './locale'
import type { MessageParamNames, ParamValue, PluralForms } from './message-format'

export type EnglishMessages = typeof EN_MESSAGES

export type MessageKey = keyof EnglishMessages

/** A translation of an English message: any text for a string, the locale's forms for plurals. */
export type Translation<M> = M extends string ? string : PluralForms

export type Messages = { readonly [K in MessageKey]: Translation<EnglishMessages[K]> }

/** The glossary in one language: the word, its definition and its source, per entry. */
export type GlossaryTexts = Readonly<Record<TermId, GlossaryEntry>>

export interface Catalogue {
  readonly locale: Locale
  readonly messages: Messages
  readonly glossary: GlossaryTexts
}

/** The parameter names of a message key (a union type). */
export type ParamNames<K extends MessageKey> = MessageParamNames<EnglishMessages[K]>

/** The argument list after the key: nothing for a plain message, else its parameters. */
export type ParamArgs<K extends MessageKey> = [ParamNames<K>] extends [never]
  ? []
  : [Readonly<Record<ParamNames<K>, ParamValue>>]

/** The keys of messages that take no parameters (labels, headings). */
export type PlainKey = {
  [K in MessageKey]: [ParamNames<K>] extends [never] ? K : never
}[MessageKey]
