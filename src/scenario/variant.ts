/**
 * A guided scenario's "Try it" variant: the scenario its closing suggestion (`narration.tryIt`)
 * describes, written as `narration.tryItVariant`, a label and a JSON Merge Patch of the file. The
 * variant is the file with the patch applied and its own name, "<name> — variant"; its narration
 * stays the original's (patched, if the patch says so), `tryItVariant` included, so a variant
 * knows what it is a variant of. `validateVariant` (validate.ts) checks both files.
 */
import { mergePatch } from './merge-patch'
import { hasOwn } from './text'
import type { TryItVariant } from './types'

/** What a variant's name adds to the original's. */
export const VARIANT_NAME_SUFFIX = ' — variant'

/**
 * The variant's scenario file, not yet validated: `file` with `variant.merge` applied, named
 * "<name> — variant" unless the patch gives a name of its own. Pure: `file` is not changed.
 *
 * @example
 * const next = variantFile(file, { label: 'set min.insync.replicas to 2',
 *   merge: { cluster: { config: { 'min.insync.replicas': 2 } } } })
 * next.name // 'RF 3 with min ISR 3 during patching — variant'
 */
export function variantFile(
  file: Readonly<Record<string, unknown>>,
  variant: TryItVariant,
): Record<string, unknown> {
  const merged = mergePatch(file, variant.merge) as Record<string, unknown>
  if (!hasOwn(variant.merge, 'name') && typeof file.name === 'string')
    merged.name = `${file.name}${VARIANT_NAME_SUFFIX}`
  return merged
}
