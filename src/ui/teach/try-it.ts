/**
 * A guided scenario's "Try it" variant in the browser: the guided id a variant runs under, and
 * fetching the original file again to build the variant with the scenario reader
 * (`validateVariant`: the file with `narration.tryItVariant.merge` applied, validated). Like
 * `guided-fetch.ts`, the reader loads on demand, on the first click.
 */
import type { VariantParseResult } from '../../scenario/validate'
import { makeProblem } from '../../scenario/messages'

/**
 * What a variant's guided id adds to its original's: "rf3-minisr3-patching#variant". Index ids
 * are kebab-case, so no original id can end with it.
 */
export const VARIANT_ID_SUFFIX = '#variant'

export function variantId(originalId: string): string {
  return `${originalId}${VARIANT_ID_SUFFIX}`
}

/** The original's id when `id` is a variant's, else null. */
export function originalIdOf(id: string): string | null {
  return id.endsWith(VARIANT_ID_SUFFIX) ? id.slice(0, -VARIANT_ID_SUFFIX.length) : null
}

/** Guided ids are their file names without `.json` (parseGuidedIndex checks it). */
export function guidedFileOf(id: string): string {
  return `${id}.json`
}

/**
 * Fetches a guided scenario's file and builds its variant; never throws.
 *
 * @example
 * const variant = await fetchGuidedVariant('rf3-minisr3-patching')
 * if (variant.ok) loadGuided(variantId(id), variant.spec.name, variant.spec, variant.narration!)
 */
export async function fetchGuidedVariant(id: string): Promise<VariantParseResult> {
  try {
    const [{ guidedScenarioUrl }, { parseJson }, { validateVariant }] = await Promise.all([
      import('../../scenarios/index'),
      import('../../scenario/json'),
      import('../../scenario/validate'),
    ])
    const file = guidedFileOf(id)
    const response = await fetch(guidedScenarioUrl(file))
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`)
    const json = parseJson(await response.text())
    return json.ok ? validateVariant(json.value) : { ok: false, problems: json.problems }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, problems: [makeProblem('$', 'untranslated', { text: message })] }
  }
}
