/**
 * The guided scenarios: scenario files with narration in `public/scenarios/`, listed by
 * `public/scenarios/index.json`. The browser fetches them by URL (`guidedScenarioUrl`); Node tests
 * read them from disk (`test-helpers.ts`). Either way the text goes through the functions here,
 * which only parse and check it, so this module needs neither the DOM nor `node:fs`.
 */
import type { SimulationSpec } from '../engine/spec'
import { note, parseScenario, type Problem, type ScenarioNarration } from '../scenario'

/** One line of `index.json`. */
export interface GuidedScenarioEntry {
  /** Kebab-case id, also the file name without `.json`. */
  id: string
  /** The scenario's `name`. */
  title: string
  /** One sentence for the scenario picker. */
  summary: string
  /** The scenario file, relative to the index, e.g. `rf1-rolling-update.json`. */
  file: string
  /** The picker's heading it is listed under; absent means `guided`. */
  group?: GuidedGroup
}

/**
 * The picker's groups: guided scenarios about availability, guided scenarios about capacity (a
 * broker type, so byte rates and network limits count), and large clusters (listed in
 * `clusters/index.json`, without narration).
 */
export const GUIDED_GROUPS = ['guided', 'capacity', 'large'] as const
export type GuidedGroup = (typeof GUIDED_GROUPS)[number]

/** A guided scenario ready to run: the engine spec and the narration to play beside it. */
export interface GuidedScenario {
  entry: GuidedScenarioEntry
  spec: SimulationSpec
  narration: ScenarioNarration
  warnings: Problem[]
}

export type GuidedIndexResult =
  { ok: true; entries: GuidedScenarioEntry[] } | { ok: false; problems: Problem[] }

export type GuidedScenarioResult =
  { ok: true; scenario: GuidedScenario } | { ok: false; problems: Problem[] }

/** Where the files live, relative to the app's base URL (Vite serves `public/` at the root). */
export const GUIDED_SCENARIOS_PATH = 'scenarios/'
export const GUIDED_INDEX_FILE = 'index.json'

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
const ENTRY_KEYS = ['id', 'title', 'summary', 'file'] as const
const ALLOWED_KEYS: readonly string[] = [...ENTRY_KEYS, 'group']

function readEntry(raw: unknown, path: string, problems: Problem[]): GuidedScenarioEntry | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(note(path, 'expected an object with id, title, summary and file'))
    return null
  }
  const record = raw as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!ALLOWED_KEYS.includes(key))
      problems.push(note(`${path}.${key}`, `unknown field; allowed: ${ALLOWED_KEYS.join(', ')}`))
  }
  const before = problems.length
  for (const key of ENTRY_KEYS) {
    const value = record[key]
    if (typeof value !== 'string' || value.length === 0)
      problems.push(note(`${path}.${key}`, 'expected a non-empty string'))
  }
  const group = record.group
  if (group !== undefined && !(GUIDED_GROUPS as readonly unknown[]).includes(group))
    problems.push(note(`${path}.group`, `expected one of ${GUIDED_GROUPS.join(', ')}`))
  if (problems.length > before) return null
  const entry = record as unknown as GuidedScenarioEntry
  if (!ID_PATTERN.test(entry.id))
    problems.push(note(`${path}.id`, 'expected kebab-case: a-z, 0-9 and single dashes'))
  if (entry.file !== `${entry.id}.json`)
    problems.push(note(`${path}.file`, `expected "${entry.id}.json", the id plus .json`))
  return entry
}

/**
 * Parses the text of `index.json`: a JSON array of entries with unique kebab-case ids, each
 * naming the file `<id>.json` beside the index.
 *
 * @example
 * const index = parseGuidedIndex(await (await fetch(guidedScenarioUrl('index.json'))).text())
 */
export function parseGuidedIndex(text: string): GuidedIndexResult {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught)
    return { ok: false, problems: [note('$', `not JSON: ${message}`)] }
  }
  if (!Array.isArray(raw)) {
    return { ok: false, problems: [note('$', 'expected a JSON array of entries')] }
  }
  const problems: Problem[] = []
  const entries: GuidedScenarioEntry[] = []
  const seen = new Set<string>()
  raw.forEach((item, i) => {
    const entry = readEntry(item, `[${i}]`, problems)
    if (entry === null) return
    if (seen.has(entry.id)) problems.push(note(`[${i}].id`, `duplicate id "${entry.id}"`))
    seen.add(entry.id)
    entries.push(entry)
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries }
}

/**
 * Parses one guided scenario file with the real scenario reader. A guided scenario must carry
 * narration; its warnings are passed on (the built-in files have none, which a test checks).
 */
export function parseGuidedScenario(
  entry: GuidedScenarioEntry,
  text: string,
): GuidedScenarioResult {
  const result = parseScenario(text)
  if (!result.ok) return result
  if (result.narration === undefined) {
    return {
      ok: false,
      problems: [note('narration', 'a guided scenario needs narration')],
    }
  }
  return {
    ok: true,
    scenario: { entry, spec: result.spec, narration: result.narration, warnings: result.warnings },
  }
}

/** The URL of a file of the guided scenarios (`index.json` or a scenario) under the app's base URL. */
export function guidedScenarioUrl(file: string, baseUrl = './'): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  return `${base}${GUIDED_SCENARIOS_PATH}${file}`
}

function failure(what: string, problems: Problem[]): Error {
  return new Error(`${what}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
}

/**
 * Lists the guided scenarios through a synchronous reader of files beside `index.json` (Node
 * tests pass one built on `readFileSync`). Throws when the index is malformed, since the built-in
 * files are part of the product.
 *
 * @example
 * const entries = listGuidedScenarios(readGuidedFile)
 */
export function listGuidedScenarios(readText: (file: string) => string): GuidedScenarioEntry[] {
  const result = parseGuidedIndex(readText(GUIDED_INDEX_FILE))
  if (!result.ok) throw failure(GUIDED_INDEX_FILE, result.problems)
  return result.entries
}

/** Loads one guided scenario by id through the same reader; throws on any problem. */
export function loadGuidedScenario(id: string, readText: (file: string) => string): GuidedScenario {
  const entry = listGuidedScenarios(readText).find((e) => e.id === id)
  if (entry === undefined) throw new Error(`no guided scenario "${id}" in ${GUIDED_INDEX_FILE}`)
  const result = parseGuidedScenario(entry, readText(entry.file))
  if (!result.ok) throw failure(entry.file, result.problems)
  return result.scenario
}
