/**
 * Guided scenarios' narration in other languages. A scenario file carries its narration in
 * English, the source; each translation is a file beside the scenarios, holding only the
 * translated words, step by step in the English order:
 *
 *   public/scenarios/i18n/<locale>/<scenario file>   the narration: steps, tryIt, the variant label
 *   public/scenarios/i18n/<locale>/index.json        each scenario's title and summary, by id
 *
 * A step names its English `atMs`, so a translation that no longer matches its scenario (a step
 * added, moved or removed since) is detected and the English narration is shown instead: a
 * stale translation never puts words beside the wrong moment. Checkpoints, config keys and
 * focus stay the English file's; only words are translated. docs/i18n.md describes the format.
 *
 * i18n-exempt-file: `translationProblems` speaks to translators and tests, never on screen.
 */
import type { NarrationStep, ScenarioNarration } from '../../scenario/types'
import type { GuidedScenarioEntry } from '../../scenarios/index'
import type { Locale } from '../i18n/locale'

/** One step's words; `rule` and `predict` exactly when the English step has them. */
export interface StepTranslation {
  /** The English step's time, to check the translation still matches its scenario. */
  atMs: number
  title: string
  text: string
  rule?: string
  predict?: string
}

export interface NarrationTranslation {
  steps: StepTranslation[]
  /** Exactly when the English narration has `tryIt`. */
  tryIt?: string
  /** Exactly when the English narration has `tryItVariant.label`. */
  tryItLabel?: string
}

/** `index.json` of a locale: the picker's words for each scenario id. */
export type IndexTranslation = Record<string, { title: string; summary: string }>

const STEP_FIELDS = ['title', 'text', 'rule', 'predict'] as const

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function filled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

function has(value: string | undefined): value is string {
  return value !== undefined && value !== ''
}

/** Problems of one step's translation against its English step. */
function stepProblems(english: NarrationStep, step: unknown, path: string): string[] {
  if (!isRecord(step)) return [`${path}: not an object`]
  const problems: string[] = []
  if (step.atMs !== english.atMs) {
    problems.push(`${path}.atMs: ${String(step.atMs)}, the English step is at ${english.atMs}`)
  }
  for (const field of STEP_FIELDS) {
    const wanted = field === 'title' || field === 'text' || has(english[field])
    if (wanted && !filled(step[field])) problems.push(`${path}.${field}: missing or empty`)
    if (!wanted && field in step) problems.push(`${path}.${field}: the English step has none`)
  }
  for (const key of Object.keys(step)) {
    if (key !== 'atMs' && !(STEP_FIELDS as readonly string[]).includes(key)) {
      problems.push(`${path}.${key}: not a translated field`)
    }
  }
  return problems
}

/**
 * Why a translation does not fit its English narration, or [] when it is complete: the same
 * steps at the same times, every field the English has (non-empty) and no other.
 *
 * @example
 * translationProblems(narration, { steps: [] }) // ['steps: 0 steps, the English has 6']
 */
export function translationProblems(english: ScenarioNarration, translation: unknown): string[] {
  if (!isRecord(translation)) return ['not an object']
  const steps = translation.steps
  if (!Array.isArray(steps)) return ['steps: missing']
  const problems: string[] = []
  if (steps.length !== english.steps.length) {
    problems.push(`steps: ${steps.length} steps, the English has ${english.steps.length}`)
  }
  english.steps.forEach((step, i) => {
    if (i < steps.length) problems.push(...stepProblems(step, steps[i], `steps[${i}]`))
  })
  const optional = [
    ['tryIt', has(english.tryIt)],
    ['tryItLabel', has(english.tryItVariant?.label)],
  ] as const
  for (const [field, wanted] of optional) {
    if (wanted && !filled(translation[field])) problems.push(`${field}: missing or empty`)
    if (!wanted && field in translation) problems.push(`${field}: the English has none`)
  }
  for (const key of Object.keys(translation)) {
    if (!['steps', 'tryIt', 'tryItLabel', '$comment'].includes(key)) {
      problems.push(`${key}: not a translated field`)
    }
  }
  return problems
}

/**
 * The narration in the translation's words, or the English one unchanged when the translation
 * does not fit (see `translationProblems`). Everything but the words stays the English file's.
 */
export function translateNarration(
  english: ScenarioNarration,
  translation: unknown,
): ScenarioNarration {
  if (translationProblems(english, translation).length > 0) return english
  const words = translation as NarrationTranslation
  const steps = english.steps.map((step, i) => {
    const w = words.steps[i] as StepTranslation
    return {
      ...step,
      title: w.title,
      text: w.text,
      ...(w.rule === undefined ? {} : { rule: w.rule }),
      ...(w.predict === undefined ? {} : { predict: w.predict }),
    }
  })
  const variant = english.tryItVariant
  return {
    ...english,
    steps,
    ...(words.tryIt === undefined ? {} : { tryIt: words.tryIt }),
    ...(variant === undefined || words.tryItLabel === undefined
      ? {}
      : { tryItVariant: { ...variant, label: words.tryItLabel } }),
  }
}

/** The entries with the locale's titles and summaries where it has them. */
export function translateEntries(
  entries: readonly GuidedScenarioEntry[],
  index: IndexTranslation | null,
): GuidedScenarioEntry[] {
  if (index === null) return entries.slice()
  return entries.map((entry) => {
    const words = Object.hasOwn(index, entry.id) ? index[entry.id] : undefined
    return filled(words?.title) && filled(words.summary)
      ? { ...entry, title: words.title, summary: words.summary }
      : entry
  })
}

/** Where a locale's translation of a file under `public/scenarios/` lives, relative to it. */
export function translationFile(locale: Locale, file: string): string {
  return `i18n/${locale}/${file}`
}
