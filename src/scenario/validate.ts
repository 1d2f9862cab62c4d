/**
 * Validation of scenario files: `parseScenario` for text, `validateScenario` for parsed JSON.
 * Both report every problem they find (not just the first; the first 100 of each kind, then how
 * many more), each with a path and a message naming what is wrong and what is allowed, and
 * neither throws on any input. Files past a work budget (budget.ts) are refused at once. An accepted file
 * comes back normalised into the engine's `SimulationSpec`, with warnings that never block a run.
 */
import { parseJson } from './json'
import { makeProblem, showValue, type ProblemData } from './messages'
import { normalizeScenario } from './normalize'
import { checkSemantics } from './semantics'
import type { Rule } from './fields'
import { checkBudget } from './budget-check'
import { finishCtx, newCtx, readScenario, readValue } from './shape'
import type { Problem, ScenarioFile, ScenarioParseResult, TryItVariant } from './types'
import { variantFile } from './variant'

/** Where the warnings about a variant that would not load point. */
const VARIANT_MERGE_PATH = 'narration.tryItVariant.merge'

/**
 * Checks a parsed scenario (any value) and normalises it.
 *
 * @example
 * const result = validateScenario(JSON.parse(text))
 * if (!result.ok) for (const p of result.problems) console.log(`${p.path}: ${p.message}`)
 */
export function validateScenario(raw: unknown): ScenarioParseResult {
  return validate(raw, true)
}

/**
 * `checkVariant`: also apply `narration.tryItVariant` and validate what it makes, reporting its
 * problems as warnings (a variant that would not load does not stop the file from loading). Off
 * for the variant itself, whose own tryItVariant would make a variant of the variant.
 */
function validate(raw: unknown, checkVariant: boolean): ScenarioParseResult {
  try {
    const ctx = newCtx()
    const loose = readScenario(ctx, raw)
    // A file past a work budget gets no semantic pass: its problems are the budget's, at once.
    if (loose !== undefined && checkBudget(ctx, loose)) checkSemantics(ctx, loose)
    finishCtx(ctx)
    if (ctx.errorCount > 0 || loose === undefined) return { ok: false, problems: ctx.errors }
    // Every field passed, so `raw` is a ScenarioFile (possibly with extra prototype junk that
    // normalisation never reads, since it copies known fields only).
    const spec = normalizeScenario(raw as ScenarioFile)
    if (loose.narration === undefined) return { ok: true, spec, warnings: ctx.warnings }
    const variant = loose.narration.tryItVariant
    if (checkVariant && variant !== undefined)
      ctx.warnings.push(...variantProblems(raw as Record<string, unknown>, variant))
    return { ok: true, spec, warnings: ctx.warnings, narration: structuredClone(loose.narration) }
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught)
    return {
      ok: false,
      problems: [makeProblem('$', 'internal-error', { stage: 'validate', detail: message })],
    }
  }
}

function variantProblems(file: Record<string, unknown>, variant: TryItVariant): Problem[] {
  const result = validate(variantFile(file, variant), false)
  if (result.ok) return []
  return result.problems.map((p) =>
    makeProblem(VARIANT_MERGE_PATH, 'variant-invalid', {
      label: variant.label,
      at: p.path,
      problem: { code: p.code, params: p.params } as ProblemData,
    }),
  )
}

/** What `validateVariant` returns: the variant's file and label beside the usual result. */
export type VariantParseResult =
  | (Extract<ScenarioParseResult, { ok: true }> & {
      file: Record<string, unknown>
      label: string
    })
  | { ok: false; problems: Problem[] }

/**
 * Validates a guided scenario file (any value), applies its `narration.tryItVariant` and
 * validates the result: the "Try it" button's scenario. Problems of the original file keep their
 * paths; problems of the variant have the paths of the variant's file.
 *
 * @example
 * const variant = validateVariant(JSON.parse(text))
 * if (variant.ok) loadGuided(id, variant.spec.name, variant.spec, variant.narration!)
 * else showProblems(variant.problems)
 */
export function validateVariant(raw: unknown): VariantParseResult {
  const original = validate(raw, false)
  if (!original.ok) return original
  const variant = original.narration?.tryItVariant
  if (variant === undefined) {
    return { ok: false, problems: [makeProblem('narration.tryItVariant', 'required', {})] }
  }
  const file = variantFile(raw as Record<string, unknown>, variant)
  const result = validate(file, false)
  if (!result.ok) return result
  return { ...result, file, label: variant.label }
}

/**
 * Parses scenario JSON text (comments allowed) and validates it. JSON syntax errors have a path
 * like `line 3, column 7`. A text over MAX_TEXT_CHARS (16 MiB) is refused before it is read.
 *
 * @example
 * const result = parseScenario(await file.text())
 * if (result.ok) createSimulation(result.spec)
 */
export function parseScenario(text: string): ScenarioParseResult {
  if (typeof text !== 'string') {
    return {
      ok: false,
      problems: [makeProblem('$', 'wrong-type', { expected: 'json-text', got: showValue(text) })],
    }
  }
  const json = parseJson(text)
  if (!json.ok) return { ok: false, problems: json.problems }
  return validateScenario(json.value)
}

/**
 * Checks one value against a rule of the format (from `fields.ts`), with the problems the reader
 * would report for it at `path`. For editors that hold a value the file does not: the zone count
 * a zone list is built from, say.
 *
 * @example
 * checkValue(0, 'cluster.zones', ZONE_COUNT_RULE) // { ok: false, problems: [must be at least 1 (got 0)] }
 */
export function checkValue(
  value: unknown,
  path: string,
  rule: Rule,
): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  const ctx = newCtx()
  const checked = readValue(ctx, value, path, rule)
  finishCtx(ctx)
  return ctx.errorCount === 0 ? { ok: true, value: checked } : { ok: false, problems: ctx.errors }
}
