/**
 * The message format of the catalogues, and the one function that turns a message into text.
 *
 * A message is a string with `{name}` placeholders, or a set of plural forms keyed by the
 * CLDR plural categories (`one`, `other`...) of its locale, chosen by the `count` parameter with
 * `Intl.PluralRules`. Nothing else: no nesting, no select, no inline number styles. The
 * catalogues stay plain data, so a test can read every placeholder and every plural form, and a
 * translator needs to learn two rules.
 *
 * Values are inserted as they are: numbers are not grouped or localised implicitly, because
 * most numbers in this UI are identifiers (broker 1001, offset 12000, epoch 3) that Kafka prints
 * without separators. Quantities that should read by locale go through `format.ts` first.
 *
 * @example
 * formatMessage('en', 'Broker {id} is {status}', { id: 3, status: 'offline' })
 * // 'Broker 3 is offline'
 * formatMessage('en', { one: '{count} term', other: '{count} terms' }, { count: 1 })
 * // '1 term'
 */

export type PluralCategory = Intl.LDMLPluralRule

/** Plural forms: `other` is always there (CLDR's fallback); the rest as the locale has them. */
export type PluralForms = { readonly other: string } & {
  readonly [C in PluralCategory]?: string
}

export type Message = string | PluralForms

/** A value a placeholder takes. */
export type ParamValue = string | number

export type Params = Readonly<Record<string, ParamValue>>

/** The placeholder names of a message string, as a union type: `'{a} of {b}'` gives `'a' | 'b'`. */
export type PlaceholderNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholderNames<Rest>
  : never

/** Every parameter a message takes; plural forms take `count` and their forms' placeholders. */
export type MessageParamNames<M> = M extends string
  ? PlaceholderNames<M>
  : M extends PluralForms
    ? 'count' | PlaceholderNames<Extract<M[keyof M], string>>
    : never

export function isPlural(message: Message): message is PluralForms {
  return typeof message !== 'string'
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g

/** The placeholder names in a message string, in order of first appearance, each once. */
export function placeholdersOf(text: string): string[] {
  const names: string[] = []
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? ''
    if (!names.includes(name)) names.push(name)
  }
  return names
}

/** Every parameter a message takes, sorted, for comparing a translation with its source. */
export function paramsOf(message: Message): string[] {
  const forms = isPlural(message) ? Object.values(message) : [message]
  const names = new Set(forms.flatMap((form) => placeholdersOf(form)))
  if (isPlural(message)) names.add('count')
  return [...names].sort()
}

const pluralRules = new Map<string, Intl.PluralRules>()

/** One `Intl.PluralRules` per locale: building one is far slower than asking it. */
export function pluralRulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale)
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale)
    pluralRules.set(locale, rules)
  }
  return rules
}

/** The form of a plural message for `count` in `locale`, falling back to `other`. */
export function pluralForm(locale: string, forms: PluralForms, count: number): string {
  return forms[pluralRulesFor(locale).select(count)] ?? forms.other
}

/**
 * The pieces of a message string with each placeholder replaced by its value, keeping values
 * as they are (so a caller may pass React elements and get an array to render).
 */
export function interpolateParts<T>(
  text: string,
  values: Readonly<Record<string, T>>,
): (string | T)[] {
  const parts: (string | T)[] = []
  let last = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? ''
    if (!(name in values)) continue
    if (match.index > last) parts.push(text.slice(last, match.index))
    parts.push(values[name] as T)
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  return parts
}

/** The text of a plural message (chosen by `params.count`) or a string one. */
export function messageText(locale: string, message: Message, params: Params | undefined): string {
  if (!isPlural(message)) return message
  const count = params?.count
  return pluralForm(locale, message, typeof count === 'number' ? count : Number(count ?? 0))
}

/** A message with its parameters filled in. A placeholder without a value stays as written. */
export function formatMessage(locale: string, message: Message, params?: Params): string {
  const text = messageText(locale, message, params)
  if (params === undefined) return text
  return interpolateParts(text, params).join('')
}
