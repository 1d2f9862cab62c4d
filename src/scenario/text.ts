/**
 * Small helpers for problem messages: JSON-like paths, value descriptions for "got ..." and the
 * closest known name for "did you mean ...?".
 */
import { MAX_PROBLEMS_PER_CODE } from './budget'
import {
  clip,
  describeShown,
  SHOWN_CHARS,
  makeProblem,
  showValue,
  type Problem,
  type ProblemCode,
  type ProblemParams,
} from './messages'

export { oneOf, quote } from './messages'

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * `at('topics', 0, 'name')` is `topics[0].name`; odd keys are quoted: `config["linger.ms"]`. A
 * key longer than SHOWN_CHARS (no field's is) is clipped, so that a path never echoes a huge key.
 */
export function at(base: string, ...keys: (string | number)[]): string {
  let path = base
  for (const key of keys) {
    if (typeof key === 'number') path = `${path}[${key}]`
    else if (key.length > SHOWN_CHARS) path = `${path}[${JSON.stringify(clip(key))}]`
    else if (IDENTIFIER.test(key)) path = path === '' ? key : `${path}.${key}`
    else path = `${path}[${JSON.stringify(key)}]`
  }
  return path
}

/** The root is shown as `$`. */
export function shownPath(path: string): string {
  return path === '' ? '$' : path
}

export function problem<C extends ProblemCode>(
  path: string,
  code: C,
  params: ProblemParams[C],
): Problem {
  return makeProblem(shownPath(path), code, params)
}

/** "the string \"2\"", "the number 1.5", "an array", "null"... for "must be X (got Y)". */
export function describeValue(value: unknown): string {
  return describeShown(showValue(value))
}

/** Levenshtein distance, bounded: returns `limit + 1` as soon as the distance exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > limit) return limit + 1
    previous = current
  }
  return previous[b.length] ?? limit + 1
}

/**
 * The known name closest to `name`, if it is close enough to be a likely typo: case and
 * separator differences count for little, and at most a third of the letters may differ.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  const squash = (s: string): string => s.toLowerCase().replace(/[._\-\s]/g, '')
  const target = squash(name)
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of known) {
    const limit = Math.max(1, Math.floor(Math.max(target.length, 3) / 3))
    const distance = editDistance(target, squash(candidate), limit)
    if (distance <= limit && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** " Did you mean \"x\"?" or "". */
export function didYouMean(name: string, known: readonly string[]): string {
  const match = closest(name, known)
  return match === undefined ? '' : ` Did you mean ${JSON.stringify(match)}?`
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Strict < order on strings, independent of the locale (determinism). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * A problem of a text importer whose sentence is still written where it is found (code
 * `import-note`); the validator's own problems all have codes and params.
 */
export function note(path: string, text: string): Problem {
  return makeProblem(path, 'untranslated', { text })
}

/** A `note` that describes no risk (an input the model ignores, a mode it assumed): level info. */
export function infoNote(path: string, text: string): Problem {
  return { ...note(path, text), level: 'info' }
}

/**
 * The first MAX_PROBLEMS_PER_CODE problems of each code, in order, then one "… and N more" per
 * code cut short: what the scenario reader keeps (shape.ts `finishCtx`), for lists built
 * elsewhere (the importers).
 */
export function capProblems(problems: readonly Problem[], level: 'error' | 'warning'): Problem[] {
  const kept: Problem[] = []
  const counts = new Map<ProblemCode, number>()
  for (const p of problems) {
    const count = (counts.get(p.code) ?? 0) + 1
    counts.set(p.code, count)
    if (count <= MAX_PROBLEMS_PER_CODE) kept.push(p)
  }
  for (const [code, count] of counts) {
    if (count <= MAX_PROBLEMS_PER_CODE) continue
    kept.push(
      makeProblem('$', 'more-problems', {
        of: code,
        count: count - MAX_PROBLEMS_PER_CODE,
        shown: MAX_PROBLEMS_PER_CODE,
        level,
      }),
    )
  }
  return kept
}

export { movedProblem, showValue } from './messages'
